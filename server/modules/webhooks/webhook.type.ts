import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ConnectionType } from '../../infra/graphql/connection.js';
import { DateTimeScalar } from '../../infra/graphql/scalars.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { EventFilter } from '../events/index.js';
import { Node } from '../nodes/index.js';
import { EventType } from '../../vocabulary.js';

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Failed, and retried with backoff. */
  FAILED = 'FAILED',
  /** Retried for the whole retry window without success: the webhook was disabled. */
  GAVE_UP = 'GAVE_UP',
}
registerEnumType(WebhookDeliveryStatus, { name: 'WebhookDeliveryStatus' });

@ObjectType({
  implements: Node,
  description:
    "A partner system's endpoint: it gets the events its organisation may see, signed as Standard Webhooks says, " +
    'in order, at least once (the event cursor is the `webhook-id`, its idempotency key).',
})
export class Webhook extends Node {
  pk: number;
  organisationPk: number;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: string | null;
  filter: Record<string, unknown>;
  cursorSeq: string;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('Webhook', this.pk);
  }

  @Field(() => String)
  url: string;

  @Field(() => [EventType], { description: 'The event types it gets; empty for all.' })
  eventTypes: EventType[];

  @Field(() => Boolean, {
    description: 'False once disabled (410 Gone, or retries exhausted); update to enable.',
  })
  active: boolean;

  @Field(() => String, { nullable: true, description: 'Why it was disabled.' })
  disabledReason: string | null;

  @Field(() => DateTimeScalar)
  createdAt: string;

  @Field(() => DateTimeScalar)
  updatedAt: string;
}

@ObjectType({ description: 'A new webhook, or one with a new secret: the secret is shown this once.' })
export class CreatedWebhook {
  @Field(() => String, {
    description: '`whsec_<base64>`: verify `webhook-signature` with it (Standard Webhooks).',
  })
  secret: string;

  @Field(() => Webhook)
  webhook: Webhook;
}

@ObjectType({ implements: Node, description: 'One event to one webhook: its attempts and the last answer.' })
export class WebhookDelivery extends Node {
  pk: string;
  webhookPk: number;
  eventSeq: string;

  @Field(() => ID)
  override get id(): string {
    return toGlobalId('WebhookDelivery', this.pk);
  }

  @Field(() => WebhookDeliveryStatus)
  status: WebhookDeliveryStatus;

  @Field(() => Int)
  attempts: number;

  @Field(() => Int, { nullable: true, description: 'The HTTP status of the last attempt, if it got one.' })
  responseStatus: number | null;

  @Field(() => Int, { nullable: true, description: 'How long the last attempt took, ms.' })
  latencyMs: number | null;

  @Field(() => String, { nullable: true, description: 'What failed, when it was not an HTTP status.' })
  error: string | null;

  @Field(() => DateTimeScalar)
  firstAttemptAt: string;

  @Field(() => DateTimeScalar, { nullable: true })
  lastAttemptAt: string | null;
}

@InputType()
export class CreateWebhookInput {
  @Field(() => ID)
  organisationId: string;

  @Field(() => String, {
    description: 'An http(s) URL of a public host (or one WEBHOOK_ALLOWED_HOSTS allows).',
  })
  url: string;

  @Field(() => [EventType], { nullable: true, description: 'Empty or left out: every event type.' })
  eventTypes?: EventType[] | null;

  @Field(() => EventFilter, {
    nullable: true,
    description: 'Which events, as the events query filters them.',
  })
  filter?: EventFilter | null;
}

@InputType()
export class UpdateWebhookInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => [EventType], { nullable: true })
  eventTypes?: EventType[] | null;

  @Field(() => EventFilter, { nullable: true })
  filter?: EventFilter | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True enables a disabled webhook again (from where it stopped).',
  })
  active?: boolean | null;
}

export const WebhookConnection = ConnectionType(Webhook, 'Webhook');
export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, 'WebhookDelivery');
