import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Info,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { selectedFields } from '../../infra/graphql/selection.js';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { SummaryFilter } from './summary.inputs.js';
import { InitiativeLeverage, NetworkSummary } from './summary.type.js';

@ArgsType()
class StalledArgs {
  @Field(() => Int, { defaultValue: 20, description: '1..100' })
  first: number;
}

@Resolver(() => NetworkSummary)
export class SummaryResolver {
  @Query(() => NetworkSummary, {
    description:
      'The network in numbers: initiatives by theme, pillar, core task and status, how many are supra-regional, ' +
      'milestones by status and those due soon or overdue, stalled initiatives, and funding by theme, pillar, ' +
      'year, source and basis (amounts for network members only). Over the initiatives you may see.',
  })
  networkSummary(
    @Ctx() { scope, services }: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SummaryFilter, { nullable: true }) filter?: SummaryFilter | null,
  ): Promise<NetworkSummary> {
    return services.summary.summary(scope, filter, selectedFields(info, []));
  }

  @FieldResolver(() => [Initiative], { description: 'The stalled initiatives, by code.' })
  async stalledInitiatives(
    @Root() summary: NetworkSummary,
    @Ctx() { scope, services }: Context,
    @Args(() => StalledArgs) { first }: StalledArgs,
  ): Promise<Initiative[]> {
    const count = Math.max(1, Math.min(100, first));
    const found = await Promise.all(
      summary.stalledPks.slice(0, count).map((pk) => services.initiatives.byPk(scope, pk)),
    );
    return found.filter((i): i is Initiative => i !== null);
  }
}

@Resolver(() => InitiativeLeverage)
export class InitiativeLeverageResolver {
  @FieldResolver(() => Initiative, { nullable: true })
  initiative(
    @Root() row: InitiativeLeverage,
    @Ctx() { scope, services }: Context,
  ): Promise<Initiative | null> {
    return services.initiatives.byPk(scope, row.initiativePk);
  }
}
