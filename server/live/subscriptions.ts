/**
 * Which events each subscription field wants. Every field registers its filter beside its own decorator
 * (`liveSubscription`), and the WebSocket adapter asks the registry (`feedFilterFor`): a registry, not a switch.
 */
import type { EventType } from '../vocabulary.js';

/** What a subscription listens to, in the terms both the live matcher and the replay query use. */
export interface FeedFilter {
  types: EventType[];
  initiativePks: number[];
  organisationPks: number[];
  /** Events about initiatives with one of these themes (their themes now). */
  themes?: readonly string[];
  /** Events about an organisation of one of these kinds. */
  organisationKinds?: readonly string[];
  /** Cursor to replay after, if any. */
  after: string | null;
}

/** What the matcher looks up for the theme and kind filters, read once per batch by the feed. */
export interface FeedFacts {
  themesOf(initiativePk: number): readonly string[] | undefined;
  kindOf(organisationPk: number): string | undefined;
}

/** What the feed needs to know of an event to route it. */
export interface FeedEvent {
  readonly seq: string;
  readonly type: EventType;
  readonly initiativePk: number | null;
  readonly organisationPks: readonly number[];
  /** Whom a personal event is for; null for every other event. */
  readonly audience: string | null;
}

/** The in-memory twin of the events query's filter. */
export function matchesFeed(filter: FeedFilter, event: FeedEvent, facts?: FeedFacts): boolean {
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
  if (filter.themes?.length) {
    const themes = event.initiativePk === null ? undefined : facts?.themesOf(event.initiativePk);
    if (!themes?.some((t) => filter.themes!.includes(t))) return false;
  }
  if (filter.organisationKinds?.length) {
    const kinds = filter.organisationKinds;
    if (!event.organisationPks.some((pk) => kinds.includes(facts?.kindOf(pk) ?? ''))) return false;
  }
  return true;
}

type FilterOf = (args: Record<string, any>) => FeedFilter;

/**
 * A personal field's route for one subscriber, from the execution context of its subscription (the
 * application's: its caller and services). The route's type lives with the feed (`PersonalRoute`).
 */
type RouteOf = (context: any) => unknown;

const registry = new Map<string, { filterOf: FilterOf; personal?: RouteOf }>();

/**
 * Declares a subscription field served by the feed, with the filter its (coerced) arguments select, or - for a
 * personal field such as the inbox - the route that chooses each subscriber's events. Call it next to the
 * field's `@Subscription`; a second declaration of the same field is a mistake.
 */
export function liveSubscription(
  field: string,
  filterOf: FilterOf,
  options: { personal?: RouteOf } = {},
): void {
  if (registry.has(field)) throw new Error(`[live] subscription ${field} is declared twice`);
  registry.set(field, { filterOf, personal: options.personal });
}

/** A personal field's route for one subscription (undefined for fields that filter). */
export function personalRouteFor(field: string, context: unknown): unknown {
  return registry.get(field)?.personal?.(context);
}

/** The filter of a subscription field from its arguments (BAD_USER_INPUT for bad ids in them). */
export function feedFilterFor(field: string, args: Record<string, any>): FeedFilter {
  const declared = registry.get(field);
  // A schema field the feed does not know is our mistake, not the caller's.
  if (!declared)
    throw new Error(`[live] subscription ${field} has no feed filter: declare it with liveSubscription`);
  return declared.filterOf(args);
}
