import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRequest, type Page } from '../../infra/graphql/connection.js';
import type { Context } from '../context.js';
import { Event } from '../events/index.js';
import { Organisation } from '../organisations/index.js';
import {
  CreatedWebhook,
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookConnection,
  WebhookDelivery,
  WebhookDeliveryConnection,
} from './webhook.type.js';

@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => WebhookConnection, {
    description: "An organisation's webhooks (its editors', and ADMIN's, to see).",
  })
  webhooks(
    @Ctx() { scope, services }: Context,
    @Arg('organisationId', () => ID) organisationId: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<Webhook>> {
    return services.webhooks.list(scope, organisationId, pageRequest(first, after, ['int']));
  }

  @Query(() => WebhookDeliveryConnection, {
    description: "A webhook's deliveries, newest first: status, attempts, the last answer and its latency.",
  })
  webhookDeliveries(
    @Ctx() { scope, services }: Context,
    @Arg('webhookId', () => ID) webhookId: string,
    @Args(() => PageArgs) { first, after }: PageArgs,
  ): Promise<Page<WebhookDelivery>> {
    return services.webhooks.deliveries(scope, webhookId, pageRequest(first, after, ['bigint']));
  }

  @FieldResolver(() => Organisation)
  async organisation(@Root() webhook: Webhook, @Ctx() { scope, services }: Context): Promise<Organisation> {
    return (await services.organisations.byPk(scope, webhook.organisationPk))!;
  }

  @Mutation(() => CreatedWebhook, {
    description:
      'Registers a webhook for an organisation (its editors may): the events it may see from now on, of the ' +
      'types and filter given. The URL must reach a public address. Returns the signing secret, this once.',
  })
  async createWebhook(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput,
  ): Promise<CreatedWebhook> {
    const created = await services.webhooks.create(scope, input);
    services.webhookDeliverer.wake(true); // claimed now, not at the next poll
    return created;
  }

  @Mutation(() => Webhook, {
    description: "Changes a webhook's URL, event types or filter, or (re-)enables it.",
  })
  async updateWebhook(
    @Ctx() { scope, services }: Context,
    @Arg('input', () => UpdateWebhookInput) input: UpdateWebhookInput,
  ): Promise<Webhook> {
    const updated = await services.webhooks.update(scope, input);
    if (updated.active) services.webhookDeliverer.wake(true); // an enabled one is claimed now
    return updated;
  }

  @Mutation(() => CreatedWebhook, {
    description:
      'A new signing secret, shown this once. For a day the old one signs too (two signatures in ' +
      '`webhook-signature`), so the receiver can switch without missing a delivery.',
  })
  rotateWebhookSecret(
    @Ctx() { scope, services }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<CreatedWebhook> {
    return services.webhooks.rotateSecret(scope, id);
  }

  @Mutation(() => Boolean, { description: 'Removes a webhook and its delivery log.' })
  deleteWebhook(@Ctx() { scope, services }: Context, @Arg('id', () => ID) id: string): Promise<boolean> {
    return services.webhooks.delete(scope, id);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivery again now, with the same `webhook-id` (the receiver deduplicates by it), outside the ' +
      "webhook's order; returns it with this attempt recorded.",
  })
  async redeliverWebhookDelivery(
    @Ctx() { scope, services }: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<WebhookDelivery> {
    return services.webhookDeliverer.redeliver(scope, id);
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Webhook)
  async webhook(@Root() delivery: WebhookDelivery, @Ctx() { services }: Context): Promise<Webhook> {
    return (await services.webhooks.byPk(delivery.webhookPk))!;
  }

  @FieldResolver(() => Event, {
    nullable: true,
    description: 'Null when its organisation may no longer see it.',
  })
  event(@Root() delivery: WebhookDelivery, @Ctx() { scope, services }: Context): Promise<Event | null> {
    return services.events.byPk(scope, delivery.eventSeq);
  }
}
