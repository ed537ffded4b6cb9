import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import { Activity } from '../activities/index.js';
import type { Context } from '../context.js';
import { FundingAllocation } from '../funding/index.js';
import { Initiative } from '../initiatives/index.js';
import { Milestone } from '../milestones/index.js';
import { Organisation } from '../organisations/index.js';
import { Participation } from '../participations/index.js';
import { Partnership } from '../partnerships/index.js';
import { Event, EventConnection, EventFilter } from './event.type.js';

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, {
    description: 'The event log after a cursor, oldest first: catch-up for feeds, and the audit trail.',
  })
  events(
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('filter', () => EventFilter, { nullable: true }) filter?: EventFilter | null,
  ): Promise<Page<Event>> {
    return services.events.list(scope, filter, pageRequest(first, after, ['bigint']));
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'Who did it (null for system imports).' })
  actor(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.actorPk === null ? null : services.organisations.byPk(scope, event.actorPk);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation it is about.' })
  organisation(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.organisationPk === null ? null : services.organisations.byPk(scope, event.organisationPk);
  }

  @FieldResolver(() => Initiative, { nullable: true })
  initiative(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.initiativePk === null ? null : services.initiatives.byPk(scope, event.initiativePk);
  }

  @FieldResolver(() => Milestone, { nullable: true })
  milestone(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.milestonePk === null ? null : services.milestones.byPk(scope, event.milestonePk);
  }

  @FieldResolver(() => Participation, { nullable: true })
  participation(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.participationPk === null ? null : services.participations.byPk(scope, event.participationPk);
  }

  @FieldResolver(() => Partnership, { nullable: true })
  partnership(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.partnershipPk === null ? null : services.partnerships.byPk(scope, event.partnershipPk);
  }

  @FieldResolver(() => Activity, { nullable: true })
  activity(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.activityPk === null ? null : services.activities.byPk(scope, event.activityPk);
  }

  @FieldResolver(() => FundingAllocation, { nullable: true })
  fundingAllocation(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.fundingAllocationPk === null
      ? null
      : services.funding.byPk(scope, event.fundingAllocationPk);
  }
}
