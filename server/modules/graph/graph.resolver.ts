import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../infra/graphql/scalars.js';
import type { Context } from '../context.js';
import { Organisation } from '../organisations/index.js';
import { Partnership } from '../partnerships/index.js';
import { Initiative } from '../initiatives/index.js';
import { GraphEdgeKind, OrganisationKind, PartnershipKind, Theme } from '../../vocabulary.js';
import { GraphFilter } from './graph.inputs.js';
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

const AS_OF = {
  nullable: true,
  description: 'The network as it stood that day (YYYY-MM-DD); today (in the Netherlands) when not given.',
} as const;

@Resolver()
export class GraphResolver {
  @Query(() => Graph, {
    description:
      'The collaboration network, nodes and edges, for a dashboard to draw: organisations, their partnerships ' +
      'and the initiatives they share, as far as you may see them.',
  })
  partnershipGraph(
    @Ctx() { scope, services }: Context,
    @Arg('filter', () => GraphFilter, { nullable: true }) filter?: GraphFilter | null,
  ): Graph {
    return services.graph.partnershipGraph(scope, filter);
  }

  @Query(() => Graph, {
    description: 'The organisations within `depth` hops (1..3) of one, and every edge among them.',
  })
  neighbourhood(
    @Ctx() { scope, services }: Context,
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('depth', () => Int, { defaultValue: 1 }) depth: number,
    @Arg('kinds', () => [PartnershipKind], {
      nullable: true,
      description:
        'Only partnerships of these kinds (shared initiatives still count unless edgeKinds says no).',
    })
    kinds?: PartnershipKind[] | null,
    @Arg('edgeKinds', () => [GraphEdgeKind], { nullable: true, description: 'Only edges of these kinds.' })
    edgeKinds?: GraphEdgeKind[] | null,
    @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null,
  ): Graph {
    return services.graph.neighbourhood(scope, organisationId, depth, kinds, edgeKinds, asOf);
  }

  @Query(() => Path, {
    nullable: true,
    description:
      'A path of fewest hops between two organisations over every tie; of several, the one whose organisation ' +
      'codes sort first. Null when there is none within maxDepth (1..10).',
  })
  shortestPath(
    @Ctx() { scope, services }: Context,
    @Arg('fromId', () => ID) fromId: string,
    @Arg('toId', () => ID) toId: string,
    @Arg('maxDepth', () => Int, { defaultValue: 6 }) maxDepth: number,
    @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null,
  ): Path | null {
    return services.graph.shortestPath(scope, fromId, toId, maxDepth, asOf);
  }

  @Query(() => CollaborationMatrix, {
    description:
      'For the organisations of a kind (the nine ROMs by default): how many initiatives each two take part in ' +
      'together, on one theme when given.',
  })
  collaborationMatrix(
    @Ctx() { scope, services }: Context,
    @Arg('kind', () => OrganisationKind, { defaultValue: OrganisationKind.ROM }) kind: OrganisationKind,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
    @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null,
  ): CollaborationMatrix {
    return services.graph.collaborationMatrix(scope, kind, theme, asOf);
  }

  @Query(() => [OrganisationMetrics], {
    description:
      'Degree, weighted degree, betweenness, closeness, Louvain community and bridges, computed over the whole ' +
      'network you may see (on one theme when given); rows for organisations of `kind` (all when not given), ' +
      'by code. Computed off the request path: `computedAt` says when.',
  })
  networkMetrics(
    @Ctx() { scope, services }: Context,
    @Arg('kind', () => OrganisationKind, { nullable: true }) kind?: OrganisationKind | null,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
    @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null,
  ): Promise<OrganisationMetrics[]> {
    return services.graph.networkMetrics(scope, kind, theme, asOf);
  }
}

@Resolver(() => PartnerYears)
export class PartnerYearsResolver {
  @Query(() => [PartnerYears], {
    description:
      'Which organisations of a kind (the ROMs by default) are repeated partners and which one-off: per pair, ' +
      'the years from fromYear to toYear in which they took part in the same initiative (on one theme when ' +
      'given). Pairs by code; pairs that never shared one are left out.',
  })
  repeatPartners(
    @Ctx() { scope, services }: Context,
    @Arg('kind', () => OrganisationKind, { defaultValue: OrganisationKind.ROM }) kind: OrganisationKind,
    @Arg('fromYear', () => Int, { defaultValue: 2024 }) fromYear: number,
    @Arg('toYear', () => Int, { defaultValue: 2027 }) toYear: number,
    @Arg('theme', () => Theme, { nullable: true }) theme?: Theme | null,
  ): PartnerYears[] {
    return services.graph.repeatPartners(scope, kind, fromYear, toYear, theme);
  }

