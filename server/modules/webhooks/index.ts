/**
 * Webhooks of partner systems: registration and secrets (webhook.service.ts), delivery from the event log,
 * signed, in order, at least once (webhook.deliverer.ts). Emits WEBHOOK_DISABLED (for the organisation's editors).
 */
export { WebhookDeliveryEntity, WebhookEntity } from './webhook.entity.js';
export { CreatedWebhook, Webhook, WebhookDelivery, WebhookDeliveryStatus } from './webhook.type.js';
export { WebhookService } from './webhook.service.js';
export {
  WebhookDeliverer,
  deliveryBody,
  signatureHeader,
  type DelivererOptions,
} from './webhook.deliverer.js';
export { WebhookDeliveryResolver, WebhookResolver } from './webhook.resolver.js';
