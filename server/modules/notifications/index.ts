/**
 * Follows, the inbox derived from the event log, and its read state. Emits FOLLOWED and UNFOLLOWED (personal
 * events: only their follower hears of them).
 */
export { FollowEntity } from './follow.entity.js';
export { NotificationMarkEntity, NotificationReadEntity } from './notification-read.entity.js';
export { Follow, FollowInput, Notification, NotificationConnection } from './notification.type.js';
export { NotificationService } from './notification.service.js';
export { NotificationSubscriptionResolver } from './notification.subscriptions.js';
export {
  FollowResolver,
  NotificationResolver,
  ViewerNotificationsResolver,
} from './notification.resolver.js';
