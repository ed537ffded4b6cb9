/**
 * Delivers the event log to webhooks: at least once, in order per webhook, signed as Standard Webhooks says.
 *
 * - **One instance per webhook.** An instance claims webhooks with `FOR UPDATE SKIP LOCKED` and holds them by a
 *   lease (`lease_until`, `leased_by`) that it renews for all of them at once while it runs; only the holder
 *   delivers. A crashed holder's leases run out and another instance claims the webhooks and carries on from
 *   their cursors (redelivering what was in flight, with the same `webhook-id`); a stopping one hands them back.
 * - **One read of the log per round.** A round reads the events after the oldest cursor of the webhooks that are
 *   ready (one statement), with the access facts and names of what they concern (two more), and hands each
 *   webhook its share. A webhook's events go one at a time, oldest first; webhooks go concurrently, so a slow or
 *   dead endpoint holds up only itself (each request is bounded by `WEBHOOK_TIMEOUT_MS`).
 * - **Access.** Each event is checked as a subscriber of the webhook's organisation (its VIEWER) would be, at
 *   delivery time: the live feed's twin of the events query's rules (`canSeeEvent`) with the initiative's
 *   visibility and participants as the round read them, and the feed's filter twin (`matchesFeed`).
 * - **Bookkeeping in bulk.** Successful deliveries and the cursors they move are written for all webhooks at
 *   once, a few times a second (one transaction), not one transaction per delivery. A crash before that
 *   redelivers them: at least once. A failure is written at once, with its retry.
 * - **Retries** wait for half to all of `WEBHOOK_RETRY_BASE_MS * 2^(attempt - 1)`, at most an hour. Retries run
 *   for `WEBHOOK_RETRY_FOR_HOURS`, then the webhook is disabled with a WEBHOOK_DISABLED event for its editors;
 *   a 410 Gone disables it at once.
 */
import { SpanKind, traced } from '../../infra/tracing.js';
import { createHmac, randomUUID } from 'node:crypto';
import { canSeeEvent, editorsAudience } from '../../infra/auth/access.js';
import { memberViewer, systemViewer, type Viewer } from '../../infra/auth/viewer.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { encodeCursor } from '../../infra/graphql/connection.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { postGuarded, RefusedAddressError, type OutboundPolicy } from '../../infra/http/outbound.js';
import type { Logger } from '../../infra/logger.js';
import { RequestScope } from '../../infra/request-scope.js';
import { appendEvent, EventLogReader, matchesFeed, type FeedFilter } from '../../live/index.js';
import { EventType, OrganisationKind, Role } from '../../vocabulary.js';
import { eventFromRow, type Event, type EventService } from '../events/index.js';
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
  /** Hears of each attempt's outcome and each webhook disabled (the metrics). */
  observe?: (outcome: 'delivered' | 'failed' | 'disabled') => void;
}

const MAX_BACKOFF_MS = 3_600_000;

/** What a delivery names besides the event's ids, so a receiver can show it without asking: code, name, title. */
export interface Names {
  initiatives: Map<number, { code: string; title: string }>;
  organisations: Map<number, { code: string; name: string }>;
  milestones: Map<number, { title: string }>;
  /** Delivery bodies by seq, made from these names (once per event and round). */
  bodies: Map<string, string>;
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
  const names: Names = {
    initiatives: new Map(),
    organisations: new Map(),
    milestones: new Map(),
    bodies: new Map(),
  };
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
export function deliveryBody(event: Event, names: Names): string {
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
              ...names.organisations.get(event.organisationPk),
            },
      actor:
        event.actorPk === null
          ? null
          : { id: toGlobalId('Organisation', event.actorPk), ...names.organisations.get(event.actorPk) },
      initiativeId: id('Initiative', event.initiativePk),
      initiative:
        event.initiativePk === null
          ? null
          : {
              id: toGlobalId('Initiative', event.initiativePk),
              ...names.initiatives.get(event.initiativePk),
            },
      milestone:
        event.milestonePk === null
          ? null
          : { id: toGlobalId('Milestone', event.milestonePk), ...names.milestones.get(event.milestonePk) },
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

/** Secret keys decoded once (`whsec_<base64>` to its bytes), a bounded number of them. */
const keys = new Map<string, Buffer>();

/**
 * One Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256, under the secret's bytes, of
 * `<msg id>.<timestamp>.<body>`. node:crypto, not the `standardwebhooks` package, which hashes in JavaScript
 * (fast-sha256) at a fifth of the speed; the tests check every signature against that package.
 */
function sign(secret: string, content: string): string {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 20_000) keys.clear();
    key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    keys.set(secret, key);
  }
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
}

