import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import { pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { Initiative } from '../initiatives/index.js';
import { ViewerType } from '../viewer/index.js';
import { Organisation } from '../organisations/index.js';
import { MAX_UNREAD_COUNT_LIMIT, UNREAD_COUNT_LIMIT } from './notification.service.js';
import { Follow, FollowInput, Notification, NotificationConnection } from './notification.type.js';

@ArgsType()
class InboxArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1..100 (default 20).' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last notification seen: older ones.',
  })
  after?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Only the unread ones.' })
  unreadOnly?: boolean | null;
}

/** The caller's follows and inbox, as fields of `viewer`. */
@Resolver(() => ViewerType)
export class ViewerNotificationsResolver {
  @FieldResolver(() => [Follow], {
    description:
      'What you follow now, oldest first. Taking part in an initiative is a follow of its own kind.',
  })
  follows(@Ctx() { scope, services }: Context): Promise<Follow[]> {
    return services.notifications.follows(scope);
  }

  @FieldResolver(() => NotificationConnection, {
    description:
      'Your inbox, newest first: the events of the initiatives your organisation takes part in and of what you ' +
      'follow, each with its reason. Only what you may see, decided now.',
  })
  notifications(
    @Ctx() { scope, services }: Context,
    @Args(() => InboxArgs) { first, after, unreadOnly }: InboxArgs,
  ): Promise<Page<Notification>> {
    return services.notifications.inbox(scope, pageRequest(first, after, ['bigint']), unreadOnly ?? false);
  }

  @FieldResolver(() => Int, {
    description:
      'How many notifications of your inbox you have not read, counted up to `limit`: a count equal to ' +
      '`limit` means that many or more (a badge shows "99+"). The exact number of a larger inbox is ' +
      '`notifications(unreadOnly: true) { totalCount }`, which reads all of it.',
  })
  unreadCount(
    @Ctx() { scope, services }: Context,
    @Arg('limit', () => Int, {
      defaultValue: UNREAD_COUNT_LIMIT,
      description: `Count up to this many, 1..${MAX_UNREAD_COUNT_LIMIT}.`,
    })
    limit: number,
  ): Promise<number> {
    return services.notifications.unreadCount(scope, limit);
  }
}

@Resolver(() => Follow)
export class FollowResolver {
  @FieldResolver(() => Initiative, {
    nullable: true,
    description: 'Null when it is no longer visible to you.',
  })
  initiative(@Root() follow: Follow, @Ctx() { scope, services }: Context): Promise<Initiative | null> | null {
    return follow.initiativePk === null ? null : services.initiatives.byPk(scope, follow.initiativePk);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(
    @Root() follow: Follow,
    @Ctx() { scope, services }: Context,
  ): Promise<Organisation | null> | null {
    return follow.targetOrganisationPk === null
      ? null
      : services.organisations.byPk(scope, follow.targetOrganisationPk);
  }

  @Mutation(() => Follow, {
    description:
      'Follows a theme, a pillar, an initiative or an organisation: its events after now reach your inbox and ' +
      'your notifications subscription. Following it again returns the same follow. Emits FOLLOWED (personal: ' +
      'only you hear of it).',
  })
  follow(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => FollowInput) input: FollowInput,
  ): Promise<Follow> {
    return services.notifications.follow(scope, input);
  }

  @Mutation(() => Boolean, {
    description:
      'Stops following (what it brought stays in your inbox). False when it was not yours or had ended. ' +
      'Emits UNFOLLOWED (personal).',
  })
  unfollow(@Ctx() { scope, services }: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return services.notifications.unfollow(scope, id);
  }
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Mutation(() => Int, {
    description:
      'Marks your notifications up to and including `upTo` (a notification cursor) read; returns how many were ' +
      'unread. Read state is yours alone and writes no event.',
  })
  markNotificationsRead(
    @Ctx() { scope, services }: Context,
    @Arg('upTo', () => String) upTo: string,
  ): Promise<number> {
    return services.notifications.markRead(scope, upTo);
  }

  @Mutation(() => Notification, { description: 'Marks one notification read (writes no event).' })
  markNotificationRead(
    @Ctx() { scope, services }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<Notification> {
    return services.notifications.markOneRead(scope, id);
  }
}
