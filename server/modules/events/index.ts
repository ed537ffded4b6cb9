/**
 * The event log as the API shows it: the `events` query, `node(id:)` for events, and the subscription fields
 * the live feed serves (each declares its filter beside its decorator). Every other module appends to the log
 * through `appendEvent` (server/live); this module emits no events itself.
 */
export { EventEntity } from './event.entity.js';
export { Event, EventConnection, EventFilter } from './event.type.js';
export { EventService, eventFromRow } from './event.service.js';
export { EventSubscriptionResolver } from './event.subscriptions.js';