/** The `webhook-signature` header: one `v1,<base64>` per secret that signs now, space-separated. */
export function signatureHeader(
  webhook: Webhook,
  msgId: string,
  at: Date,
  body: string,
  now = Date.now(),
): string {
  const content = `${msgId}.${Math.floor(at.getTime() / 1000)}.${body}`;
  const signature = sign(webhook.secret, content);
  if (webhook.previousSecret && webhook.previousSecretUntil && Date.parse(webhook.previousSecretUntil) > now)
    return `${signature} ${sign(webhook.previousSecret, content)}`;
  return signature;
}

/** A webhook this instance holds the lease of. */
interface Held {
  webhook: Webhook;
  viewer: Viewer;
  filter: FeedFilter;
  /** Delivered (or skipped) up to here; what the next flush writes. */
  cursor: bigint;
  /** What the database has. */
  stored: bigint;
  running: boolean;
  /** Not before this (epoch ms): a retry is pending. */
  retryAt: number;
  /** When its cursor was last written (epoch ms). */
  cursorWrittenAt: number;
}

interface Succeeded {
  webhookPk: number;
  seq: string;
  status: number;
  latencyMs: number;
}

/** Successful deliveries written at most this long after they happened. */
const FLUSH_MS = 200;
/** A webhook's cursor written at most this often (and when it stops): what a crash may send again. */
const CURSOR_EVERY_MS = 2000;
/** Events read per round. */
const ROUND_EVENTS = 500;

export class WebhookDeliverer {
  private readonly instance = randomUUID();
  private readonly held = new Map<number, Held>();
  private readonly reader: EventLogReader<Event>;
  private readonly timers: NodeJS.Timeout[] = [];
  private round: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private succeeded: Succeeded[] = [];
  private flushing: Promise<void> | null = null;
  private readonly running = new Set<Promise<void>>();
  /**
   * The webhooks with a run in progress, by key, whatever becomes of their `Held` (a webhook let go and claimed
   * again while a run is still sending must not get a second run beside it).
   */
  private readonly busy = new Set<number>();
  private lastClaim = 0;
  private claimNow = false;

