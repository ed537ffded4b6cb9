/**
 * The inbox as SQL: the events of the log that a follower's follows and organisation's participations bring,
 * each with its reason, seen through the same access rules as the events query. Nothing is copied per person:
 * every read derives the inbox from the log, the follows and the read marks.
 *
 * Windows. A follow brings the events after its FOLLOWED event, up to and including its UNFOLLOWED event (if
 * any). A participation brings the events of its initiative after the organisation's PARTNER_JOINED event, up
 * to and including its PARTNER_LEFT. A theme or pillar follow brings the events stamped with that theme or
 * pillar: those of the initiatives that had it when the event happened (`appendEvent` stamps them; an update
 * that takes an initiative out of a theme is stamped with it too). Whether the reader may see an initiative is
 * decided now, at every read. The lead's join that an initiative's creation records beside INITIATIVE_CREATED
 * (`payload.atCreation`) is not a notification of its own: the creation is the news.
 *
 * A read is two statements. The first (`windowsSql`) turns the follows and participation marks into windows:
 * one per initiative (participations and initiative follows, of initiatives the reader may see), one per
 * organisation follow and one per theme or pillar follow. The second (`inboxHits`) reads each window backwards
 * from the page's position and stops at the page's size: an index seek per initiative window; for a theme,
 * pillar or organisation window, PostgreSQL chooses from the value it is given (a parameter it plans with)
 * between the log's seq order filtered by the value (a common theme) and the GIN index of the stamped
 * values (a rare one). A page so costs about the same with 1,000 or 1,000,000 events in the log.
 */
import { visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Viewer } from '../../infra/auth/viewer.js';
import type { Row } from '../../infra/db/database.js';
import { EventType, NotificationReason } from '../../vocabulary.js';

/** The reasons in order of precedence: a notification takes the first that holds. */
export const REASON_ORDER: readonly NotificationReason[] = [
  NotificationReason.PARTICIPATING,
  NotificationReason.FOLLOWING_INITIATIVE,
  NotificationReason.FOLLOWING_ORGANISATION,
  NotificationReason.FOLLOWING_THEME,
  NotificationReason.FOLLOWING_PILLAR,
];

export interface InboxRange {
  /** Only events with a seq above this. */
  above?: string;
  /** Only events with a seq below this. */
  below?: string;
  /** Only unread notifications (above the follower's last markNotificationsRead, not marked one by one). */
  unreadOnly?: boolean;
  /** The newest this many (for pages; the oldest with `oldestFirst`); all of them when left out (for counts). */
  limit?: number;
  /** Oldest first (replays of the live feed); newest first otherwise. */
  oldestFirst?: boolean;
}

/** Bounds of a window: the events after `since`, up to and including `until` (open when null). */
interface Bounds {
  since: bigint;
  until: bigint | null;
}

/** What one follower's inbox is made of, as of the statement that loaded it. */
export interface InboxWindows {
  follower: string;
  /** The follower's last markNotificationsRead (0 when none). */
  readUpTo: bigint;
  /** Participations and initiative follows. */
  initiatives: (Bounds & { reason: NotificationReason; initiativePk: number })[];
  /** Organisation follows. */
  organisations: (Bounds & { organisationPk: number })[];
  /** Theme and pillar follows. */
  topics: (Bounds & { theme: string | null; pillar: string | null })[];
}

const MAX_SEQ = 9223372036854775807n;

/**
 * One statement, one row (`windows`, JSON): the windows of `follower`'s inbox, whose organisation is `viewer`'s.
 * Seqs travel as text (they are bigints). What the reader may see is left to `inboxHits`, which decides it in
 * the statement that reads the events.
 */
export function windowsSql(viewer: Viewer, follower: string, params: unknown[]): string {
  params.push(follower);
  const who = `$${params.length}`;
  params.push(viewer.organisationPk ?? 0);
  const org = `$${params.length}`;
  return `
    WITH f AS (SELECT * FROM follows WHERE follower = ${who}),
    marks AS (
      SELECT initiative_id, seq, type, lead(seq) OVER (PARTITION BY initiative_id ORDER BY seq) AS next
        FROM events
       WHERE type IN ('${EventType.PARTNER_JOINED}', '${EventType.PARTNER_LEFT}') AND organisation_id = ${org}
    ),
    iw AS (
      SELECT '${NotificationReason.PARTICIPATING}' AS reason, initiative_id, seq AS since, next AS until
        FROM marks WHERE type = '${EventType.PARTNER_JOINED}'
      UNION ALL
      SELECT '${NotificationReason.FOLLOWING_INITIATIVE}', initiative_id, since_seq, until_seq
        FROM f WHERE initiative_id IS NOT NULL
    )
    SELECT json_build_object(
      'readUpTo', (SELECT coalesce(max(up_to_seq), 0)::text FROM notification_reads WHERE follower = ${who}),
      'initiatives', (SELECT coalesce(json_agg(json_build_array(iw.reason, iw.initiative_id, iw.since::text,
                                                                iw.until::text)), '[]') FROM iw),
      'organisations', (SELECT coalesce(json_agg(json_build_array(f.target_organisation_id, f.since_seq::text,
                                                                  f.until_seq::text)), '[]')
                          FROM f WHERE f.target_organisation_id IS NOT NULL),
      'topics', (SELECT coalesce(json_agg(json_build_array(f.theme, f.pillar, f.since_seq::text,
                                                           f.until_seq::text)), '[]')
                   FROM f WHERE f.theme IS NOT NULL OR f.pillar IS NOT NULL)
    ) AS windows`;
}

const seqOf = (text: string | null): bigint | null => (text === null ? null : BigInt(text));

