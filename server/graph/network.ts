/**
 * The collaboration network as one viewer sees it on one day, derived from the facts per query.
 *
 * Nodes are organisations. Edges are undirected:
 * - PARTNERSHIP: a partnership that holds that day, one edge per partnership;
 * - CO_PARTICIPATION: two organisations taking part that day in the same initiatives that run that day, one
 *   edge per pair, weighted by the number of initiatives they share.
 * For traversal the network is the simple graph of all edges (parallel edges merged, no self-loops).
 *
 * Traversal walks the bipartite structure (organisation -> initiative -> participants) instead of a
 * materialised pair graph, which at 10,000 organisations holds a million pairs: each initiative is expanded
 * once per walk. Access: an initiative the viewer may not see adds nothing (no edge, weight or count).
 */
import type { InitiativeAccess } from '../infra/auth/access.js';
import {
  GraphEdgeKind,
  type OrganisationKind,
  type PartnershipKind,
  type Pillar,
  Theme,
} from '../vocabulary.js';
import { Adjacency } from './adjacency.js';
import type {
  InitiativeFact,
  NetworkFacts,
  OrganisationFact,
  ParticipationFact,
  PartnershipFact,
} from './facts.js';

/** What part of the network to take. Empty lists mean "any". */
export interface NetworkFilter {
  /** YYYY-MM-DD: the network as it stood that day. */
  readonly day: string;
  readonly organisationKinds?: readonly OrganisationKind[];
  readonly provinces?: readonly string[];
  readonly partnershipKinds?: readonly PartnershipKind[];
  readonly edgeKinds?: readonly GraphEdgeKind[];
  /** Initiatives with one of these themes, partnerships with one of them. */
  readonly themes?: readonly Theme[];
  /** Initiatives with one of these pillars (partnerships have none, and are not restricted by it). */
  readonly pillars?: readonly Pillar[];
}

export interface NetworkEdge {
  readonly kind: GraphEdgeKind;
  /** The end with the lower code, for a stable answer. */
  readonly sourcePk: number;
  readonly targetPk: number;
  /** PARTNERSHIP: the partnership. */
  readonly partnership: PartnershipFact | null;
  /** CO_PARTICIPATION: the initiatives both take part in, by code. */
  readonly initiatives: readonly InitiativeFact[];
}

export interface NetworkGraph {
  /** By code. */
  readonly nodes: readonly OrganisationFact[];
  /** By source code, target code, kind. */
  readonly edges: readonly NetworkEdge[];
}

export interface NetworkPath {
  /** From the first organisation to the last. */
  readonly nodes: readonly OrganisationFact[];
  /** The ties of each hop, in order: one edge per kind and partnership. */
  readonly edges: readonly NetworkEdge[];
}

export interface PairYears {
  /** The two organisations, by code. */
  readonly organisations: readonly [OrganisationFact, OrganisationFact];
  /** The years they shared an initiative, ascending. */
  readonly years: readonly number[];
  /** The initiatives they shared over those years. */
  readonly sharedInitiatives: number;
}

export interface CollaborationCounts {
  /** By code. */
  readonly organisations: readonly OrganisationFact[];
  /** counts[i][j]: initiatives both take part in; counts[i][i]: initiatives of i. */
  readonly counts: readonly (readonly number[])[];
}

const THEME_ORDER = new Map(Object.values(Theme).map((t, i) => [t, i]));

/** An edge's weight: its shared initiatives, or 1 for a partnership. */
export function edgeWeight(edge: NetworkEdge): number {
  return edge.partnership ? 1 : edge.initiatives.length;
}

/** A partnership's themes, or the union of the shared initiatives' themes, in the vocabulary's order. */
export function edgeThemes(edge: NetworkEdge): Theme[] {
  if (edge.partnership) return [...edge.partnership.themes];
  const themes = new Set<Theme>();
  for (const i of edge.initiatives) for (const t of i.themes) themes.add(t);
  return [...themes].sort((a, b) => THEME_ORDER.get(a)! - THEME_ORDER.get(b)!);
}

/** Adjacencies kept per facts, least recently used first (a few MB each at 10,000 organisations). */
const adjacencies = new WeakMap<NetworkFacts, Map<string, Adjacency>>();
const KEPT_ADJACENCIES = 16;

