import { initiativeAccessOf } from '../../infra/auth/access.js';
import { BadInputError, DomainError, NotFoundError } from '../../infra/errors.js';
import { decodeId, toGlobalId } from '../../infra/graphql/ids.js';
import type { RequestScope } from '../../infra/request-scope.js';
import { today } from '../../infra/day.js';
import * as valid from '../../infra/validation.js';
import type { NetworkFacts } from '../../graph/facts.js';
import type { ExportInput } from '../../graph/export.js';
import type { NetworkMetrics } from '../../graph/metrics-engine.js';
import {
  compareCodes,
  edgeThemes,
  edgeWeight,
  NetworkView,
  type NetworkEdge,
  type NetworkFilter,
  type NetworkGraph,
} from '../../graph/network.js';
import { GraphEdgeKind, Theme, type OrganisationKind, type PartnershipKind } from '../../vocabulary.js';
import type { GraphFilter } from './graph.inputs.js';
import {
  CollaborationMatrix,
  Graph,
  GraphEdge,
  GraphNode,
  KnowledgeLink,
  OrganisationMetrics,
  PartnerYears,
  Path,
} from './graph.type.js';
import type { OrganisationFact } from '../../graph/facts.js';

export interface GraphLimits {
  /** Most edges one answer may hold (a drawing of more is an export). */
  maxEdges: number;
}

export { today };

/**
 * The graph queries, answered from the in-memory network (`server/graph`) through the same access rules as
 * everything else: an initiative the caller may not see adds no edge, weight or count.
 */
export class GraphService {
  constructor(
    private readonly facts: NetworkFacts,
    private readonly metrics: NetworkMetrics,
    private readonly limits: GraphLimits,
  ) {}

  private view(scope: RequestScope, filter: Omit<NetworkFilter, 'day'>, asOf?: string | null): NetworkView {
    const day = valid.optionalDate(asOf, 'asOf') ?? today();
    return new NetworkView(this.facts, initiativeAccessOf(scope.viewer), { ...filter, day });
  }

  /** The network as the caller sees it on a day (today when not given), on some themes or all. */
  viewOf(scope: RequestScope, themes: Theme[], asOf: string | null | undefined): NetworkView {
    return this.view(scope, { themes }, asOf);
  }

  /** The view a GraphFilter selects; `prefix` names its fields in errors (`filter.` in GraphQL, none in URLs). */
  private filteredView(
    scope: RequestScope,
    filter: GraphFilter | null | undefined,
    prefix: string,
  ): NetworkView {
    return this.view(
      scope,
      {
        organisationKinds: valid.enumList(filter?.organisationKinds, `${prefix}organisationKinds`),
        provinces: valid.provinceCodes(filter?.provinces, `${prefix}provinces`),
        partnershipKinds: valid.enumList(filter?.partnershipKinds, `${prefix}partnershipKinds`),
        edgeKinds: valid.enumList(filter?.edgeKinds, `${prefix}edgeKinds`),
        themes: valid.enumList(filter?.themes, `${prefix}themes`),
        pillars: valid.enumList(filter?.pillars, `${prefix}pillars`),
      },
      filter?.asOf,
    );
  }

  private organisationPk(id: string, argument: string): number {
    const pk = decodeId(id, 'Organisation', argument);
    if (!this.facts.organisations.has(pk)) throw new NotFoundError('Organisation', `${argument}=${id}`);
    return pk;
  }

  partnershipGraph(scope: RequestScope, filter: GraphFilter | null | undefined): Graph {
    const view = this.filteredView(scope, filter, 'filter.');
    const graph = tiedOnly(view.graph(), filter?.isolated);
    this.checkSize(
      graph.edges.length,
      'narrow the filter (themes, pillars, provinces, organisationKinds, edgeKinds)',
    );
    return this.toGraph(graph.nodes, graph.edges, view.day);
  }

