import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { parseGlobalId } from '../../infra/graphql/ids.js';
import type { Context } from '../context.js';
import { Organisation } from '../organisations/index.js';
import { Role } from '../../vocabulary.js';
import { Node } from './node.type.js';

/** The GraphQL `Viewer`: what the API shows of the caller (the caller itself is infra's `Viewer`). */
@ObjectType('Viewer', { description: 'Who is calling: both fields are null when anonymous.' })
export class ViewerType {
  @Field(() => Organisation, { nullable: true })
  organisation: Organisation | null;

  @Field(() => Role, { nullable: true })
  role: Role | null;
}

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
      default:
        return null;
    }
  }

  @Query(() => ViewerType, { description: 'Who am I: organisation and role (both null when anonymous).' })
  async viewer(@Ctx() { scope, services }: Context): Promise<ViewerType> {
    const { organisationPk, role } = scope.viewer;
    return {
      organisation: organisationPk === null ? null : await services.organisations.byPk(scope, organisationPk),
      role: scope.viewer.kind === 'anonymous' ? null : role,
    };
  }
}