/** Whether a period (start .. end, open when null) overlaps the days first .. last. */
function overlaps(
  start: string | null,
  end: string | null,
  first: string,
  last: string,
  endInclusive: boolean,
): boolean {
  if (start !== null && start > last) return false;
  if (end === null) return true;
  return endInclusive ? end >= first : end > first;
}

/** Dates are YYYY-MM-DD strings, which order as the days do. */
function holds(start: string | null, end: string | null, day: string, endInclusive: boolean): boolean {
  if (start !== null && start > day) return false;
  if (end === null) return true;
  return endInclusive ? end >= day : end > day;
}

/**
 * A key that is equal for viewers who see the same initiatives: ADMIN, the open visibilities, and the
 * initiatives outside them that the viewer's organisation takes part in. Caches of derived results (metrics)
 * are per class, not per request.
 */
export function accessClassKey(facts: NetworkFacts, access: InitiativeAccess): string {
  if (access.all) return 'all';
  const open = [...access.open].sort().join('+');
  if (access.via === null) return open;
  const extra: number[] = [];
  for (const p of facts.participationsOf.get(access.via) ?? []) {
    if (p.leftOn !== null) continue;
    const initiative = facts.initiatives.get(p.initiativePk);
    if (initiative && !access.open.has(initiative.visibility)) extra.push(initiative.pk);
  }
  return extra.length ? `${open}:${extra.sort((a, b) => a - b).join(',')}` : open;
}

export class NetworkView {
  private readonly initiativeOk = new Map<number, boolean>();
  private built: Adjacency | null = null;
  private readonly organisationKinds: ReadonlySet<string> | null;
  private readonly provinces: ReadonlySet<string> | null;
  private readonly partnershipKinds: ReadonlySet<string> | null;
  private readonly themes: ReadonlySet<string> | null;
  private readonly pillars: ReadonlySet<string> | null;
  private readonly partnershipEdges: boolean;
  private readonly coParticipationEdges: boolean;

  constructor(
    readonly facts: NetworkFacts,
    private readonly access: InitiativeAccess,
    readonly filter: NetworkFilter,
  ) {
    const set = (list: readonly string[] | undefined) => (list?.length ? new Set(list) : null);
    this.organisationKinds = set(filter.organisationKinds);
    this.provinces = set(filter.provinces);
    this.partnershipKinds = set(filter.partnershipKinds);
    this.themes = set(filter.themes);
    this.pillars = set(filter.pillars);
    const kinds = set(filter.edgeKinds);
    this.partnershipEdges = !kinds || kinds.has(GraphEdgeKind.PARTNERSHIP);
    this.coParticipationEdges = !kinds || kinds.has(GraphEdgeKind.CO_PARTICIPATION);
  }

  get day(): string {
    return this.filter.day;
  }

  /** Whether an organisation is a node of this view. */
  hasNode(pk: number): boolean {
    const o = this.facts.organisations.get(pk);
    if (!o) return false;
    if (this.organisationKinds && !this.organisationKinds.has(o.kind)) return false;
    if (this.provinces && !o.provinces.some((p) => this.provinces!.has(p))) return false;
    return true;
  }

  /** Every node, by code. */
  nodes(): OrganisationFact[] {
    const nodes: OrganisationFact[] = [];
    for (const o of this.facts.organisations.values()) if (this.hasNode(o.pk)) nodes.push(o);
    return nodes.sort((a, b) => compareCodes(a.code, b.code));
  }

  /** Whether an initiative makes ties in this view: visible to the viewer, running that day, in the filter. */
  counts(initiative: InitiativeFact): boolean {
    let ok = this.initiativeOk.get(initiative.pk);
    if (ok === undefined) {
      ok =
        this.coParticipationEdges &&
        this.inScope(initiative) &&
        holds(initiative.startsOn, initiative.endsOn, this.day, true);
      this.initiativeOk.set(initiative.pk, ok);
    }
    return ok;
  }

  private visible(initiative: InitiativeFact): boolean {
    if (this.access.all || this.access.open.has(initiative.visibility)) return true;
    const via = this.access.via;
    return (
      via !== null && initiative.participations.some((p) => p.organisationPk === via && p.leftOn === null)
    );
  }

  private takesPart(p: ParticipationFact): boolean {
    return holds(p.joinedOn, p.leftOn, this.day, false);
  }

