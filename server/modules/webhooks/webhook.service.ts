import { randomBytes } from 'node:crypto';
import { actsFor, can } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, NotFoundError } from '../../infra/errors.js';
import { toPage, type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { checkedAddress, RefusedAddressError, type OutboundPolicy } from '../../infra/http/outbound.js';
import type { RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { EventFilter } from '../events/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { WebhookDeliveryEntity, WebhookEntity } from './webhook.entity.js';
import {
  CreatedWebhook,
  Webhook,
  WebhookDelivery,
  type CreateWebhookInput,
  type UpdateWebhookInput,
} from './webhook.type.js';

export const webhookTable = new Table('webhooks', WebhookEntity, () => new Webhook(), {
  write: { filter: (f) => JSON.stringify(f) },
});
export const deliveryTable = new Table(
  'webhook_deliveries',
  WebhookDeliveryEntity,
  () => new WebhookDelivery(),
);

export const webhookFromRow = (row: Row): Webhook => webhookTable.fromRow(row);
export const deliveryFromRow = (row: Row): WebhookDelivery => deliveryTable.fromRow(row);

/** A new signing secret, as Standard Webhooks writes them: `whsec_` and 32 random bytes in base64. */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Webhooks one organisation may have. */
export const MAX_WEBHOOKS = 20;

/** How long the secret before a rotation still signs deliveries beside the new one. */
const ROTATION_OVERLAP_MS = 24 * 3600 * 1000;

/** The stored filter: the events query's filter with its ids decoded (what the deliverer hands listMatching). */
function storedFilter(filter: EventFilter | null | undefined): Record<string, unknown> {
  for (const [list, values] of Object.entries(filter ?? {})) {
    if (Array.isArray(values) && values.length > 100)
      throw new BadInputError(`input.filter.${list} takes at most 100 values`, `input.filter.${list}`);
  }
  return {
    initiativePks: (filter?.initiativeIds ?? []).map((id, i) =>
      decodeId(id, 'Initiative', `input.filter.initiativeIds[${i}]`),
    ),
    organisationPks: (filter?.organisationIds ?? []).map((id, i) =>
      decodeId(id, 'Organisation', `input.filter.organisationIds[${i}]`),
    ),
    themes: valid.enumList(filter?.themes, 'input.filter.themes'),
    organisationKinds: valid.enumList(filter?.organisationKinds, 'input.filter.organisationKinds'),
    types: valid.enumList(filter?.types, 'input.filter.types'),
  };
}

/**
 * Webhooks of partner systems: registered, changed, rotated and removed by their organisation's editors; their
 * delivery log. Delivering is the deliverer's (webhook.deliverer.ts). Webhook settings are configuration, not
 * network facts: they write no event; a webhook being disabled does (WEBHOOK_DISABLED, for its editors).
 */
export class WebhookService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly policy: OutboundPolicy,
  ) {}

  /** The URL, checked as a delivery would check it (resolved, public), before it is stored. */
  private async url(value: string, field: string): Promise<string> {
    const url = valid.httpUrl(value, field);
    try {
      await checkedAddress(new URL(url), this.policy);
    } catch (err) {
      if (err instanceof RefusedAddressError) throw new BadInputError(`${field}: ${err.message}`, field);
      throw err;
    }
    return url;
  }

  private async owned(scope: RequestScope, id: string, field = 'id'): Promise<Webhook> {
    const pk = decodeId(id, 'Webhook', field);
    const [row] = await this.db.read(`SELECT * FROM webhooks WHERE id = $1`, [pk]);
    // Someone else's webhook does not exist for the caller.
    if (!row || !this.canSee(scope, row.organisation_id as number)) throw new NotFoundError('Webhook', id);
    const webhook = webhookFromRow(row);
    can.manageWebhooks(scope.viewer, webhook.organisationPk);
    return webhook;
  }

  /** Webhooks are configuration of their organisation: to anyone who may not manage them, they do not exist. */
  private canSee(scope: RequestScope, organisationPk: number): boolean {
    return actsFor(scope.viewer, organisationPk);
  }

  async create(scope: RequestScope, input: CreateWebhookInput): Promise<CreatedWebhook> {
    const organisationPk = decodeId(input.organisationId, 'Organisation', 'input.organisationId');
    if (!(await this.organisations.byPk(scope, organisationPk)))
      throw new NotFoundError('Organisation', input.organisationId);
    can.manageWebhooks(scope.viewer, organisationPk);
    const url = await this.url(input.url, 'input.url');
    const eventTypes = valid.enumList(input.eventTypes, 'input.eventTypes');
    const [{ n }] = (await this.db.read(
      `SELECT count(*)::int AS n FROM webhooks WHERE organisation_id = $1`,
      [organisationPk],
    )) as [{ n: number }];
    if (n >= MAX_WEBHOOKS) {
      throw new BadInputError(
        `the organisation has ${n} webhooks, the most one may; delete one first (webhooks(organisationId:))`,
        'input.organisationId',
      );
    }
    const secret = newSecret();
    const [row] = await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO webhooks (organisation_id, url, event_types, filter, secret, cursor_seq, created_by)
         VALUES ($1, $2, $3, $4, $5, (SELECT coalesce(max(seq), 0) FROM events), $6) RETURNING *`,
        [
          organisationPk,
          url,
          eventTypes,
          JSON.stringify(storedFilter(input.filter)),
          secret,
          scope.viewer.subject,
        ],
      ),
    );
    return { secret, webhook: webhookFromRow(row!) };
  }

  async update(scope: RequestScope, input: UpdateWebhookInput): Promise<Webhook> {
    const current = await this.owned(scope, input.id, 'input.id');
    const sets: string[] = [];
    const params: unknown[] = [current.pk];
    const set = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (input.url != null) set('url', await this.url(input.url, 'input.url'));
    if (input.eventTypes != null) set('event_types', valid.enumList(input.eventTypes, 'input.eventTypes'));
    if (input.filter !== undefined) set('filter', JSON.stringify(storedFilter(input.filter)));
    if (input.active === true && !current.active) {
      set('active', true);
      sets.push('disabled_reason = NULL', 'retry_at = NULL');
    }
    if (input.active === false) set('active', false);
    if (sets.length === 0) return current;
    const [row] = await this.db.transaction((tx) =>
      tx.modify(
        `UPDATE webhooks SET ${sets.join(', ')}, updated_at = now() WHERE id = $1 RETURNING *`,
        params,
      ),
    );
    return webhookFromRow(row!);
  }

  /** A new secret; the old one keeps signing beside it for a day, so receivers can switch without a gap. */
  async rotateSecret(scope: RequestScope, id: string): Promise<CreatedWebhook> {
    const current = await this.owned(scope, id);
    const secret = newSecret();
    const [row] = await this.db.transaction((tx) =>
      tx.modify(
        `UPDATE webhooks SET previous_secret = secret, previous_secret_until = now() + $3 * interval '1 millisecond',
                secret = $2, updated_at = now() WHERE id = $1 RETURNING *`,
        [current.pk, secret, ROTATION_OVERLAP_MS],
      ),
    );
    return { secret, webhook: webhookFromRow(row!) };
  }

  async delete(scope: RequestScope, id: string): Promise<boolean> {
    const current = await this.owned(scope, id);
    await this.db.transaction((tx) => tx.query(`DELETE FROM webhooks WHERE id = $1`, [current.pk]));
    return true;
  }

  async list(scope: RequestScope, organisationId: string, page: PageRequest): Promise<Page<Webhook>> {
    const organisationPk = decodeId(organisationId, 'Organisation', 'organisationId');
    can.manageWebhooks(scope.viewer, organisationPk);
    const after = page.after ? Number(page.after[0]) : 0;
    const rows = await this.db.read(
      `SELECT * FROM webhooks WHERE organisation_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
      [organisationPk, after, page.first + 1],
    );
    return toPage(
      rows.map(webhookFromRow),
      page,
      (w) => [w.pk],
      async () =>
        (
          await this.db.read(`SELECT count(*)::int AS n FROM webhooks WHERE organisation_id = $1`, [
            organisationPk,
          ])
        )[0]!.n as number,
    );
  }

  /** A webhook's deliveries, newest first. */
  async deliveries(
    scope: RequestScope,
    webhookId: string,
    page: PageRequest,
  ): Promise<Page<WebhookDelivery>> {
    const webhook = await this.owned(scope, webhookId, 'webhookId');
    const before = page.after ? String(page.after[0]) : '9223372036854775807';
    const rows = await this.db.read(
      `SELECT * FROM webhook_deliveries WHERE webhook_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3`,
      [webhook.pk, before, page.first + 1],
    );
    return toPage(
      rows.map(deliveryFromRow),
      page,
      (d) => [d.pk],
      async () =>
        (
          await this.db.read(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1`, [
            webhook.pk,
          ])
        )[0]!.n as number,
    );
  }

  /** A delivery of a webhook the caller manages. */
  async delivery(scope: RequestScope, id: string): Promise<{ delivery: WebhookDelivery; webhook: Webhook }> {
    const pk = decodeId(id, 'WebhookDelivery', 'id');
    const [row] = await this.db.read(`SELECT * FROM webhook_deliveries WHERE id = $1`, [pk]);
    if (!row) throw new NotFoundError('WebhookDelivery', id);
    const [hook] = await this.db.read(`SELECT * FROM webhooks WHERE id = $1`, [row.webhook_id]);
    if (!hook || !this.canSee(scope, hook.organisation_id as number))
      throw new NotFoundError('WebhookDelivery', id);
    return { delivery: deliveryFromRow(row), webhook: webhookFromRow(hook) };
  }

  /** The webhook of a delivery (for its `webhook` field). */
  async byPk(pk: number): Promise<Webhook | null> {
    const [row] = await this.db.read(`SELECT * FROM webhooks WHERE id = $1`, [pk]);
    return row ? webhookFromRow(row) : null;
  }
}
