import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionType, encodeCursor } from '../../infra/graphql/connection.js';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { Event } from '../events/index.js';
import { Initiative } from '../initiatives/index.js';
import { Node } from '../nodes/index.js';
import { Organisation } from '../organisations/index.js';
import { NotificationReason, Pillar, Theme } from '../../vocabulary.js';

@ObjectType({
  implements: Node,
  description:
    'Something you follow or take part in: a theme, a pillar, an initiative or an organisation (exactly one is set).',
})
export class Follow extends Node {
  pk: number;
  follower: string;
  initiativePk: number | null;
  targetOrganisationPk: number | null;
  sinceSeq: string;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Follow', this.pk);
  }

  @Field(() => Theme, { nullable: true })
  theme: Theme | null;

  @Field(() => Pillar, { nullable: true })
  pillar: Pillar | null;

  /** Resolved by the resolver: null when the initiative is no longer visible to you. */
  @Field(() => Initiative, { nullable: true })
  initiative?: Initiative | null;

  @Field(() => Organisation, { nullable: true })
  organisation?: Organisation | null;

  @Field(() => DateTimeScalar)
  createdAt: string;
}

@InputType({ description: 'What to follow: exactly one of theme, pillar, initiativeId and organisationId.' })
export class FollowInput {
  @Field(() => Theme, { nullable: true })
  theme?: Theme | null;

  @Field(() => Pillar, { nullable: true })
  pillar?: Pillar | null;

  @Field(() => ID, { nullable: true })
  initiativeId?: string | null;

  @Field(() => ID, { nullable: true })
  organisationId?: string | null;
}

@ObjectType({
  implements: Node,
  description:
    'An event in your inbox, with why it is there and when you read it. Derived from the event log with the ' +
    'access rules of the events query: what you may not see is never a notification.',
})
export class Notification extends Node {
  constructor(event: Event, reason: NotificationReason, readAt: string | null) {
    super();
    this.event = event;
    this.reason = reason;
    this.readAt = readAt;
  }

  @Field(() => ID, {
    description: 'Your notification of this event (the same event is another id for others).',
  })
  override get id(): string {
    return toGlobalId('Notification', this.event.seq);
  }

  @Field(() => String, {
    description:
      'Pass back as `after` for the next (older) page, as `upTo` to markNotificationsRead, or as `after` to the ' +
      'notifications subscription to resume after it.',
  })
  get cursor(): string {
    return encodeCursor([this.event.seq]);
  }

  @Field(() => Event, {
    description: 'What happened: its fields as they are now, what changed in `payload`.',
  })
  event: Event;

  @Field(() => NotificationReason)
  reason: NotificationReason;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When you marked it read; null while unread.' })
  readAt: string | null;
}

export const NotificationConnection = ConnectionType(Notification, 'Notification');