  /** A partnership that is an edge of this view. */
  private partnershipCounts(p: PartnershipFact): boolean {
    return (
      this.partnershipEdges &&
      p.fromPk !== p.toPk &&
      holds(p.since, p.until, this.day, false) &&
      (!this.partnershipKinds || this.partnershipKinds.has(p.kind)) &&
      (!this.themes || p.themes.some((t) => this.themes!.has(t))) &&
      this.hasNode(p.fromPk) &&
      this.hasNode(p.toPk)
    );
  }

  /** Who sees what this view sees: views of one class, filter and day answer alike (a cache key). */
  get key(): string {
    return `${this.facts.version}|${accessClassKey(this.facts, this.access)}|${JSON.stringify(this.filter)}`;
  }

  /** Calls `visit` with each participation holding that day in an initiative that makes ties in this view. */
  eachParticipation(visit: (initiative: InitiativeFact, participation: ParticipationFact) => void): void {
    for (const initiative of this.facts.initiatives.values()) {
      if (!this.counts(initiative)) continue;
      for (const p of initiative.participations) if (this.takesPart(p)) visit(initiative, p);
    }
  }

  /** The initiatives an organisation takes part in that make ties in this view. */
  initiativesOf(pk: number): InitiativeFact[] {
    const out: InitiativeFact[] = [];
    for (const p of this.facts.participationsOf.get(pk) ?? []) {
      if (!this.takesPart(p)) continue;
      const initiative = this.facts.initiatives.get(p.initiativePk);
      if (initiative && this.counts(initiative)) out.push(initiative);
    }
    return out;
  }

  /** The organisations taking part in an initiative that day that are nodes of this view. */
  participantsOf(initiative: InitiativeFact): number[] {
    const out: number[] = [];
    for (const p of initiative.participations) {
      if (this.takesPart(p) && this.hasNode(p.organisationPk)) out.push(p.organisationPk);
    }
    return out;
  }

  /** The view's simple graph as typed arrays, shared by the views of one access class, filter and version. */
  adjacency(): Adjacency {
    if (this.built && this.built.version === this.facts.version) return this.built;
    let kept = adjacencies.get(this.facts);
    if (!kept) adjacencies.set(this.facts, (kept = new Map()));
    const key = `${accessClassKey(this.facts, this.access)}|${JSON.stringify(this.filter)}`;
    let adjacency = kept.get(key);
    if (!adjacency || adjacency.version !== this.facts.version) {
      adjacency = new Adjacency(this.facts.version, {
        nodePks: this.nodes().map((o) => o.pk),
        initiatives: [...this.facts.initiatives.values()].filter((i) => this.counts(i)),
        partnerships: [...this.facts.partnerships.values()].filter((p) => this.partnershipCounts(p)),
        participantsOf: (i) => this.participantsOf(i),
      });
    }
    kept.delete(key); // to the end: most recently used
    kept.set(key, adjacency);
    for (const [old] of kept) {
      if (kept.size <= KEPT_ADJACENCIES) break;
      kept.delete(old);
    }
    this.built = adjacency;
    return adjacency;
  }

  /** Distances (in hops) from an organisation, up to `maxDepth`, by organisation pk. */
  distancesFrom(pk: number, maxDepth: number): Map<number, number> {
    const adjacency = this.adjacency();
    const start = adjacency.indexOf(pk);
    if (start === undefined) return new Map();
    const distance = adjacency.distances(start, maxDepth);
    const out = new Map<number, number>();
    for (let i = 0; i < distance.length; i++) if (distance[i]! >= 0) out.set(adjacency.pks[i]!, distance[i]!);
    return out;
  }

  /** How large a neighbourhood is (organisations, and ties counting each pair once), before drawing it. */
  neighbourhoodSize(pk: number, depth: number): { nodes: number; ties: number } {
    const adjacency = this.adjacency();
    const start = adjacency.indexOf(pk);
    if (start === undefined) return { nodes: 0, ties: 0 };
    const distance = adjacency.distances(start, depth);
    const within = new Uint8Array(distance.length);
    const nodes: number[] = [];
    for (let i = 0; i < distance.length; i++) {
      if (distance[i]! >= 0) {
        within[i] = 1;
        nodes.push(i);
      }
    }
    return { nodes: nodes.length, ties: adjacency.edgesAmong(nodes, within) };
  }

