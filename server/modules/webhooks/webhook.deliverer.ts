/**
 * Delivers the event log to webhooks: at least once, in order per webhook, signed as Standard Webhooks says.
 *
 * - **One instance per webhook.** A round claims due webhooks with `FOR UPDATE SKIP LOCKED` and a lease
 *   (`lease_until`, renewed while it works); only the holder delivers, and a crashed holder's lease runs out, so
 *   another instance carries on from the webhook's cursor (redelivering the event in flight, same `webhook-id`).
 * - **In order.** A webhook's events go one at a time, oldest first; a failure stops it until its retry, which
 *   waits about `WEBHOOK_RETRY_BASE_MS`, doubling with jitter up to an hour. Retries run for
 *   `WEBHOOK_RETRY_FOR_HOURS`, then the webhook is disabled with a WEBHOOK_DISABLED event for its editors; a 410
 *   Gone disables it at once.
 * - **Access.** Events are read as a subscriber of the webhook's organisation would read them (its VIEWER), at
 *   delivery time, through the events query's own SQL.
 * - **Retries** wait for half to all of `WEBHOOK_RETRY_BASE_MS * 2^(attempt - 1)`, at most an hour.
 * - **Isolation.** Webhooks are delivered concurrently (`WEBHOOK_CONCURRENCY`), each request bounded by
 *   `WEBHOOK_TIMEOUT_MS`, so a slow or dead endpoint holds up only itself.
 */
import { randomUUID } from 'node:crypto';
import { Webhook as Signer } from 'standardwebhooks';
import { editorsAudience } from '../../infra/auth/access.js';
import { memberViewer, systemViewer, type Viewer } from '../../infra/auth/viewer.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { encodeCursor } from '../../infra/graphql/connection.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { postGuarded, RefusedAddressError, type OutboundPolicy } from '../../infra/http/outbound.js';
import type { Logger } from '../../infra/logger.js';
import { RequestScope } from '../../infra/request-scope.js';
import { appendEvent } from '../../live/index.js';
import { EventType, OrganisationKind, Role } from '../../vocabulary.js';
import type { Event, EventService } from '../events/index.js';
import { webhookFromRow, type WebhookService } from './webhook.service.js';
import type { Webhook, WebhookDelivery } from './webhook.type.js';

export interface DelivererOptions {
  policy: OutboundPolicy;
  retryBaseMs: number;
  retryForMs: number;
  pollMs: number;
  concurrency: number;
  /** How long a claim holds without renewal (it is renewed after every delivery). */
  leaseMs: number;
}

const PAGE = 50;
const MAX_BACKOFF_MS = 3_600_000;

/** What a delivery names besides the event's ids, so a receiver can show it without asking: code, name, title. */
export interface Names {
  initiatives: Map<number, { code: string; title: string }>;
  organisations: Map<number, { code: string; name: string }>;
  milestones: Map<number, { title: string }>;
}

/** The names of a page of events, in one statement. */
async function namesOf(db: Database, events: readonly Event[]): Promise<Names> {
  const initiativePks = [
    ...new Set(events.flatMap((e) => (e.initiativePk === null ? [] : [e.initiativePk]))),
  ];
  const organisationPks = [
    ...new Set(events.flatMap((e) => [...e.organisationPks, ...(e.actorPk === null ? [] : [e.actorPk])])),
  ];
  const milestonePks = [...new Set(events.flatMap((e) => (e.milestonePk === null ? [] : [e.milestonePk])))];
  const rows = await db.read(
    `SELECT 'i' AS kind, id, code, title AS name FROM initiatives WHERE id = ANY($1::int[])
     UNION ALL SELECT 'o', id, code, name FROM organisations WHERE id = ANY($2::int[])
     UNION ALL SELECT 'm', id, NULL, title FROM milestones WHERE id = ANY($3::int[])`,
    [initiativePks, organisationPks, milestonePks],
  );
  const names: Names = { initiatives: new Map(), organisations: new Map(), milestones: new Map() };
  for (const r of rows) {
    const pk = r.id as number;
    if (r.kind === 'i') names.initiatives.set(pk, { code: r.code as string, title: r.name as string });
    if (r.kind === 'o') names.organisations.set(pk, { code: r.code as string, name: r.name as string });
    if (r.kind === 'm') names.milestones.set(pk, { title: r.name as string });
  }
  return names;
}

