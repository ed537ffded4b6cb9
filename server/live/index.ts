/**
 * Live events, in one home: the event log (append in the change's transaction, announce after commit), the
 * wake-ups between instances, the feed that reads the log once per round and fans out, and the WebSocket
 * adapter. Modules append through `appendEvent`; the app wires the rest.
 */
export {
  EVENT_LOG_LOCK_KEY,
  appendEvent,
  onEventsCommitted,
  seqOfCursor,
  type AppendedEvent,
  type NewEvent,
} from './event-log.js';
export {
  feedFilterFor,
  liveSubscription,
  matchesFeed,
  personalRouteFor,
  type FeedEvent,
  type FeedFacts,
  type FeedFilter,
} from './subscriptions.js';
export { EventLogReader, type InitiativeAccess } from './event-reader.js';
export {
  EventFeed,
  type FeedContext,
  type FeedOptions,
  type FeedSource,
  type FeedSubscription,
  type PersonalRoute,
} from './feed.js';
export { InProcessWakeups, RedisWakeups, type WakeupChannel } from './wakeups.js';
export {
  LiveCloseCode,
  MAX_SUBSCRIPTION_ID_LENGTH,
  SUBSCRIPTION_LIMIT,
  attachWebSocket,
} from './websocket.js';