  /** Every edge among a set of nodes (all nodes of the view when `among` is not given). */
  edges(among?: ReadonlySet<number>): NetworkEdge[] {
    const adjacency = this.adjacency();
    const n = adjacency.size;
    const within = new Uint8Array(n);
    const scan: number[] = [];
    if (among) {
      for (const pk of among) {
        const i = adjacency.indexOf(pk);
        if (i !== undefined && !within[i]) {
          within[i] = 1;
          scan.push(i);
        }
      }
    } else {
      within.fill(1);
      for (let i = 0; i < n; i++) scan.push(i);
    }
    // The initiatives of the scanned nodes, each once, in code order: each pair's list comes out sorted.
    const touched = new Uint8Array(adjacency.initiatives.length);
    const initiatives: number[] = [];
    if (this.coParticipationEdges) {
      for (const u of scan) {
        for (let k = adjacency.initiativeOffsets[u]!; k < adjacency.initiativeOffsets[u + 1]!; k++) {
          const i = adjacency.nodeInitiatives[k]!;
          if (!touched[i]) {
            touched[i] = 1;
            initiatives.push(i);
          }
        }
      }
      initiatives.sort((a, b) => a - b);
    }
    const shared = new Map<number, number[]>();
    const members: number[] = [];
    for (const i of initiatives) {
      members.length = 0;
      for (let k = adjacency.memberOffsets[i]!; k < adjacency.memberOffsets[i + 1]!; k++) {
        if (within[adjacency.members[k]!]) members.push(adjacency.members[k]!);
      }
      for (let x = 0; x < members.length; x++) {
        for (let y = x + 1; y < members.length; y++) {
          const key = members[x]! * n + members[y]!;
          const list = shared.get(key);
          if (list) list.push(i);
          else shared.set(key, [i]);
        }
      }
    }
    const keyed: { edge: NetworkEdge; source: number; target: number; kind: number; partnership: number }[] =
      [];
    for (const [key, list] of shared) {
      const source = Math.floor(key / n);
      const target = key % n;
      const edge: NetworkEdge = {
        kind: GraphEdgeKind.CO_PARTICIPATION,
        sourcePk: adjacency.pks[source]!,
        targetPk: adjacency.pks[target]!,
        partnership: null,
        initiatives: list.map((i) => adjacency.initiatives[i]!),
      };
      keyed.push({ edge, source, target, kind: 0, partnership: 0 });
    }
    if (this.partnershipEdges) {
      const seen = new Set<number>();
      for (const u of scan) {
        for (const p of this.facts.partnershipsOf.get(adjacency.pks[u]!) ?? []) {
          if (seen.has(p.pk) || !this.partnershipCounts(p)) continue;
          const a = adjacency.indexOf(p.fromPk)!;
          const b = adjacency.indexOf(p.toPk)!;
          if (!within[a] || !within[b]) continue;
          seen.add(p.pk);
          const [source, target] = a < b ? [a, b] : [b, a];
          const edge: NetworkEdge = {
            kind: GraphEdgeKind.PARTNERSHIP,
            sourcePk: adjacency.pks[source]!,
            targetPk: adjacency.pks[target]!,
            partnership: p,
            initiatives: [],
          };
          keyed.push({ edge, source, target, kind: 1, partnership: p.pk });
        }
      }
    }
    keyed.sort(
      (x, y) =>
        x.source - y.source || x.target - y.target || x.kind - y.kind || x.partnership - y.partnership,
    );
    return keyed.map((k) => k.edge);
  }

  /** The whole network of the view. */
  graph(): NetworkGraph {
    return { nodes: this.nodes(), edges: this.edges() };
  }

  /** The organisations within `depth` hops of one, and every edge among them. */
  neighbourhood(pk: number, depth: number): NetworkGraph {
    const within = new Set(this.distancesFrom(pk, depth).keys());
    const nodes = [...within].map((n) => this.facts.organisations.get(n)!);
    nodes.sort((a, b) => compareCodes(a.code, b.code));
    return { nodes, edges: this.edges(within) };
  }

