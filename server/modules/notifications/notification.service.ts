import { followerAudience, followerKeyOf } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, NotFoundError, UnauthenticatedError } from '../../infra/errors.js';
import { toPage, type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { decodeId, parseGlobalId, toGlobalId } from '../../infra/graphql/ids.js';
import type { RequestScope } from '../../infra/request-scope.js';
import { appendEvent, seqOfCursor } from '../../live/index.js';
import { EventType, NotificationReason } from '../../vocabulary.js';
import { eventFromRow } from '../events/index.js';
import type { InitiativeService } from '../initiatives/index.js';
import type { OrganisationService } from '../organisations/index.js';
import { FollowEntity } from './follow.entity.js';
import {
  inboxHits,
  reasonOrderParam,
  windowsFromRow,
  windowsSql,
  type InboxRange,
  type InboxWindows,
} from './inbox-sql.js';
import { Follow, Notification, type FollowInput } from './notification.type.js';

/** Follows: columns and row mapping, from the entity. */
export const followTable = new Table('follows', FollowEntity, () => new Follow());

export function followFromRow(row: Row): Follow {
  return followTable.fromRow(row);
}

/** What `unreadCount` counts up to unless asked for more, and the most it may be asked for. */
export const UNREAD_COUNT_LIMIT = 100;
export const MAX_UNREAD_COUNT_LIMIT = 1000;

type Run = (sql: string, params: unknown[]) => Promise<Row[]>;

/** Active follows one follower may have: each is a window every inbox read and live event goes through. */
export const MAX_FOLLOWS = 200;

/** Where a follow points, as its FOLLOWED event's payload says (global ids, as the API speaks). */
function targetPayload(follow: Follow): Record<string, unknown> {
  if (follow.theme) return { theme: follow.theme };
  if (follow.pillar) return { pillar: follow.pillar };
  if (follow.initiativePk !== null) return { initiativeId: toGlobalId('Initiative', follow.initiativePk) };
  return { organisationId: toGlobalId('Organisation', follow.targetOrganisationPk!) };
}

/**
 * Follows, the inbox and its read state. A follow and an unfollow are personal events (FOLLOWED, UNFOLLOWED):
 * only their follower hears of them, and the live feed applies them in log order. The inbox is derived from
 * the event log on every read (inbox-sql.ts); read state is the reader's bookkeeping beside it and writes no
 * event.
 */
export class NotificationService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly initiatives: InitiativeService,
  ) {}

  /** The database, for the live inbox's route (notification.route.ts). */
  get database(): Database {
    return this.db;
  }

  /** The caller's follower key, or UNAUTHENTICATED: an inbox needs someone to belong to. */
  private follower(scope: RequestScope, action: string): string {
    const key = followerKeyOf(scope.viewer);
    if (!key) {
      throw new UnauthenticatedError(
        `Sign in to ${action}: a person (Authorization: Bearer <token>) or a partner system (ApiKey) has an inbox`,
      );
    }
    return key;
  }

  /** What the caller follows now, oldest first (nothing for anonymous callers). */
  async follows(scope: RequestScope): Promise<Follow[]> {
    const follower = followerKeyOf(scope.viewer);
    if (!follower) return [];
    return scope
      .loader<string, Follow[]>('follow.ofFollower', async (keys) => {
        const rows = await this.db.read(
          `SELECT * FROM follows WHERE follower = ANY($1::text[]) AND until_seq IS NULL ORDER BY id`,
          [keys],
        );
        const follows = rows.map(followFromRow);
        return keys.map((key) => follows.filter((f) => f.follower === key));
      })
      .load(follower);
  }

  /** One of the caller's follows (ended ones too), by its key; null for anyone else's. */
  async followByPk(scope: RequestScope, pk: number): Promise<Follow | null> {
    const follower = followerKeyOf(scope.viewer);
    if (!follower) return null;
    const [row] = await this.db.read(`SELECT * FROM follows WHERE id = $1 AND follower = $2`, [pk, follower]);
    return row ? followFromRow(row) : null;
  }

  /**
   * Follows one thing. Following what one follows already returns that follow (no second event). An
   * initiative must be visible to the caller; its events reach the inbox while it stays so.
   */
  async follow(scope: RequestScope, input: FollowInput): Promise<Follow> {
    const follower = this.follower(scope, 'follow');
    const given = [input.theme, input.pillar, input.initiativeId, input.organisationId].filter(
      (v) => v !== null && v !== undefined,
    );
    if (given.length !== 1) {
      throw new BadInputError(
        'say what to follow: exactly one of theme, pillar, initiativeId and organisationId',
        'input',
      );
    }
    // Themes and pillars arrive checked against their enums by GraphQL.
    const theme = input.theme ?? null;
    const pillar = input.pillar ?? null;
    let initiativePk: number | null = null;
    let organisationPk: number | null = null;
    if (input.initiativeId) {
      initiativePk = (await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId')).pk;
    }
    if (input.organisationId) {
      const pk = decodeId(input.organisationId, 'Organisation', 'input.organisationId');
      if (!(await this.organisations.byPk(scope, pk))) {
        throw new NotFoundError('Organisation', input.organisationId);
      }
      organisationPk = pk;
    }
    const row = await this.db.transaction(async (tx) => {
      const [existing] = await tx.query(
        `SELECT * FROM follows WHERE follower = $1 AND until_seq IS NULL
            AND theme IS NOT DISTINCT FROM $2 AND pillar IS NOT DISTINCT FROM $3
            AND initiative_id IS NOT DISTINCT FROM $4 AND target_organisation_id IS NOT DISTINCT FROM $5`,
        [follower, theme, pillar, initiativePk, organisationPk],
      );
      if (existing) return existing;
      const [{ n }] = (await tx.query(
        `SELECT count(*)::int AS n FROM follows WHERE follower = $1 AND until_seq IS NULL`,
        [follower],
      )) as [{ n: number }];
      if (n >= MAX_FOLLOWS) {
        throw new BadInputError(
          `you follow ${n} things already, the most one may; unfollow some first (viewer { follows })`,
          'input',
        );
      }
      // The id first, so that the FOLLOWED event can name the follow; the row after the event, so that it
      // brings what comes after its own event's seq.
      const [{ id }] = (await tx.query(
        `SELECT nextval(pg_get_serial_sequence('follows', 'id'))::int AS id`,
      )) as [{ id: number }];
      const target = Object.assign(new Follow(), {
        theme,
        pillar,
        initiativePk,
        targetOrganisationPk: organisationPk,
      });
      const event = await appendEvent(tx, scope.viewer, {
        type: EventType.FOLLOWED,
        audience: followerAudience(follower),
        payload: { followId: toGlobalId('Follow', id), ...targetPayload(target) },
      });
      const [inserted] = await tx.query(
        `INSERT INTO follows (id, follower, organisation_id, theme, pillar, initiative_id, target_organisation_id, since_seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [id, follower, scope.viewer.organisationPk, theme, pillar, initiativePk, organisationPk, event.seq],
      );
      return inserted!;
    });
    this.forgetWindows(scope, follower);
    return followFromRow(row);
  }

  /** Ends one of the caller's follows; false if it was not theirs or had ended already. */
  async unfollow(scope: RequestScope, id: string): Promise<boolean> {
    const follower = this.follower(scope, 'unfollow');
    const parsed = parseGlobalId(id);
    if (!parsed || parsed.type !== 'Follow' || !/^[1-9][0-9]{0,9}$/.test(parsed.key)) {
      throw new BadInputError('id is not a Follow id', 'id');
    }
    return this.db.transaction(async (tx) => {
      const [current] = await tx.query(
        `SELECT * FROM follows WHERE id = $1 AND follower = $2 AND until_seq IS NULL FOR UPDATE`,
        [Number(parsed.key), follower],
      );
      if (!current) return false;
      const event = await appendEvent(tx, scope.viewer, {
        type: EventType.UNFOLLOWED,
        audience: followerAudience(follower),
        payload: { followId: id, ...targetPayload(followFromRow(current)) },
      });
      await tx.query(`UPDATE follows SET until_seq = $2 WHERE id = $1`, [current.id, event.seq]);
      this.forgetWindows(scope, follower);
      return true;
    });
  }

  /**
   * The windows of `follower`'s inbox (inbox-sql.ts), once per request; `run` reads them in a transaction
   * instead (then they are not kept).
   */
  private async windows(scope: RequestScope, follower: string, run?: Run): Promise<InboxWindows> {
    return run ? this.loadWindows(scope, follower, run) : this.windowsLoader(scope).load(follower);
  }

  private async loadWindows(scope: RequestScope, follower: string, run: Run): Promise<InboxWindows> {
    const params: unknown[] = [];
    const [row] = await run(windowsSql(scope.viewer, follower, params), params);
    return windowsFromRow(follower, row!);
  }

  private windowsLoader(scope: RequestScope) {
    return scope.loader<string, InboxWindows>('notification.windows', (keys) =>
      Promise.all(keys.map((key) => this.loadWindows(scope, key, this.reader))),
    );
  }

  /** After a change of the caller's follows or read marks, later reads of the request load windows anew. */
  private forgetWindows(scope: RequestScope, follower: string): void {
    this.windowsLoader(scope).clear(follower);
  }

  private readonly reader: Run = (sql, params) => this.db.read(sql, params);

  /** Notifications, newest first, from the rows of the log `inboxHits` selects. */
  async notifications(scope: RequestScope, follower: string, range: InboxRange): Promise<Notification[]> {
    const windows = await this.windows(scope, follower);
    const params: unknown[] = [];
    const hits = inboxHits(scope.viewer, windows, range, params);
    const reasons = reasonOrderParam(params);
    params.push(follower);
    const who = `$${params.length}`;
    const limit = range.limit === undefined ? '' : `LIMIT ${range.limit}`;
    const order = range.oldestFirst ? 'ASC' : 'DESC';
    // What the reader may see is decided inside each window's branch (inbox-sql.ts), in this statement.
    const rows = await this.db.read(
      `WITH ${hits},
       best AS (
         SELECT seq, (array_agg(reason ORDER BY array_position(${reasons}, reason)))[1] AS reason
           FROM hits GROUP BY seq ORDER BY seq ${order} ${limit}
       )
       SELECT e.*, best.reason AS notification_reason,
              coalesce(m.read_at, (SELECT min(r.read_at) FROM notification_reads r
                                    WHERE r.follower = ${who} AND r.up_to_seq >= e.seq)) AS notification_read_at
         FROM best JOIN events e ON e.seq = best.seq
         LEFT JOIN notification_marks m ON m.follower = ${who} AND m.seq = e.seq
        ORDER BY e.seq ${order}`,
      params,
    );
    return rows.map(
      (row) =>
        new Notification(
          eventFromRow(row),
          row.notification_reason as NotificationReason,
          row.notification_read_at === null ? null : new Date(row.notification_read_at).toISOString(),
        ),
    );
  }

  /**
   * How many notifications `range` holds (counted up to `range.limit` when given), by `run` (the database,
   * or a transaction).
   */
  private async count(scope: RequestScope, follower: string, range: InboxRange, run?: Run): Promise<number> {
    const windows = await this.windows(scope, follower, run);
    const params: unknown[] = [];
    const hits = inboxHits(scope.viewer, windows, range, params);
    const limit = range.limit === undefined ? '' : `LIMIT ${range.limit}`;
    const [row] = await (run ?? this.reader)(
      `WITH ${hits} SELECT count(*)::int AS n FROM (SELECT DISTINCT seq FROM hits ${limit}) x`,
      params,
    );
    return row!.n as number;
  }

  /**
   * A page of the caller's inbox, newest first (`after`: the cursor of the last notification seen). Anonymous
   * callers have an empty one.
   */
  async inbox(scope: RequestScope, page: PageRequest, unreadOnly: boolean): Promise<Page<Notification>> {
    const follower = followerKeyOf(scope.viewer);
    if (!follower)
      return toPage(
        [],
        page,
        () => [],
        async () => 0,
      );
    const below = page.after ? String(page.after[0]) : undefined;
    const rows = await this.notifications(scope, follower, { below, unreadOnly, limit: page.first + 1 });
    return toPage(
      rows,
      page,
      (n) => [n.event.seq],
      () => this.count(scope, follower, { unreadOnly }),
    );
  }

  /**
   * How many notifications the caller has not read, counted up to `limit` (so a badge can say "99+" without
   * the count costing more than a page); 0 for anonymous callers.
   */
  async unreadCount(scope: RequestScope, limit: number = UNREAD_COUNT_LIMIT): Promise<number> {
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_UNREAD_COUNT_LIMIT) {
      throw new BadInputError(`limit must be 1..${MAX_UNREAD_COUNT_LIMIT}`, 'limit');
    }
    const follower = followerKeyOf(scope.viewer);
    return follower ? this.count(scope, follower, { unreadOnly: true, limit }) : 0;
  }

  /** The caller's notification of one event, if it is in their inbox. */
  async bySeq(scope: RequestScope, seq: string): Promise<Notification | null> {
    const follower = followerKeyOf(scope.viewer);
    if (!follower) return null;
    const above = (BigInt(seq) - 1n).toString();
    const below = (BigInt(seq) + 1n).toString();
    const [found] = await this.notifications(scope, follower, { above, below, limit: 1 });
    return found ?? null;
  }

  /**
   * Marks every notification up to and including `upTo` (a notification cursor) read; returns how many were
   * unread. Marking an older cursor than before changes nothing.
   */
  async markRead(scope: RequestScope, upTo: string): Promise<number> {
    const follower = this.follower(scope, 'mark notifications read');
    const seq = seqOfCursor(upTo, 'upTo');
    const below = (BigInt(seq) + 1n).toString();
    return this.db.transaction(async (tx) => {
      // One marker at a time per follower, so two concurrent marks count each notification once.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('notification_reads'), hashtext($1))`, [
        follower,
      ]);
      const marked = await this.count(scope, follower, { below, unreadOnly: true }, (sql, params) =>
        tx.query(sql, params),
      );
      await tx.query(
        `INSERT INTO notification_reads (follower, up_to_seq)
         SELECT $1, $2 WHERE $2::bigint > (SELECT coalesce(max(up_to_seq), 0) FROM notification_reads WHERE follower = $1)`,
        [follower, seq],
      );
      this.forgetWindows(scope, follower);
      return marked;
    });
  }

  /** Marks one notification read (by its id); NOT_FOUND if it is not in the caller's inbox. */
  async markOneRead(scope: RequestScope, id: string): Promise<Notification> {
    const follower = this.follower(scope, 'mark notifications read');
    const parsed = parseGlobalId(id);
    const seq = parsed?.type === 'Notification' && /^[0-9]{1,19}$/.test(parsed.key) ? parsed.key : null;
    const found = seq === null ? null : await this.bySeq(scope, seq);
    if (!found) throw new NotFoundError('Notification', id);
    if (found.readAt) return found;
    const [mark] = await this.db.transaction((tx) =>
      tx.query(
        `INSERT INTO notification_marks (follower, seq) VALUES ($1, $2)
         ON CONFLICT (follower, seq) DO UPDATE SET read_at = notification_marks.read_at RETURNING read_at`,
        [follower, seq],
      ),
    );
    found.readAt = new Date(mark!.read_at).toISOString();
    return found;
  }
}
