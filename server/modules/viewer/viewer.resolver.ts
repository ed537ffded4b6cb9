import { Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { RateLimitType, ViewerType } from './viewer.type.js';

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { description: 'Who am I: organisation and role (both null when anonymous).' })
  async viewer(@Ctx() { scope, services }: Context): Promise<ViewerType> {
    const { organisationPk, role } = scope.viewer;
    return {
      organisation: organisationPk === null ? null : await services.organisations.byPk(scope, organisationPk),
      role: scope.viewer.kind === 'anonymous' ? null : role,
    };
  }

  @FieldResolver(() => RateLimitType, {
    nullable: true,
    description: 'Your rate limit after this operation; null when rate limits are off, and over WebSocket.',
  })
  rateLimit(@Ctx() { scope }: Context): RateLimitType | null {
    return scope.rateLimit;
  }
}