  neighbourhood(
    scope: RequestScope,
    organisationId: string,
    depth: number,
    kinds: PartnershipKind[] | null | undefined,
    edgeKinds: GraphEdgeKind[] | null | undefined,
    asOf: string | null | undefined,
  ): Graph {
    if (!Number.isInteger(depth) || depth < 1 || depth > 3) {
      throw new BadInputError(`depth must be 1, 2 or 3, got ${depth}`, 'depth');
    }
    const pk = this.organisationPk(organisationId, 'organisationId');
    const view = this.view(
      scope,
      {
        partnershipKinds: valid.enumList(kinds, 'kinds'),
        edgeKinds: valid.enumList(edgeKinds, 'edgeKinds'),
      },
      asOf,
    );
    const narrow = 'ask for a smaller depth, or fewer kinds';
    // Measured on the typed-array graph first, so an answer too large to send is refused before it is built.
    this.checkSize(view.neighbourhoodSize(pk, depth).ties, narrow);
    const graph = view.neighbourhood(pk, depth);
    this.checkSize(graph.edges.length, narrow);
    return this.toGraph(graph.nodes, graph.edges, view.day);
  }

  shortestPath(
    scope: RequestScope,
    fromId: string,
    toId: string,
    maxDepth: number,
    asOf: string | null | undefined,
  ): Path | null {
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 10) {
      throw new BadInputError(`maxDepth must be between 1 and 10, got ${maxDepth}`, 'maxDepth');
    }
    const fromPk = this.organisationPk(fromId, 'fromId');
    const toPk = this.organisationPk(toId, 'toId');
    const view = this.view(scope, {}, asOf);
    const path = view.shortestPath(fromPk, toPk, maxDepth);
    if (!path) return null;
    const result = new Path();
    result.nodePks = path.nodes.map((o) => o.pk);
    result.length = path.nodes.length - 1;
    result.edges = path.edges.map((e) => this.toEdge(e));
    result.asOf = view.day;
    return result;
  }

  collaborationMatrix(
    scope: RequestScope,
    kind: OrganisationKind | null | undefined,
    theme: Theme | null | undefined,
    asOf: string | null | undefined,
  ): CollaborationMatrix {
    const view = this.view(
      scope,
      { organisationKinds: kind ? [kind] : [], themes: theme ? [theme] : [] },
      asOf,
    );
    const { organisations, counts } = view.collaborationCounts();
    if (organisations.length > 500) {
      throw new BadInputError(
        `a matrix of ${organisations.length} organisations is too large to answer; ask for one kind of fewer than 500`,
        'kind',
      );
    }
    const matrix = new CollaborationMatrix();
    matrix.organisationPks = organisations.map((o) => o.pk);
    matrix.counts = counts.map((row) => [...row]);
    matrix.asOf = view.day;
    return matrix;
  }

  /**
   * The network for an export file: no size limit (a file is the answer for large networks), metrics as node
   * attributes when asked for.
   */
  async exportData(scope: RequestScope, filter: GraphFilter, withMetrics: boolean): Promise<ExportInput> {
    const view = this.filteredView(scope, filter, '');
    const metrics = withMetrics
      ? await this.metrics.get(initiativeAccessOf(scope.viewer), {
          day: view.day,
          themes: view.filter.themes ?? [],
        })
      : null;
    const graph = tiedOnly(view.graph(), filter.isolated);
    return {
      nodes: graph.nodes,
      edges: graph.edges,
      day: view.day,
      metrics: metrics?.byPk ?? null,
      computedAt: metrics?.computedAt ?? null,
    };
  }

  /** The metrics of the organisations the caller sees, by key, unsorted (on one theme when given). */
  async metricsByPk(
    scope: RequestScope,
    theme: Theme | null | undefined,
    asOf: string | null | undefined,
  ): Promise<ReadonlyMap<number, Omit<OrganisationMetrics, 'computedAt'>>> {
    const day = valid.optionalDate(asOf, 'asOf') ?? today();
    return (await this.metrics.get(initiativeAccessOf(scope.viewer), { day, themes: theme ? [theme] : [] }))
      .byPk;
  }

  /** Metrics over the whole network the caller sees (on one theme when given), rows for one kind or all. */
  async networkMetrics(
    scope: RequestScope,
    kind: OrganisationKind | null | undefined,
    theme: Theme | null | undefined,
    asOf: string | null | undefined,
  ): Promise<OrganisationMetrics[]> {
    const day = valid.optionalDate(asOf, 'asOf') ?? today();
    const result = await this.metrics.get(initiativeAccessOf(scope.viewer), {
      day,
      themes: theme ? [theme] : [],
    });
    const computedAt = result.computedAt.toISOString();
    const rows: OrganisationMetrics[] = [];
    for (const o of [...this.facts.organisations.values()].sort((a, b) => compareCodes(a.code, b.code))) {
      if (kind && o.kind !== kind) continue;
      const m = result.byPk.get(o.pk);
      if (!m) continue; // registered after the metrics were computed: in the next ones
      const row = new OrganisationMetrics();
      Object.assign(row, m);
      row.computedAt = computedAt;
      rows.push(row);
    }
    return rows;
  }

  /** Per pair of organisations of a kind, the years from..to in which they shared an initiative. */
  repeatPartners(
    scope: RequestScope,
    kind: OrganisationKind,
    fromYear: number,
    toYear: number,
    theme: Theme | null | undefined,
  ): PartnerYears[] {
    for (const [value, name] of [
      [fromYear, 'fromYear'],
      [toYear, 'toYear'],
    ] as const) {
      if (!Number.isInteger(value) || value < 2000 || value > 2100) {
        throw new BadInputError(`${name} must be a year from 2000 to 2100, got ${value}`, name);
      }
    }
    if (toYear < fromYear || toYear - fromYear > 30) {
      throw new BadInputError(
        `toYear must be from fromYear to 30 years after it, got ${fromYear}..${toYear}`,
        'toYear',
      );
    }
    const view = this.view(scope, { organisationKinds: [kind], themes: theme ? [theme] : [] });
    return view.sharedYears(fromYear, toYear).map((pair) =>
      Object.assign(new PartnerYears(), {
        organisationPks: pair.organisations.map((o) => o.pk),
        years: [...pair.years],
        sharedInitiatives: pair.sharedInitiatives,
      }),
    );
  }

  /**
   * Which knowledge partners (TKIs, TO2 institutes and universities of applied sciences by default) each
   * organisation of `kind` reaches, directly or through a shared initiative, and through which.
   */
  knowledgeLinks(
    scope: RequestScope,
    kind: OrganisationKind,
    partnerKinds: OrganisationKind[],
    asOf: string | null | undefined,
    theme?: Theme | null,
  ): KnowledgeLink[] {
    const kinds = valid.enumList(partnerKinds, 'partnerKinds');
    if (kinds.length === 0) throw new BadInputError('partnerKinds needs at least one kind', 'partnerKinds');
    if (kinds.includes(kind)) {
      throw new BadInputError(
        `partnerKinds must not include ${kind}, the kind whose links are asked for`,
        'partnerKinds',
      );
    }
    const view = this.view(
      scope,
      { organisationKinds: [kind, ...kinds], themes: theme ? [theme] : [] },
      asOf,
    );
    const links = new Map<string, KnowledgeLink>();
    for (const edge of view.edges()) {
      const source = this.facts.organisations.get(edge.sourcePk)!;
      const [organisationPk, partnerPk] =
        source.kind === kind ? [edge.sourcePk, edge.targetPk] : [edge.targetPk, edge.sourcePk];
      if (this.facts.organisations.get(organisationPk)!.kind !== kind) continue;
      if (this.facts.organisations.get(partnerPk)!.kind === kind) continue;
      const key = `${organisationPk}:${partnerPk}`;
      let link = links.get(key);
      if (!link) {
        link = Object.assign(new KnowledgeLink(), {
          organisationPk,
          partnerPk,
          partnershipPks: [],
          initiativePks: [],
        });
        links.set(key, link);
      }
      if (edge.partnership) link.partnershipPks.push(edge.partnership.pk);
      else link.initiativePks.push(...edge.initiatives.map((i) => i.pk));
    }
    const code = (pk: number) => this.facts.organisations.get(pk)!.code;
    return [...links.values()].sort(
      (a, b) =>
        compareCodes(code(a.organisationPk), code(b.organisationPk)) ||
        compareCodes(code(a.partnerPk), code(b.partnerPk)),
    );
  }

  private checkSize(edges: number, narrow: string): void {
    if (edges <= this.limits.maxEdges) return;
    throw new DomainError(
      'BAD_USER_INPUT',
      `this graph has ${edges} edges, more than one answer may hold (GRAPH_MAX_EDGES = ${this.limits.maxEdges}): ` +
        `${narrow}, or download the whole network from /export/graph`,
      { edges, limit: this.limits.maxEdges },
    );
  }

  private toGraph(nodes: readonly OrganisationFact[], edges: readonly NetworkEdge[], day: string): Graph {
    const graph = new Graph();
    graph.nodes = nodes.map(toNode);
    graph.edges = edges.map((e) => this.toEdge(e));
    graph.asOf = day;
    return graph;
  }

  private toEdge(e: NetworkEdge): GraphEdge {
    const organisations = this.facts.organisations;
    const edge = new GraphEdge();
    const source = organisationId(e.sourcePk);
    const target = organisationId(e.targetPk);
    edge.kind = e.kind;
    edge.source = source;
    edge.target = target;
    edge.undirected = true;
    if (e.partnership) {
      const p = e.partnership;
      edge.id = toGlobalId('Partnership', p.pk);
      edge.partnershipPk = p.pk;
      edge.initiativePks = [];
      edge.partnershipKind = p.kind;
      edge.weight = 1;
      edge.sharedInitiatives = 0;
      edge.themes = [...p.themes];
      edge.since = p.since;
      edge.until = p.until;
      edge.provenance = p.source;
      edge.confidence = p.confidence;
    } else {
      edge.id = `${GraphEdgeKind.CO_PARTICIPATION}:${organisations.get(e.sourcePk)!.code}:${organisations.get(e.targetPk)!.code}`;
      edge.partnershipPk = null;
      edge.initiativePks = e.initiatives.map((i) => i.pk);
      edge.partnershipKind = null;
      edge.weight = edgeWeight(e);
      edge.sharedInitiatives = e.initiatives.length;
      edge.themes = edgeThemes(e);
      edge.since = null;
      edge.until = null;
      edge.provenance = null;
      edge.confidence = null;
    }
    edge.key = edge.id;
    return edge;
  }
}

/** Organisation ids, computed once per organisation (a graph answer names each many times). */
const organisationIds = new Map<number, string>();
function organisationId(pk: number): string {
  let id = organisationIds.get(pk);
  if (id === undefined) organisationIds.set(pk, (id = toGlobalId('Organisation', pk)));
  return id;
}

function toNode(o: OrganisationFact): GraphNode {
  const node = new GraphNode();
  node.pk = o.pk;
  node.id = organisationId(o.pk);
  node.key = node.id;
  node.code = o.code;
  node.label = o.name;
  node.kind = o.kind;
  node.provinces = [...o.provinces];
  return node;
}

/** The graph, without the organisations that have no edge in it unless `isolated` (the default) keeps them. */
function tiedOnly(graph: NetworkGraph, isolated: boolean | null | undefined): NetworkGraph {
  if (isolated !== false) return graph;
  const tied = new Set<number>();
  for (const edge of graph.edges) tied.add(edge.sourcePk).add(edge.targetPk);
  return { nodes: graph.nodes.filter((o) => tied.has(o.pk)), edges: graph.edges };
}