  @FieldResolver(() => [Organisation], { description: 'The two organisations, by code.' })
  async organisations(
    @Root() pair: PartnerYears,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation[]> {
    return (await Promise.all(
      pair.organisationPks.map((pk) => services.organisations.byPk(scope, pk)),
    )) as Organisation[];
  }
}

@Resolver(() => KnowledgeLink)
export class KnowledgeLinkResolver {
  @Query(() => [KnowledgeLink], {
    description:
      'Which knowledge partners each organisation of `kind` (the ROMs by default) reaches: TKIs, TO2 institutes ' +
      'and universities of applied sciences unless partnerKinds says otherwise; directly through a partnership, ' +
      'or through initiatives both take part in. By organisation, then partner, code.',
  })
  knowledgeLinks(
    @Ctx() { scope, services }: Context,
    @Arg('kind', () => OrganisationKind, { defaultValue: OrganisationKind.ROM }) kind: OrganisationKind,
    @Arg('partnerKinds', () => [OrganisationKind], {
      defaultValue: [
        OrganisationKind.TKI,
        OrganisationKind.TO2_INSTITUTE,
        OrganisationKind.UNIVERSITY_OF_APPLIED_SCIENCES,
      ],
    })
    partnerKinds: OrganisationKind[],
    @Arg('asOf', () => DateScalar, AS_OF) asOf?: string | null,
    @Arg('theme', () => Theme, {
      nullable: true,
      description:
        'Only links on this theme (initiatives and partnerships on it): the links per mission or KIA, which map onto themes.',
    })
    theme?: Theme | null,
  ): KnowledgeLink[] {
    return services.graph.knowledgeLinks(scope, kind, partnerKinds, asOf, theme);
  }

  @FieldResolver(() => Organisation)
  async organisation(
    @Root() link: KnowledgeLink,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation> {
    return (await services.organisations.byPk(scope, link.organisationPk))!;
  }

  @FieldResolver(() => Organisation, { description: 'The knowledge partner reached.' })
  async partner(@Root() link: KnowledgeLink, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, link.partnerPk))!;
  }

  @FieldResolver(() => [Partnership], { description: 'The partnerships between them.' })
  async partnerships(
    @Root() link: KnowledgeLink,
    @Ctx() { scope, services }: Context,
  ): Promise<Partnership[]> {
    const found = await Promise.all(link.partnershipPks.map((pk) => services.partnerships.byPk(scope, pk)));
    return found.filter((p): p is Partnership => p !== null);
  }

  @FieldResolver(() => [Initiative], { description: 'The initiatives through which it reaches the partner.' })
  async initiatives(@Root() link: KnowledgeLink, @Ctx() { scope, services }: Context): Promise<Initiative[]> {
    const found = await Promise.all(link.initiativePks.map((pk) => services.initiatives.byPk(scope, pk)));
    return found.filter((i): i is Initiative => i !== null);
  }
}

@Resolver(() => OrganisationMetrics)
export class OrganisationMetricsResolver {
  @FieldResolver(() => Organisation)
  async organisation(
    @Root() row: OrganisationMetrics,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation> {
    return (await services.organisations.byPk(scope, row.pk))!;
  }
}

@Resolver(() => GraphNode)
export class GraphNodeResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() node: GraphNode, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, node.pk))!;
  }
}

@Resolver(() => GraphEdge)
export class GraphEdgeResolver {
  @FieldResolver(() => Partnership, { nullable: true, description: 'PARTNERSHIP edges: the partnership.' })
  async partnership(
    @Root() edge: GraphEdge,
    @Ctx() { scope, services }: Context,
  ): Promise<Partnership | null> {
    return edge.partnershipPk === null ? null : services.partnerships.byPk(scope, edge.partnershipPk);
  }

  @FieldResolver(() => [Initiative], {
    description: 'CO_PARTICIPATION edges: the initiatives both take part in.',
  })
  async initiatives(@Root() edge: GraphEdge, @Ctx() { scope, services }: Context): Promise<Initiative[]> {
    const found = await Promise.all(edge.initiativePks.map((pk) => services.initiatives.byPk(scope, pk)));
    return found.filter((i): i is Initiative => i !== null);
  }
}

@Resolver(() => Path)
export class PathResolver {
  @FieldResolver(() => [Organisation], { description: 'From the first organisation to the last.' })
  async organisations(@Root() path: Path, @Ctx() { scope, services }: Context): Promise<Organisation[]> {
    return (await Promise.all(
      path.nodePks.map((pk) => services.organisations.byPk(scope, pk)),
    )) as Organisation[];
  }
}

@Resolver(() => CollaborationMatrix)
export class CollaborationMatrixResolver {
  @FieldResolver(() => [Organisation], { description: 'The rows and columns, by code.' })
  async organisations(
    @Root() matrix: CollaborationMatrix,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation[]> {
    return (await Promise.all(
      matrix.organisationPks.map((pk) => services.organisations.byPk(scope, pk)),
    )) as Organisation[];
  }
}