/** The windows from the row of `windowsSql`. */
export function windowsFromRow(follower: string, row: Row): InboxWindows {
  const w = row.windows as {
    readUpTo: string;
    initiatives: [NotificationReason, number, string, string | null][];
    organisations: [number, string, string | null][];
    topics: [string | null, string | null, string, string | null][];
  };
  return {
    follower,
    readUpTo: BigInt(w.readUpTo),
    initiatives: w.initiatives.map(([reason, initiativePk, since, until]) => ({
      reason,
      initiativePk,
      since: BigInt(since),
      until: seqOf(until),
    })),
    organisations: w.organisations.map(([organisationPk, since, until]) => ({
      organisationPk,
      since: BigInt(since),
      until: seqOf(until),
    })),
    topics: w.topics.map(([theme, pillar, since, until]) => ({
      theme,
      pillar,
      since: BigInt(since),
      until: seqOf(until),
    })),
  };
}

/**
 * `hits(seq, reason)`, for a WITH clause: one row per window that brings an event in the range, each window
 * read from the page's end inward and cut at `range.limit`. `params` gets the statement's parameters.
 */
export function inboxHits(
  viewer: Viewer,
  windows: InboxWindows,
  range: InboxRange,
  params: unknown[],
): string {
  const p = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  let low = range.above === undefined ? 0n : BigInt(range.above);
  if (range.unreadOnly && windows.readUpTo > low) low = windows.readUpTo;
  const high = range.below === undefined ? MAX_SEQ : BigInt(range.below);
  // A window that ends before the range or starts after it brings nothing.
  const overlaps = (w: Bounds) => (w.until === null || w.until > low) && w.since < high - 1n;
  const order = range.oldestFirst ? 'ASC' : 'DESC';
  // Parameters are numbered as the branches use them: one that no branch used would have no type.
  const once = (make: () => string) => {
    let made: string | undefined;
    return () => (made ??= make());
  };
  const limitOf = once(() => (range.limit === undefined ? '' : `LIMIT ${p(range.limit, '::int')}`));
  const belowOf = once(() => p(high.toString(), '::bigint'));
  const inboxOf = once(() => {
    const unread = range.unreadOnly
      ? `AND NOT EXISTS (SELECT 1 FROM notification_marks m
                          WHERE m.follower = ${p(windows.follower)} AND m.seq = e.seq)`
      : '';
    return `e.audience IS NULL ${unread}
      AND NOT (e.type = '${EventType.PARTNER_JOINED}' AND e.payload ? 'atCreation')`;
  });
  const to = (w: Bounds) => (w.until === null ? '' : `AND e.seq <= ${p(w.until.toString(), '::bigint')}`);
  const branches: string[] = [];

  const initiatives = windows.initiatives.filter(overlaps);
  if (initiatives.length) {
    const lows = initiatives.map((w) => (w.since > low ? w.since : low).toString());
    const highs = initiatives.map((w) => (w.until === null ? null : w.until.toString()));
    branches.push(`
      SELECT h.seq, w.reason FROM unnest(${p(
        initiatives.map((w) => w.reason),
        '::text[]',
      )},
                                         ${p(
                                           initiatives.map((w) => w.initiativePk),
                                           '::int[]',
                                         )},
                                         ${p(lows, '::bigint[]')}, ${p(highs, '::bigint[]')})
                                  AS w(reason, initiative_id, since, until)
      JOIN initiatives i ON i.id = w.initiative_id AND ${visibleInitiativeSql(viewer, 'i', params)}
      CROSS JOIN LATERAL (
        SELECT e.seq FROM events e
         WHERE e.initiative_id = w.initiative_id AND e.seq > w.since AND e.seq < ${belowOf()}
           AND (w.until IS NULL OR e.seq <= w.until) AND ${inboxOf()}
         ORDER BY e.seq ${order} ${limitOf()}) h`);
  }
  // Each organisation, theme or pillar window reads the log on its own, so that each gets the access path
  // that suits its value (a rare organisation by the GIN index, a common theme in seq order) and stops at its
  // own bounds. Read as one, a rare window would make the scan run on through the whole of its range.
  const logWindow = (w: Bounds, reason: NotificationReason, match: string) =>
    branches.push(`
      (SELECT e.seq, '${reason}' AS reason
         FROM events e LEFT JOIN initiatives i ON i.id = e.initiative_id
        WHERE ${match} AND e.seq > ${p((w.since > low ? w.since : low).toString(), '::bigint')}
          AND e.seq < ${belowOf()} ${to(w)} AND ${inboxOf()}
          AND (e.initiative_id IS NULL OR ${visibleInitiativeSql(viewer, 'i', params)})
        ORDER BY e.seq ${order} ${limitOf()})`);
  for (const w of windows.organisations.filter(overlaps)) {
    logWindow(
      w,
      NotificationReason.FOLLOWING_ORGANISATION,
      `e.organisation_ids @> ARRAY[${p(w.organisationPk, '::int')}]`,
    );
  }
  for (const w of windows.topics.filter(overlaps)) {
    if (w.theme) {
      logWindow(w, NotificationReason.FOLLOWING_THEME, `e.themes @> ARRAY[${p(w.theme, '::text')}]`);
    } else {
      logWindow(w, NotificationReason.FOLLOWING_PILLAR, `e.pillars @> ARRAY[${p(w.pillar, '::text')}]`);
    }
  }
  if (!branches.length) branches.push(`SELECT NULL::bigint AS seq, NULL::text AS reason WHERE FALSE`);
  return `hits AS (${branches.join('\n      UNION ALL')})`;
}

/** `reasons` as a SQL array literal parameter, for `array_position` (the precedence of REASON_ORDER). */
export function reasonOrderParam(params: unknown[]): string {
  params.push(REASON_ORDER);
  return `$${params.length}::text[]`;
}