  constructor(
    private readonly db: Database,
    private readonly events: EventService,
    private readonly webhooks: WebhookService,
    private readonly logger: Logger,
    private readonly options: DelivererOptions,
  ) {
    this.reader = new EventLogReader(db, eventFromRow);
  }

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
    const outcome = await this.send(webhook, event, await namesOf(this.db, [event]));
    await this.record(webhook, event, outcome, { inOrder: false });
    return (await this.webhooks.delivery(scope, id)).delivery;
  }

  start(): void {
    const every = (ms: number, work: () => void) => {
      const timer = setInterval(work, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.pollMs, () => this.wake());
    every(Math.max(100, Math.floor(this.options.leaseMs / 3)), () => void this.renew());
    every(FLUSH_MS, () => void this.flush());
    this.wake();
  }

  /** Stops delivering: waits for requests in flight, writes what they did, and hands the leases back. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await this.round;
    await Promise.allSettled([...this.running]);
    await this.flush();
    if (this.held.size) {
      await this.db
        .transaction((tx) =>
          tx.query(
            `UPDATE webhooks SET lease_until = NULL, leased_by = NULL WHERE leased_by = $1 AND id = ANY($2::int[])`,
            [this.instance, [...this.held.keys()]],
          ),
        )
        .catch(() => {});
      this.held.clear();
    }
  }

  /**
   * New events, or a retry due: look for work soon. `claim`: a webhook was made or enabled here, so look for
   * unclaimed webhooks now rather than at the next poll.
   */
  wake(claim = false): void {
    if (this.stopped) return;
    if (claim) this.claimNow = true;
    if (this.round) {
      this.again = true;
      return;
    }
    this.round = this.work()
      .catch((err: unknown) =>
        this.logger.warn(`[webhooks] a delivery round failed: ${(err as Error).message}`),
      )
      .finally(() => {
        this.round = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Claims webhooks nobody holds, as many as this instance may hold. */
  private async claim(): Promise<void> {
    const room = this.options.concurrency - this.held.size;
    // Once a poll (or when asked): a claim reads every webhook row, and most rounds have nothing to claim.
    if (room <= 0 || (!this.claimNow && Date.now() - this.lastClaim < this.options.pollMs)) return;
    this.claimNow = false;
    this.lastClaim = Date.now();
    const rows = await this.db.transaction((tx) =>
      tx.modify(
        `UPDATE webhooks w SET lease_until = now() + $2 * interval '1 millisecond', leased_by = $1
          WHERE w.id IN (
            SELECT id FROM webhooks WHERE active AND (lease_until IS NULL OR lease_until < now())
             ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
          RETURNING w.*, (SELECT row_to_json(o) FROM (SELECT id, code, kind FROM organisations
                                                       WHERE id = w.organisation_id) o) AS organisation`,
        [this.instance, this.options.leaseMs, room],
      ),
    );
    for (const row of rows) this.hold(row);
  }

  private hold(row: Row): void {
    const webhook = webhookFromRow(row);
    const org = row.organisation as { id: number; code: string; kind: OrganisationKind } | null;
    if (!org) return;
    const stored = webhook.filter as {
      initiativePks?: number[];
      organisationPks?: number[];
      themes?: string[];
      organisationKinds?: string[];
      types?: string[];
    };
    const settings = {
      webhook,
      viewer: viewerOfOrganisation(org),
      filter: {
        types: (webhook.eventTypes.length ? webhook.eventTypes : (stored.types ?? [])) as EventType[],
        initiativePks: stored.initiativePks ?? [],
        organisationPks: stored.organisationPks ?? [],
        themes: stored.themes ?? [],
        organisationKinds: stored.organisationKinds ?? [],
        after: null,
      },
      stored: BigInt(webhook.cursorSeq),
      retryAt: row.retry_at ? new Date(row.retry_at as string).getTime() : 0,
    };
    const held = this.held.get(webhook.pk);
    // Held already: new settings, the same run and the cursor it has reached (in place, as a run refers to it).
    if (held) {
      Object.assign(held, settings);
      if (held.stored > held.cursor) held.cursor = held.stored;
    } else {
      this.held.set(webhook.pk, { ...settings, cursor: settings.stored, running: false, cursorWrittenAt: 0 });
    }
  }

  /** Lets a webhook go, and its lease with it, so that it can be claimed again as soon as it may be. */
  private async release(pks: number[]): Promise<void> {
    for (const pk of pks) this.held.delete(pk);
    if (pks.length === 0) return;
    await this.db
      .transaction((tx) =>
        tx.query(
          `UPDATE webhooks SET lease_until = NULL, leased_by = NULL WHERE leased_by = $1 AND id = ANY($2::int[])`,
          [this.instance, pks],
        ),
      )
      .catch(() => {});
  }

  /**
   * What changed of the held webhooks since the last look, on any instance (one statement a poll): new
   * settings are taken in; a deleted, disabled or no longer leased one is let go.
   */
  private async refresh(): Promise<void> {
    if (this.stopped || this.held.size === 0) return;
    // Changed since the newest change taken in (the database's clock, to the millisecond as `updatedAt` has it).
    const newest = [...this.held.values()].reduce(
      (max, h) => (h.webhook.updatedAt > max ? h.webhook.updatedAt : max),
      '1970-01-01T00:00:00.000Z',
    );
    const rows = await this.db.read(
      `SELECT h.id AS held_id, w.*,
              (SELECT row_to_json(o) FROM (SELECT id, code, kind FROM organisations
                                            WHERE id = w.organisation_id) o) AS organisation
         FROM unnest($1::int[]) AS h(id) LEFT JOIN webhooks w ON w.id = h.id
        WHERE w.id IS NULL OR NOT w.active OR w.leased_by IS DISTINCT FROM $2
           OR date_trunc('milliseconds', w.updated_at) > $3::timestamptz`,
      [[...this.held.keys()], this.instance, newest],
    );
    const gone: number[] = [];
    for (const row of rows) {
      if (row.id === null || !row.active || row.leased_by !== this.instance) gone.push(row.held_id as number);
      else this.hold(row);
    }
    // A run in progress stops before its next event.
    await this.release(gone);
  }

  /**
   * Renews the leases of every held webhook in one statement, and takes in what changed of them (url, types,
   * filter, secrets, deletion); a webhook whose lease was lost or that was disabled or deleted is let go.
   */
  private async renew(): Promise<void> {
    if (this.stopped || this.held.size === 0) return;
    const rows = await this.db
      .transaction((tx) =>
        tx.modify(
          `UPDATE webhooks w SET lease_until = now() + $2 * interval '1 millisecond'
            WHERE leased_by = $1 AND active AND id = ANY($3::int[])
            RETURNING w.*, (SELECT row_to_json(o) FROM (SELECT id, code, kind FROM organisations
                                                         WHERE id = w.organisation_id) o) AS organisation`,
          [this.instance, this.options.leaseMs, [...this.held.keys()]],
        ),
      )
      .catch((err: unknown) => {
        this.logger.warn(`[webhooks] could not renew leases: ${(err as Error).message}`);
        return null;
      });
    if (!rows) return;
    const kept = new Set<number>();
    for (const row of rows) {
      kept.add(row.id as number);
      this.hold(row);
    }
    for (const pk of [...this.held.keys()]) if (!kept.has(pk)) this.held.delete(pk);
  }

  /**
   * One round: claim, take in what changed of the held webhooks, then hand each ready one its events after its
   * cursor, from one read of the log.
   */
  private async work(): Promise<void> {
    await this.claim();
    await this.refresh();
    const ready = [...this.held.values()].filter(
      (h) => !h.running && !this.busy.has(h.webhook.pk) && h.retryAt <= Date.now(),
    );
    if (ready.length === 0) return;
    const head = BigInt(await this.reader.lastSeq());
    const behind = ready.filter((h) => h.cursor < head);
    if (behind.length === 0) return;
    const from = behind.reduce((min, h) => (h.cursor < min ? h.cursor : min), head);
    const events = await this.reader.after(from.toString(), ROUND_EVENTS);
    if (events.length === 0) return;
    const upTo = events.length === ROUND_EVENTS ? BigInt(events.at(-1)!.seq) : head;
    if (events.length === ROUND_EVENTS) this.again = true;
    const { lookups: facts, access: accessFacts } = await this.reader.factsOf(
      events,
      behind.some((h) => h.filter.organisationKinds?.length),
    );
    const seqs = events.map((e) => BigInt(e.seq));
    let names: Promise<Names> | null = null;
    for (const h of behind) {
      const mine = events.filter(
        (e, i) =>
          seqs[i]! > h.cursor &&
          seqs[i]! <= upTo &&
          matchesFeed(h.filter, e, facts) &&
          canSeeEvent(h.viewer, accessFacts[i]!),
      );
      if (mine.length === 0) {
        // Nothing up to here concerns it. (A webhook ahead of a page that a lagging one made short of the head
        // keeps its cursor: it never moves back.)
        if (upTo > h.cursor) h.cursor = upTo;
        continue;
      }
      names ??= namesOf(this.db, events);
      h.running = true;
      this.busy.add(h.webhook.pk);
      const run = this.run(h, mine, upTo, names).finally(() => {
        h.running = false;
        this.busy.delete(h.webhook.pk);
        this.running.delete(run);
        this.wake();
      });
      this.running.add(run);
    }
  }

  /** Delivers a webhook's share of a round in order, until it is done or an attempt fails. */
  private async run(h: Held, mine: Event[], upTo: bigint, names: Promise<Names>): Promise<void> {
    try {
      const named = await names;
      for (const event of mine) {
        if (this.stopped || this.held.get(h.webhook.pk) !== h) return;
        const outcome = await this.send(h.webhook, event, named);
        if (outcome.ok) {
          this.succeeded.push({
            webhookPk: h.webhook.pk,
            seq: event.seq,
            status: outcome.status!,
            latencyMs: outcome.latencyMs!,
          });
          h.cursor = BigInt(event.seq);
          continue;
        }
        // What came before is written first, so the failure's row follows the successes it comes after.
        await this.flush();
        const retryAt = await this.record(h.webhook, event, outcome, { inOrder: true });
        if (retryAt === null) this.held.delete(h.webhook.pk);
        else h.retryAt = retryAt;
        return;
      }
      if (h.cursor < upTo) h.cursor = upTo;
    } catch (err) {
      this.logger.error(`[webhooks] delivering to webhook ${h.webhook.pk} failed`, err);
    }
  }

  /**
   * Writes the successful deliveries since the last flush and the cursors of every held webhook that moved, in
   * one transaction. A cursor is written only while this instance holds the lease.
   */
  private async flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    // One row per (webhook, event): a delivery sent twice (at least once) is written once.
    const done = [...new Map(this.succeeded.map((d) => [`${d.webhookPk}:${d.seq}`, d])).values()];
    // Cursors at most every CURSOR_EVERY_MS per webhook: each write is a new row version of `webhooks`.
    const now = Date.now();
    const moved = [...this.held.values()].filter(
      (h) => h.cursor > h.stored && (this.stopped || now - h.cursorWrittenAt >= CURSOR_EVERY_MS),
    );
    for (const h of moved) h.cursorWrittenAt = now;
    if (done.length === 0 && moved.length === 0) return;
    this.succeeded = [];
    const cursors = moved.map((h) => [h.webhook.pk, h.cursor] as const);
    this.flushing = this.db
      .transaction(async (tx) => {
        if (done.length) {
          await tx.query(
            `INSERT INTO webhook_deliveries AS d (webhook_id, event_seq, status, attempts, response_status, latency_ms, error, last_attempt_at)
             SELECT x.w, x.s, 'SUCCEEDED', 1, x.r, x.l, NULL, now()
               FROM unnest($1::int[], $2::bigint[], $3::int[], $4::int[]) AS x(w, s, r, l)
               JOIN webhooks ON webhooks.id = x.w
             ON CONFLICT (webhook_id, event_seq) DO UPDATE SET status = 'SUCCEEDED', attempts = d.attempts + 1,
               response_status = EXCLUDED.response_status, latency_ms = EXCLUDED.latency_ms, error = NULL,
               last_attempt_at = now()`,
            [
              done.map((d) => d.webhookPk),
              done.map((d) => d.seq),
              done.map((d) => d.status),
              done.map((d) => d.latencyMs),
            ],
          );
        }
        if (cursors.length) {
          await tx.query(
            `UPDATE webhooks w SET cursor_seq = GREATEST(w.cursor_seq, x.s),
                    retry_at = CASE WHEN w.retry_at <= now() THEN NULL ELSE w.retry_at END
               FROM unnest($2::int[], $3::bigint[]) AS x(id, s)
              WHERE w.id = x.id AND w.leased_by = $1`,
            [this.instance, cursors.map(([pk]) => pk), cursors.map(([, seq]) => seq.toString())],
          );
        }
      })
      .then(
        () => {
          for (const [pk, seq] of cursors) {
            const h = this.held.get(pk);
            if (h && seq > h.stored) h.stored = seq;
          }
        },
        (err: unknown) => {
          // Not written: the deliveries will be written with the next flush, the cursors too (at least once).
          this.succeeded = [...done, ...this.succeeded];
          this.logger.warn(`[webhooks] could not record deliveries: ${(err as Error).message}`);
        },
      )
      .finally(() => {
        this.flushing = null;
      });
    return this.flushing;
  }

  /** The organisation's view: what a VIEWER of it would see, decided now. */
  private async viewerOf(organisationPk: number): Promise<Viewer | null> {
    const [org] = await this.db.read(`SELECT id, code, kind FROM organisations WHERE id = $1`, [
      organisationPk,
    ]);
    return org ? viewerOfOrganisation(org as { id: number; code: string; kind: OrganisationKind }) : null;
  }

  /** Sends one event to one webhook, signed; never throws. */
  private send(webhook: Webhook, event: Event, names: Names): Promise<Outcome> {
    return traced(
      'webhook.deliver',
      SpanKind.CLIENT,
      { 'url.full': webhook.url, 'romgraph.event.seq': event.seq },
      async (span) => {
        const outcome = await this.attempt(webhook, event, names);
        if (span.isRecording() && outcome.status !== null)
          span.setAttribute('http.response.status_code', outcome.status);
        return outcome;
      },
    );
  }

  private async attempt(webhook: Webhook, event: Event, names: Names): Promise<Outcome> {
    // The same body for every webhook an event goes to in a round: made once.
    let body = names.bodies.get(event.seq);
    if (body === undefined) {
      body = deliveryBody(event, names);
      names.bodies.set(event.seq, body);
    }
    const msgId = encodeCursor([event.seq]);
    const at = new Date();
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
      const ok = response.status >= 200 && response.status < 300;
      this.options.observe?.(ok ? 'delivered' : 'failed');
      return { ok, status: response.status, latencyMs: response.latencyMs, error: null };
    } catch (err) {
      const error = err instanceof RefusedAddressError ? `refused: ${err.message}` : (err as Error).message;
      this.options.observe?.('failed');
      return { ok: false, status: null, latencyMs: null, error };
    }
  }

  /**
   * Writes one attempt. For a failure in order: schedules the retry and returns when it is due (epoch ms), or
   * disables the webhook (410 Gone, or retries exhausted) and returns null.
   */
  private async record(
    webhook: Webhook,
    event: Event,
    outcome: Outcome,
    options: { inOrder: boolean },
  ): Promise<number | null> {
    const msgId = encodeCursor([event.seq]);
    const [row] = (await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO webhook_deliveries AS d (webhook_id, event_seq, status, attempts, response_status, latency_ms, error, last_attempt_at)
         VALUES ($1, $2, $3, 1, $4, $5, $6, now())
         ON CONFLICT (webhook_id, event_seq) DO UPDATE SET status = EXCLUDED.status, attempts = d.attempts + 1,
           response_status = EXCLUDED.response_status, latency_ms = EXCLUDED.latency_ms, error = EXCLUDED.error,
           last_attempt_at = now()
         RETURNING d.attempts, d.first_attempt_at`,
        [
          webhook.pk,
          event.seq,
          outcome.ok ? 'SUCCEEDED' : 'FAILED',
          outcome.status,
          outcome.latencyMs,
          outcome.error,
        ],
      ),
    )) as Row[];
    if (!options.inOrder || outcome.ok) return Date.now();
    const attempts = row!.attempts as number;
    const failingFor = Date.now() - new Date(row!.first_attempt_at as string).getTime();
    if (outcome.status === 410) {
      await this.disable(webhook, event, `the endpoint answered 410 Gone to event ${msgId}`);
      return null;
    }
    if (failingFor >= this.options.retryForMs) {
      await this.disable(
        webhook,
        event,
        `event ${msgId} failed ${attempts} times over ${Math.round(failingFor / 60_000)} min (last: ${outcome.error ?? `HTTP ${outcome.status}`})`,
      );
      return null;
    }
    // Doubling from the base, up to an hour, with jitter over its upper half (never all at once, never zero).
    const ceiling = Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** (attempts - 1));
    const wait = Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
    await this.db.transaction((tx) =>
      tx.query(`UPDATE webhooks SET retry_at = now() + $2 * interval '1 millisecond' WHERE id = $1`, [
        webhook.pk,
        wait,
      ]),
    );
    // The poll finds it due; a timer wakes this instance right then.
    setTimeout(() => this.wake(), wait).unref();
    return Date.now() + wait;
  }

  /** Disables a webhook, with an event its organisation's editors see. */
  private async disable(webhook: Webhook, event: Event, reason: string): Promise<void> {
    this.logger.warn(`[webhooks] disabling webhook ${webhook.pk} (${webhook.url}): ${reason}`);
    this.options.observe?.('disabled');
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

interface Outcome {
  ok: boolean;
  status: number | null;
  latencyMs: number | null;
  error: string | null;
}

function viewerOfOrganisation(org: { id: number; code: string; kind: OrganisationKind }): Viewer {
  return memberViewer({
    kind: 'api-key',
    organisation: org,
    role: Role.VIEWER,
    subject: `webhook-of:${org.code}`,
  });
}
