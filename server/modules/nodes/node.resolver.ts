import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { parseGlobalId } from '../../infra/graphql/ids.js';
import type { Context } from '../context.js';
import { Node } from './node.type.js';

const INT_KEY = /^[1-9][0-9]{0,9}$/;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object by its global id, with the same access rules as every other path; null if none is visible.',
  })
  async node(@Ctx() { scope, services }: Context, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    if (!parsed) return null;
    if (parsed.type === 'Event')
      return /^[0-9]{1,19}$/.test(parsed.key) ? services.events.byPk(scope, parsed.key) : null;
    if (parsed.type === 'Notification')
      return /^[0-9]{1,19}$/.test(parsed.key) ? services.notifications.bySeq(scope, parsed.key) : null;
    if (!INT_KEY.test(parsed.key) || Number(parsed.key) > 2_147_483_647) return null;
    const pk = Number(parsed.key);
    switch (parsed.type) {
      case 'Organisation':
        return services.organisations.byPk(scope, pk);
      case 'Initiative':
        return services.initiatives.byPk(scope, pk);
      case 'Participation':
        return services.participations.byPk(scope, pk);
      case 'Milestone':
        return services.milestones.byPk(scope, pk);
      case 'Partnership':
        return services.partnerships.byPk(scope, pk);
      case 'Output':
        return services.outputs.byPk(scope, pk);
      case 'Activity':
        return services.activities.byPk(scope, pk);
      case 'FundingAllocation':
        return services.funding.byPk(scope, pk);
      case 'ApiKey':
        return services.apiKeys.byPk(scope, pk);
      case 'Follow':
        return services.notifications.followByPk(scope, pk);
      default:
        return null;
    }
  }
}
