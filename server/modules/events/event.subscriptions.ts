import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError } from '../../infra/errors.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { liveSubscription } from '../../live/index.js';
import * as valid from '../../infra/validation.js';
import { EventType } from '../../vocabulary.js';
import { Event, EventFilter } from './event.type.js';

/**
 * The live feed's fields. Each declares beside its decorator which events it wants (`liveSubscription`); the
 * feed (server/live/feed.ts) serves them through graphql-ws's `subscribe` hook, executing each event once per
 * cohort of subscribers with the event as the root value, which the resolvers below hand on. graphql-js' own
 * subscribe path is never taken, so the `subscribe` functions only refuse to run elsewhere.
 */
const servedByTheFeed = () => {
  throw new BadInputError('subscriptions are served over WebSocket at /graphql (graphql-transport-ws)');
};

const initiativeOf = (id: unknown, name: string) =>
  typeof id === 'string' ? [decodeId(id, 'Initiative', name)] : [];

liveSubscription('events', (args) => {
  const filter = (args.filter ?? {}) as EventFilter;
  return {
    types: filter.types ?? [],
    initiativePks: (filter.initiativeIds ?? []).map((id, i) =>
      decodeId(id, 'Initiative', `filter.initiativeIds[${i}]`),
    ),
    organisationPks: (filter.organisationIds ?? []).map((id, i) =>
      decodeId(id, 'Organisation', `filter.organisationIds[${i}]`),
    ),
    themes: valid.enumList(filter.themes, 'filter.themes'),
    organisationKinds: valid.enumList(filter.organisationKinds, 'filter.organisationKinds'),
    after: typeof args.after === 'string' ? args.after : null,
  };
});

liveSubscription('partnerJoined', (args) => ({
  types: [EventType.PARTNER_JOINED],
  initiativePks: initiativeOf(args.initiativeId, 'initiativeId'),
  organisationPks: [],
  after: null,
}));

liveSubscription('milestoneChanged', (args) => ({
  types: [EventType.MILESTONE_ADDED, EventType.MILESTONE_CHANGED],
  initiativePks: initiativeOf(args.initiativeId, 'initiativeId'),
  organisationPks: [],
  after: null,
}));

@Resolver(() => Event)
export class EventSubscriptionResolver {
  @Subscription(() => Event, {
    subscribe: servedByTheFeed,
    description:
      'Every event you may see, in order. With `after` (a cursor) it replays what happened since, then continues live: no gap, no duplicate. Without it, live from now.',
  })
  events(
    @Root() event: Event,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
    @Arg('filter', () => EventFilter, { nullable: true }) _filter?: EventFilter | null,
  ): Event {
    return event;
  }

  @Subscription(() => Event, {
    subscribe: servedByTheFeed,
    description: 'PARTNER_JOINED events, optionally of one initiative (live from now).',
  })
  partnerJoined(
    @Root() event: Event,
    @Arg('initiativeId', () => ID, { nullable: true }) _initiativeId?: string | null,
  ): Event {
    return event;
  }

  @Subscription(() => Event, {
    subscribe: servedByTheFeed,
    description:
      'MILESTONE_ADDED and MILESTONE_CHANGED events, optionally of one initiative (live from now).',
  })
  milestoneChanged(
    @Root() event: Event,
    @Arg('initiativeId', () => ID, { nullable: true }) _initiativeId?: string | null,
  ): Event {
    return event;
  }
}