/**
 * The body of a delivery: `{ type, timestamp, data }`, the event with global ids, and the code, name or title
 * of what it concerns as they are at delivery (the event's own `payload` says what changed).
 */
export function deliveryBody(event: Event, names?: Names): string {
  const id = (type: Parameters<typeof toGlobalId>[0], pk: number | null) =>
    pk === null ? null : toGlobalId(type, pk);
  return JSON.stringify({
    type: event.type,
    timestamp: new Date(event.occurredAt).toISOString(),
    data: {
      id: event.id,
      cursor: encodeCursor([event.seq]),
      type: event.type,
      occurredAt: new Date(event.occurredAt).toISOString(),
      actorId: id('Organisation', event.actorPk),
      organisationId: id('Organisation', event.organisationPk),
      organisationIds: event.organisationPks.map((pk) => toGlobalId('Organisation', pk)),
      organisation:
        event.organisationPk === null
          ? null
          : {
              id: toGlobalId('Organisation', event.organisationPk),
              ...names?.organisations.get(event.organisationPk),
            },
      actor:
        event.actorPk === null
          ? null
          : { id: toGlobalId('Organisation', event.actorPk), ...names?.organisations.get(event.actorPk) },
      initiativeId: id('Initiative', event.initiativePk),
      initiative:
        event.initiativePk === null
          ? null
          : {
              id: toGlobalId('Initiative', event.initiativePk),
              ...names?.initiatives.get(event.initiativePk),
            },
      milestone:
        event.milestonePk === null
          ? null
          : { id: toGlobalId('Milestone', event.milestonePk), ...names?.milestones.get(event.milestonePk) },
      milestoneId: id('Milestone', event.milestonePk),
      participationId: id('Participation', event.participationPk),
      partnershipId: id('Partnership', event.partnershipPk),
      activityId: id('Activity', event.activityPk),
      fundingAllocationId: id('FundingAllocation', event.fundingAllocationPk),
      outputId: id('Output', event.outputPk),
      payload: event.payload,
    },
  });
}

/** The `webhook-signature` header: one `v1,<base64>` per secret that signs now, space-separated. */
export function signatureHeader(
  webhook: Webhook,
  msgId: string,
  at: Date,
  body: string,
  now = Date.now(),
): string {
  const secrets = [webhook.secret];
  if (webhook.previousSecret && webhook.previousSecretUntil && Date.parse(webhook.previousSecretUntil) > now)
    secrets.push(webhook.previousSecret);
  return secrets.map((secret) => new Signer(secret).sign(msgId, at, body)).join(' ');
}

