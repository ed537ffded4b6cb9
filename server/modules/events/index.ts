/** Reads the event log (every other module appends to it through Transaction.event). Emits no events itself. */
export { EventEntity } from './event.entity.js';
export { Event, EventConnection, EventFilter } from './event.type.js';
export { EventLogReader, EventService, type InitiativeAccess } from './event.service.js';
export {
  EventSubscriptionResolver,
  feedFilter,
  matchesFeed,
  type FeedFilter,
} from './event.subscriptions.js';
