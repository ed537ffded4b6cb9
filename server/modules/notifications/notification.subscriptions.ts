import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import { BadInputError } from '../../infra/errors.js';
import { liveSubscription } from '../../live/index.js';
import type { Context } from '../context.js';
import { InboxRoute } from './notification.route.js';
import { Notification } from './notification.type.js';

liveSubscription(
  'notifications',
  (args) => ({
    types: [],
    initiativePks: [],
    organisationPks: [],
    after: typeof args.after === 'string' ? args.after : null,
  }),
  {
    personal: ({ scope, services }: Context) =>
      new InboxRoute(services.notifications.database, scope, services.notifications),
  },
);

@Resolver(() => Notification)
export class NotificationSubscriptionResolver {
  @Subscription(() => Notification, {
    subscribe: () => {
      throw new BadInputError('subscriptions are served over WebSocket at /graphql (graphql-transport-ws)');
    },
    description:
      'Your inbox, live: each new notification as it happens, in log order. With `after` (a notification ' +
      'cursor) it first replays the notifications since, then continues live: no gap, no duplicate.',
  })
  notifications(
    @Root() notification: Notification,
    @Arg('after', () => String, { nullable: true }) _after?: string | null,
  ): Notification {
    return notification;
  }
}