export class WebhookDeliverer {
  private readonly instance = randomUUID();
  private readonly busy = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly db: Database,
    private readonly events: EventService,
    private readonly webhooks: WebhookService,
    private readonly logger: Logger,
    private readonly options: DelivererOptions,
  ) {}

  /** Sends one delivery again now (same `webhook-id`), outside its webhook's order; the delivery after it. */
  async redeliver(scope: RequestScope, id: string): Promise<WebhookDelivery> {
    const { delivery, webhook } = await this.webhooks.delivery(scope, id);
    const viewer = await this.viewerOf(webhook.organisationPk);
    const event = viewer && (await this.events.byPk(new RequestScope(viewer), delivery.eventSeq));
    if (!event) {
      throw new BadInputError(
        'this delivery cannot be sent again: its organisation may no longer see the event',
        'id',
      );
    }
    await this.attempt(webhook, event, { inOrder: false });
    return (await this.webhooks.delivery(scope, id)).delivery;
  }

  start(): void {
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
    await Promise.allSettled([...this.running]);
  }

  /** New events, or a retry due: look for work soon. */
  wake(): void {
    if (this.stopped) return;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.claim()
      .catch((err: unknown) =>
        this.logger.warn(`[webhooks] could not claim webhooks: ${(err as Error).message}`),
      )
      .finally(() => {
        this.round = null;
        if (this.again) {
          this.again = false;
          this.wake();
        } else this.schedule();
      });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => this.wake(), this.options.pollMs);
    this.timer.unref();
  }

  /** Claims the webhooks that have events after their cursor and no retry pending, as slots allow. */
  private async claim(): Promise<void> {
    const slots = this.options.concurrency - this.busy.size;
    if (slots <= 0) return;
    const rows = await this.db.transaction((tx) =>
      tx.modify(
        `UPDATE webhooks w SET lease_until = now() + $2 * interval '1 millisecond', leased_by = $1
          WHERE w.id IN (
            SELECT id FROM webhooks
             WHERE active AND (lease_until IS NULL OR lease_until < now())
               AND (retry_at IS NULL OR retry_at <= now())
               AND cursor_seq < (SELECT coalesce(max(seq), 0) FROM events)
               AND id <> ALL($3::int[])
             ORDER BY id LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING w.*`,
        [this.instance, this.options.leaseMs, [...this.busy], slots],
      ),
    );
    for (const row of rows) {
      const webhook = webhookFromRow(row);
      this.busy.add(webhook.pk);
      const work = this.deliver(webhook)
        .catch((err: unknown) =>
          this.logger.error(`[webhooks] delivering to webhook ${webhook.pk} failed`, err),
        )
        .finally(async () => {
          await this.db
            .transaction((tx) =>
              tx.query(
                `UPDATE webhooks SET lease_until = NULL, leased_by = NULL WHERE id = $1 AND leased_by = $2`,
                [webhook.pk, this.instance],
              ),
            )
            .catch(() => {});
          this.busy.delete(webhook.pk);
          this.running.delete(work);
          // It may have more, or others may be waiting for a slot.
          this.wake();
        });
      this.running.add(work);
    }
  }

  /** The organisation's view: what a VIEWER of it would see, decided now. */
  private async viewerOf(organisationPk: number): Promise<Viewer | null> {
    const [org] = await this.db.read(`SELECT id, code, kind FROM organisations WHERE id = $1`, [
      organisationPk,
    ]);
    if (!org) return null;
    return memberViewer({
      kind: 'api-key',
      organisation: { id: org.id as number, code: org.code as string, kind: org.kind as OrganisationKind },
      role: Role.VIEWER,
      subject: `webhook-of:${org.code as string}`,
    });
  }

  /** Delivers a claimed webhook's events after its cursor, in order, until it is done or an attempt fails. */
  private async deliver(webhook: Webhook): Promise<void> {
    const viewer = await this.viewerOf(webhook.organisationPk);
    if (!viewer) return;
    const filter = webhook.filter as {
      initiativePks?: number[];
      organisationPks?: number[];
      themes?: string[];
      organisationKinds?: string[];
      types?: string[];
    };
    const types = webhook.eventTypes.length ? webhook.eventTypes : (filter.types ?? []);
    let cursor = BigInt(webhook.cursorSeq);
    while (!this.stopped) {
      const [{ head }] = (await this.db.read(`SELECT coalesce(max(seq), 0)::text AS head FROM events`)) as [
        { head: string },
      ];
      const page = await this.events.listMatching(
        new RequestScope(viewer),
        {
          types,
          initiativePks: filter.initiativePks ?? [],
          organisationPks: filter.organisationPks ?? [],
          themes: filter.themes ?? [],
          organisationKinds: filter.organisationKinds ?? [],
        },
        { first: PAGE, after: [cursor.toString()] },
      );
      const names = page.nodes.length ? await namesOf(this.db, page.nodes) : undefined;
      for (const event of page.nodes) {
        if (this.stopped) return;
        if (!(await this.attempt(webhook, event, { names }))) return;
        cursor = BigInt(event.seq);
      }
      if (page.nodes.length < PAGE) {
        // Nothing else up to the head concerns it: move its cursor there.
        await this.advance(webhook.pk, BigInt(head) > cursor ? BigInt(head) : cursor);
        return;
      }
    }
  }

  private async advance(webhookPk: number, seq: bigint): Promise<void> {
    await this.db.transaction((tx) =>
      tx.query(
        `UPDATE webhooks SET cursor_seq = GREATEST(cursor_seq, $2), lease_until = now() + $4 * interval '1 millisecond'
          WHERE id = $1 AND leased_by = $3`,
        [webhookPk, seq.toString(), this.instance, this.options.leaseMs],
      ),
    );
  }

  /**
   * Sends one event and records the attempt; true when it was taken (2xx). A failure schedules the retry, or
   * disables the webhook (410 Gone, or retries exhausted).
   */
  async attempt(
    webhook: Webhook,
    event: Event,
    options: { inOrder?: boolean; names?: Names } = {},
  ): Promise<boolean> {
    const inOrder = options.inOrder ?? true;
    const body = deliveryBody(event, options.names ?? (await namesOf(this.db, [event])));
    const msgId = encodeCursor([event.seq]);
    const at = new Date();
    let status: number | null = null;
    let latencyMs: number | null = null;
    let error: string | null = null;
    try {
      const response = await postGuarded(
        new URL(webhook.url),
        body,
        {
          'content-type': 'application/json',
          'user-agent': 'romgraph-webhooks/1',
          'webhook-id': msgId,
          'webhook-timestamp': Math.floor(at.getTime() / 1000).toString(),
          'webhook-signature': signatureHeader(webhook, msgId, at, body),
        },
        this.options.policy,
      );
      status = response.status;
      latencyMs = response.latencyMs;
    } catch (err) {
      error = err instanceof RefusedAddressError ? `refused: ${err.message}` : (err as Error).message;
    }
    const ok = status !== null && status >= 200 && status < 300;
    const [row] = (await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO webhook_deliveries AS d (webhook_id, event_seq, status, attempts, response_status, latency_ms, error, last_attempt_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, now())
         ON CONFLICT (webhook_id, event_seq) DO UPDATE SET status = EXCLUDED.status, attempts = d.attempts + 1,
           response_status = EXCLUDED.response_status, latency_ms = EXCLUDED.latency_ms, error = EXCLUDED.error,
           last_attempt_at = now()
         RETURNING d.attempts, d.first_attempt_at`,
        [webhook.pk, event.seq, ok ? 'SUCCEEDED' : 'FAILED', status, latencyMs, error],
      ),
    )) as Row[];
    if (!inOrder) return ok;
    if (ok) {
      await this.db.transaction((tx) =>
        tx.query(
          `UPDATE webhooks SET cursor_seq = GREATEST(cursor_seq, $2), retry_at = NULL,
                  lease_until = now() + $4 * interval '1 millisecond'
            WHERE id = $1 AND leased_by = $3`,
          [webhook.pk, event.seq, this.instance, this.options.leaseMs],
        ),
      );
      return true;
    }
    const attempts = row!.attempts as number;
    const failingFor = Date.now() - new Date(row!.first_attempt_at as string).getTime();
    if (status === 410) {
      await this.disable(webhook, event, `the endpoint answered 410 Gone to event ${msgId}`);
    } else if (failingFor >= this.options.retryForMs) {
      await this.disable(
        webhook,
        event,
        `event ${msgId} failed ${attempts} times over ${Math.round(failingFor / 60_000)} min (last: ${error ?? `HTTP ${status}`})`,
      );
    } else {
      // Doubling from the base, up to an hour, with jitter over its upper half (never all at once, never zero).
      const ceiling = Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** (attempts - 1));
      const wait = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
      await this.db.transaction((tx) =>
        tx.query(`UPDATE webhooks SET retry_at = now() + $2 * interval '1 millisecond' WHERE id = $1`, [
          webhook.pk,
          wait,
        ]),
      );
    }
    return false;
  }

  /** Disables a webhook, with an event its organisation's editors see. */
  private async disable(webhook: Webhook, event: Event, reason: string): Promise<void> {
    this.logger.warn(`[webhooks] disabling webhook ${webhook.pk} (${webhook.url}): ${reason}`);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'GAVE_UP' WHERE webhook_id = $1 AND event_seq = $2`,
        [webhook.pk, event.seq],
      );
      await tx.query(
        `UPDATE webhooks SET active = false, disabled_reason = $2, retry_at = NULL WHERE id = $1`,
        [webhook.pk, reason],
      );
      await appendEvent(tx, systemViewer, {
        type: EventType.WEBHOOK_DISABLED,
        organisationPk: webhook.organisationPk,
        audience: editorsAudience(webhook.organisationPk),
        payload: { webhookId: webhook.id, url: webhook.url, reason },
      });
    });
  }
}
