import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { DateScalar, DateTimeScalar } from '../../infra/graphql/scalars.js';
import { Confidence, GraphEdgeKind, OrganisationKind, PartnershipKind, Theme } from '../../vocabulary.js';

@ObjectType({
  description:
    'An organisation as a node of the network. `key` and `attributes` are what graphology (Sigma.js) imports, ' +
    '`data` what Cytoscape.js reads, so either draws the graph without reshaping it.',
})
export class GraphNode {
  pk: number;

  @Field(() => ID, { description: "The organisation's id." })
  id: string;

  @Field(() => ID, { description: 'The same as `id`, under the name graphology imports.' })
  key: string;

  @Field(() => String)
  code: string;

  @Field(() => String, { description: "The organisation's name." })
  label: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => [String], { description: 'ISO 3166-2:NL province codes.' })
  provinces: string[];

  @Field(() => JSONObjectResolver, {
    description: 'graphology node attributes: label, code, kind, provinces.',
  })
  get attributes(): Record<string, unknown> {
    return { label: this.label, code: this.code, kind: this.kind, provinces: this.provinces };
  }

  @Field(() => JSONObjectResolver, {
    description: 'Cytoscape.js element data: id, label, code, kind, provinces.',
  })
  get data(): Record<string, unknown> {
    return { id: this.id, ...this.attributes };
  }
}

@ObjectType({
  description:
    'An undirected tie. PARTNERSHIP: one partnership (weight 1). CO_PARTICIPATION: the initiatives two ' +
    'organisations share (weight = sharedInitiatives). `source` is the end with the lower code.',
})
export class GraphEdge {
  partnershipPk: number | null;
  initiativePks: number[];

  @Field(() => ID, {
    description:
      "PARTNERSHIP: the partnership's id; CO_PARTICIPATION: CO_PARTICIPATION:<source code>:<target code>.",
  })
  id: string;

  @Field(() => ID, { description: 'The same as `id`, under the name graphology imports.' })
  key: string;

  @Field(() => ID, { description: 'The id of one end.' })
  source: string;

  @Field(() => ID, { description: 'The id of the other end.' })
  target: string;

  @Field(() => Boolean, { description: 'Always true: ties have no direction here (graphology reads it).' })
  undirected: boolean;

  @Field(() => GraphEdgeKind)
  kind: GraphEdgeKind;

  @Field(() => PartnershipKind, { nullable: true, description: 'PARTNERSHIP edges only.' })
  partnershipKind: PartnershipKind | null;

  @Field(() => Float, { description: 'Shared initiatives, or 1 for a partnership.' })
  weight: number;

  @Field(() => Int, { description: 'Initiatives both take part in (0 for a partnership edge).' })
  sharedInitiatives: number;

  @Field(() => [Theme], {
    description: "The partnership's themes, or the union of the shared initiatives' themes.",
  })
  themes: Theme[];

  @Field(() => DateScalar, { nullable: true, description: 'PARTNERSHIP: since when it holds.' })
  since: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'PARTNERSHIP: when it ended, if it has.' })
  until: string | null;

  @Field(() => String, { nullable: true, description: 'PARTNERSHIP: where the fact comes from.' })
  provenance: string | null;

  @Field(() => Confidence, {
    nullable: true,
    description: 'PARTNERSHIP: how well the fact is sourced; show anything but CONFIRMED with a flag.',
  })
  confidence: Confidence | null;

  @Field(() => JSONObjectResolver, {
    description: 'graphology edge attributes: kind, partnershipKind, weight, sharedInitiatives, themes.',
  })
  get attributes(): Record<string, unknown> {
    return {
      kind: this.kind,
      partnershipKind: this.partnershipKind,
      weight: this.weight,
      sharedInitiatives: this.sharedInitiatives,
      themes: this.themes,
    };
  }

  @Field(() => JSONObjectResolver, {
    description: 'Cytoscape.js element data: id, source, target and the attributes.',
  })
  get data(): Record<string, unknown> {
    return { id: this.id, source: this.source, target: this.target, ...this.attributes };
  }
}

@ObjectType({ description: 'Nodes and edges, ready to draw.' })
export class Graph {
  @Field(() => [GraphNode])
  nodes: GraphNode[];

  @Field(() => [GraphEdge])
  edges: GraphEdge[];

  @Field(() => DateScalar, { description: 'The day the network is drawn as of.' })
  asOf: string;
}

@ObjectType({ description: 'A path of fewest hops between two organisations.' })
export class Path {
  nodePks: number[];

  @Field(() => Int, { description: 'Hops: organisations - 1.' })
  length: number;

  @Field(() => [GraphEdge], { description: 'The ties of each hop in order (one per kind and partnership).' })
  edges: GraphEdge[];

  @Field(() => DateScalar)
  asOf: string;
}

@ObjectType({ description: 'Shared initiatives between every two organisations of a kind.' })
export class CollaborationMatrix {
  organisationPks: number[];

  @Field(() => [[Int]], {
    description:
      'counts[i][j]: initiatives organisations i and j both take part in; counts[i][i]: initiatives of i. ' +
      'Symmetric; rows and columns in the order of `organisations` (by code).',
  })
  counts: number[][];

  @Field(() => DateScalar)
  asOf: string;
}

@ObjectType({
  description:
    'Network metrics of an organisation, with the definitions of networkx (and Gephi), over the whole network ' +
    'you may see as of the day asked (restricted to one theme when given).',
})
export class OrganisationMetrics {
  pk: number;

  @Field(() => Int, { description: 'Distinct neighbours.' })
  degree: number;

  @Field(() => Float, { description: 'Sum of tie weights: shared initiatives, plus one per partnership.' })
  weightedDegree: number;

  @Field(() => Float, {
    description:
      "Share of shortest paths (unweighted) between other pairs that pass through it, normalised by (n-1)(n-2)/2: networkx's betweenness_centrality(normalized=True).",
  })
  betweenness: number;

  @Field(() => Float, {
    description:
      "Closeness, Wasserman-Faust for disconnected networks: networkx's closeness_centrality (wf_improved=True).",
  })
  closeness: number;

  @Field(() => Int, {
    description:
      'Louvain community (seeded, so stable while the network is), numbered by the first member in code order.',
  })
  community: number;

  @Field(() => Boolean, { description: 'Has neighbours in two or more communities.' })
  bridge: boolean;

  @Field(() => DateTimeScalar, {
    description:
      'When these numbers were computed: they can trail the network by the time a computation takes.',
  })
  computedAt: string;
}

@ObjectType({
  description: 'Two organisations and the years in which they took part in the same initiative.',
})
export class PartnerYears {
  organisationPks: number[];

  @Field(() => [Int], { description: 'Ascending.' })
  years: number[];

  @Field(() => Int, { description: 'The initiatives they shared over those years.' })
  sharedInitiatives: number;

  @Field(() => Boolean, {
    description: 'Shared an initiative in two or more of the years: lasting, not one-off.',
  })
  get lasting(): boolean {
    return this.years.length >= 2;
  }
}

@ObjectType({
  description:
    'A knowledge partner an organisation reaches: directly (a partnership) or through initiatives both take part in.',
})
export class KnowledgeLink {
  organisationPk: number;
  partnerPk: number;
  partnershipPks: number[];
  initiativePks: number[];

  @Field(() => Boolean, { description: 'Reached through a partnership of its own.' })
  get direct(): boolean {
    return this.partnershipPks.length > 0;
  }
}
