import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Confidence } from '../../vocabulary.js';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import { Activity } from '../activities/index.js';
import type { Context } from '../context.js';
import { FundingAllocation } from '../funding/index.js';
import { Initiative } from '../initiatives/index.js';
import { Milestone } from '../milestones/index.js';
import { Organisation } from '../organisations/index.js';
import { Output } from '../outputs/index.js';
import { Participation } from '../participations/index.js';
import { Partnership } from '../partnerships/index.js';
import { Event, EventConnection, EventFilter } from './event.type.js';

/** The provenance of the fact an event records: its most specific subject, as it is recorded now. */
async function factOf(
  event: Event,
  { scope, services }: Context,
): Promise<{ source: string | null; confidence: Confidence | null } | null> {
  if (event.milestonePk !== null) {
    const m = await services.milestones.byPk(scope, event.milestonePk);
    return m && { source: m.source, confidence: null };
  }
  if (event.participationPk !== null) return services.participations.byPk(scope, event.participationPk);
  if (event.fundingAllocationPk !== null) {
    const f = await services.funding.byPk(scope, event.fundingAllocationPk);
    return f && { source: f.provenance, confidence: f.confidence };
  }
  if (event.partnershipPk !== null) return services.partnerships.byPk(scope, event.partnershipPk);
  if (event.outputPk !== null) return services.outputs.byPk(scope, event.outputPk);
  if (event.activityPk !== null) {
    const a = await services.activities.byPk(scope, event.activityPk);
    return a && { source: a.source, confidence: null };
  }
  if (event.initiativePk !== null) return services.initiatives.byPk(scope, event.initiativePk);
  if (event.organisationPk !== null) return services.organisations.byPk(scope, event.organisationPk);
  return null;
}

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

  @Query(() => EventConnection, {
    description:
      "An initiative's audit trail: what changed, oldest first, who did it (`actor`), the changes (`payload`), " +
      'and the source and confidence of each fact as recorded now. History is never overwritten.',
  })
  async auditTrail(
    @Ctx() { scope, services }: Context,
    @Arg('initiativeId', () => ID) initiativeId: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<Event>> {
    const initiative = await services.initiatives.require(scope, initiativeId, 'initiativeId');
    const page = pageRequest(first, after, ['bigint']);
    return services.events.listMatching(
      scope,
      { types: [], initiativePks: [initiative.pk], organisationPks: [] },
      page,
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Where the fact this event records comes from, as recorded now: the source of the milestone, ' +
      'participation, funding, partnership, activity, initiative or organisation it is about.',
  })
  async source(@Root() event: Event, @Ctx() context: Context): Promise<string | null> {
    return (await factOf(event, context))?.source ?? null;
  }

  @FieldResolver(() => Confidence, {
    nullable: true,
    description:
      'How well that fact is sourced (null for milestones and activities, which carry no confidence).',
  })
  async confidence(@Root() event: Event, @Ctx() context: Context): Promise<Confidence | null> {
    return (await factOf(event, context))?.confidence ?? null;
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

  @FieldResolver(() => Output, { nullable: true })
  output(@Root() event: Event, @Ctx() { scope, services }: Context) {
    return event.outputPk === null ? null : services.outputs.byPk(scope, event.outputPk);
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

@Resolver(() => Initiative)
export class InitiativeAuditTrailResolver {
  @FieldResolver(() => EventConnection, {
    description:
      'Its audit trail, oldest first: the same as Query.auditTrail, reached by code. Ask it of one initiative ' +
      'at a time: each one is a statement.',
  })
  auditTrail(
    @Root() initiative: Initiative,
    @Ctx() { scope, services }: Context,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<Event>> {
    return services.events.listMatching(
      scope,
      { types: [], initiativePks: [initiative.pk], organisationPks: [] },
      pageRequest(first, after, ['bigint']),
    );
  }
}