  /**
   * A path of fewest hops, or null when there is none within `maxDepth`. Of several, the one whose sequence of
   * codes sorts first: from each organisation, the next is the neighbour one hop closer with the lowest code.
   */
  shortestPath(fromPk: number, toPk: number, maxDepth: number): NetworkPath | null {
    const adjacency = this.adjacency();
    const from = adjacency.indexOf(fromPk);
    const to = adjacency.indexOf(toPk);
    if (from === undefined || to === undefined) return null;
    const toTarget = adjacency.distances(to, maxDepth, from);
    const hops = toTarget[from]!;
    if (hops < 0) return null;
    const path = [fromPk];
    for (let current = from, left = hops; left > 0; left--) {
      current = adjacency.firstNeighbourAt(current, toTarget, left - 1);
      path.push(adjacency.pks[current]!);
    }
    const edges: NetworkEdge[] = [];
    for (let i = 1; i < path.length; i++) {
      const hop = new Set([path[i - 1]!, path[i]!]);
      const ties = this.edges(hop).map((e) =>
        e.sourcePk === path[i - 1] ? e : { ...e, sourcePk: e.targetPk, targetPk: e.sourcePk },
      );
      edges.push(...ties);
    }
    return { nodes: path.map((pk) => this.facts.organisations.get(pk)!), edges };
  }

  /**
   * For every two organisations of the view (its kind filter picks them), the years from `fromYear` to
   * `toYear` in which they took part in the same initiative: the initiative ran during the year, and both took
   * part during it. Access and the theme filter apply as everywhere; the view's day does not (years do).
   */
  sharedYears(fromYear: number, toYear: number): PairYears[] {
    const organisations = this.nodes();
    const index = new Map(organisations.map((o, i) => [o.pk, i]));
    const pairs = new Map<number, { years: Set<number>; initiatives: Set<number> }>();
    const candidates = new Set(
      organisations.flatMap((o) => [...(this.facts.participationsOf.get(o.pk) ?? [])]),
    );
    const byInitiative = new Map<number, ParticipationFact[]>();
    for (const p of candidates) {
      let list = byInitiative.get(p.initiativePk);
      if (!list) byInitiative.set(p.initiativePk, (list = []));
      list.push(p);
    }
    for (const [initiativePk, participations] of byInitiative) {
      const initiative = this.facts.initiatives.get(initiativePk);
      if (!initiative || !this.inScope(initiative)) continue;
      for (let year = fromYear; year <= toYear; year++) {
        const first = `${year}-01-01`;
        const last = `${year}-12-31`;
        if (!overlaps(initiative.startsOn, initiative.endsOn, first, last, true)) continue;
        const members = [
          ...new Set(
            participations
              .filter((p) => overlaps(p.joinedOn, p.leftOn, first, last, false))
              .map((p) => index.get(p.organisationPk)!),
          ),
        ].sort((a, b) => a - b);
        for (let x = 0; x < members.length; x++) {
          for (let y = x + 1; y < members.length; y++) {
            const key = members[x]! * organisations.length + members[y]!;
            let pair = pairs.get(key);
            if (!pair) pairs.set(key, (pair = { years: new Set(), initiatives: new Set() }));
            pair.years.add(year);
            pair.initiatives.add(initiativePk);
          }
        }
      }
    }
    return [...pairs.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, pair]) => ({
        organisations: [
          organisations[Math.floor(key / organisations.length)]!,
          organisations[key % organisations.length]!,
        ],
        years: [...pair.years].sort((a, b) => a - b),
        sharedInitiatives: pair.initiatives.size,
      }));
  }

  /** Visible to the viewer and in the theme and pillar filter, whatever the day. */
  private inScope(initiative: InitiativeFact): boolean {
    return (
      this.visible(initiative) &&
      (!this.themes || initiative.themes.some((t) => this.themes!.has(t))) &&
      (!this.pillars || initiative.pillars.some((p) => this.pillars!.has(p)))
    );
  }

  /** Shared initiatives between every two organisations of the view (its kind filter picks them). */
  collaborationCounts(): CollaborationCounts {
    const organisations = this.nodes();
    const index = new Map(organisations.map((o, i) => [o.pk, i]));
    const counts = organisations.map(() => new Array<number>(organisations.length).fill(0));
    // A few organisations (the nine ROMs): only their initiatives; many: every initiative once.
    const candidates =
      organisations.length * 4 < this.facts.organisations.size
        ? new Set(organisations.flatMap((o) => this.initiativesOf(o.pk)))
        : this.facts.initiatives.values();
    for (const initiative of candidates) {
      if (!this.counts(initiative)) continue;
      const members = [...new Set(this.participantsOf(initiative))].map((pk) => index.get(pk)!);
      for (const i of members) for (const j of members) counts[i]![j]!++;
    }
    return { organisations, counts };
  }
}

/** Codes order by code point (as PostgreSQL's "C" collation and `ORDER BY code COLLATE "C"`). */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
