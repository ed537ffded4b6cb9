import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError } from '../../infra/errors.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { EventType } from '../../vocabulary.js';
import { Event, EventFilter } from './event.type.js';

/**
 * The live feed. These fields are served by the live feed (`EventFeed` in event.feed.ts) through graphql-ws's
 * `subscribe` hook, which executes each event once per cohort of subscribers; graphql-js' own subscribe path is
 * never taken, so the `subscribe` functions below only refuse to run elsewhere.
 */
const servedByTheHub = () => {
  throw new BadInputError('subscriptions are served over WebSocket at /graphql (graphql-transport-ws)');
};

@Resolver(() => Event)
export class EventSubscriptionResolver {
  @Subscription(() => Event, {
    subscribe: servedByTheHub,
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
    subscribe: servedByTheHub,
    description: 'PARTNER_JOINED events, optionally of one initiative (live from now).',
  })
  partnerJoined(
    @Root() event: Event,
    @Arg('initiativeId', () => ID, { nullable: true }) _initiativeId?: string | null,
  ): Event {
    return event;
  }

  @Subscription(() => Event, {
    subscribe: servedByTheHub,
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

/** What a subscription listens to, in the terms both the live matcher and the replay query use. */
export interface FeedFilter {
  types: EventType[];
  initiativePks: number[];
  organisationPks: number[];
  /** Cursor to replay after, if any. */
  after: string | null;
}

/** The filter of a subscription field from its (coerced) arguments; BAD_USER_INPUT for bad ids. */
export function feedFilter(field: string, args: Record<string, any>): FeedFilter {
  const initiative = (id: unknown, name: string) =>
    typeof id === 'string' ? [decodeId(id, 'Initiative', name)] : [];
  switch (field) {
    case 'events': {
      const filter = (args.filter ?? {}) as EventFilter;
      return {
        types: filter.types ?? [],
        initiativePks: (filter.initiativeIds ?? []).map((id, i) =>
          decodeId(id, 'Initiative', `filter.initiativeIds[${i}]`),
        ),
        organisationPks: (filter.organisationIds ?? []).map((id, i) =>
          decodeId(id, 'Organisation', `filter.organisationIds[${i}]`),
        ),
        after: typeof args.after === 'string' ? args.after : null,
      };
    }
    case 'partnerJoined':
      return {
        types: [EventType.PARTNER_JOINED],
        initiativePks: initiative(args.initiativeId, 'initiativeId'),
        organisationPks: [],
        after: null,
      };
    case 'milestoneChanged':
      return {
        types: [EventType.MILESTONE_ADDED, EventType.MILESTONE_CHANGED],
        initiativePks: initiative(args.initiativeId, 'initiativeId'),
        organisationPks: [],
        after: null,
      };
    default:
      throw new BadInputError(`unknown subscription ${field}`);
  }
}

/** The in-memory twin of the events query's filter (EventService.list). */
export function matchesFeed(filter: FeedFilter, event: Event): boolean {
  if (filter.types.length && !filter.types.includes(event.type)) return false;
  if (
    filter.initiativePks.length &&
    (event.initiativePk === null || !filter.initiativePks.includes(event.initiativePk))
  )
    return false;
  if (
    filter.organisationPks.length &&
    !event.organisationPks.some((pk) => filter.organisationPks.includes(pk))
  )
    return false;
  return true;
}
