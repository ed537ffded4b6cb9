/**
 * The inbox as SQL: the events of the log that a follower's follows and organisation's participations bring,
 * each with its reason, seen through the same access rules as the events query. Nothing is copied per person:
 * every read derives the inbox from the log, the follows and the read marks.
 *
 * Windows. A follow brings the events after its FOLLOWED event, up to and including its UNFOLLOWED event (if
 * any). A participation brings the events of its initiative after the organisation's PARTNER_JOINED event, up
 * to and including its PARTNER_LEFT. Themes and pillars are those the initiatives have now. The lead's join that
 * an initiative's creation records beside INITIATIVE_CREATED (`payload.atCreation`) is not a notification of its
 * own: the creation is the news.
 *
 * Each window is read backwards from the page's position with its own index seek (events by initiative, or by
 * organisation), so a page costs about the same with 1,000 or 1,000,000 events in the log.
 */
import { visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Viewer } from '../../infra/auth/viewer.js';
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

/**
 * `WITH ... hits(seq, reason)`: one row per window that brings an event in the range. `params` gets the
 * statement's parameters; select from `hits` after it.
 */
export function inboxHits(viewer: Viewer, follower: string, range: InboxRange, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const who = p(follower);
  const org = p(viewer.organisationPk ?? 0);
  const above = p(range.above ?? '0');
  const below = p(range.below ?? '9223372036854775807');
  const limit = range.limit === undefined ? '' : `LIMIT ${p(range.limit)}`;
  const order = range.oldestFirst ? 'ASC' : 'DESC';
  const unread = range.unreadOnly
    ? `AND e.seq > (SELECT up_to FROM rd)
       AND NOT EXISTS (SELECT 1 FROM notification_marks m WHERE m.follower = ${who} AND m.seq = e.seq)`
    : '';
  const inRange = `e.seq > ${above} AND e.seq < ${below} AND e.audience IS NULL ${unread}
    AND NOT (e.type = '${EventType.PARTNER_JOINED}' AND e.payload ? 'atCreation')`;
  return `
    rd AS (SELECT coalesce(max(up_to_seq), 0) AS up_to FROM notification_reads WHERE follower = ${who}),
    f AS (
      SELECT CASE WHEN initiative_id IS NOT NULL THEN '${NotificationReason.FOLLOWING_INITIATIVE}'
                  WHEN target_organisation_id IS NOT NULL THEN '${NotificationReason.FOLLOWING_ORGANISATION}'
                  WHEN theme IS NOT NULL THEN '${NotificationReason.FOLLOWING_THEME}'
                  ELSE '${NotificationReason.FOLLOWING_PILLAR}' END AS reason,
             initiative_id, target_organisation_id, theme, pillar, since_seq AS since, until_seq AS until
        FROM follows WHERE follower = ${who}
    ),
    marks AS (
      SELECT initiative_id, seq, type, lead(seq) OVER (PARTITION BY initiative_id ORDER BY seq) AS next
        FROM events
       WHERE type IN ('${EventType.PARTNER_JOINED}', '${EventType.PARTNER_LEFT}') AND organisation_id = ${org}
    ),
    iw AS (
      SELECT w.reason, w.initiative_id, w.since, w.until FROM (
          SELECT '${NotificationReason.PARTICIPATING}' AS reason, initiative_id, seq AS since, next AS until
            FROM marks WHERE type = '${EventType.PARTNER_JOINED}'
          UNION ALL
          SELECT reason, initiative_id, since, until FROM f WHERE initiative_id IS NOT NULL
          UNION ALL
          SELECT f.reason, ti.id, f.since, f.until FROM f JOIN initiatives ti ON ti.themes @> ARRAY[f.theme]
           WHERE f.theme IS NOT NULL
          UNION ALL
          SELECT f.reason, pi.id, f.since, f.until FROM f JOIN initiatives pi ON pi.pillars @> ARRAY[f.pillar]
           WHERE f.pillar IS NOT NULL
        ) w
        JOIN initiatives i ON i.id = w.initiative_id
       WHERE ${visibleInitiativeSql(viewer, 'i', params)}
    ),
    hits AS (
      SELECT h.seq, iw.reason FROM iw CROSS JOIN LATERAL (
        SELECT e.seq FROM events e
         WHERE e.initiative_id = iw.initiative_id AND e.seq > iw.since AND (iw.until IS NULL OR e.seq <= iw.until)
           AND ${inRange}
         ORDER BY e.seq ${order} ${limit}) h
      UNION ALL
      SELECT h.seq, f.reason FROM f CROSS JOIN LATERAL (
        SELECT e.seq FROM events e LEFT JOIN initiatives i ON i.id = e.initiative_id
         WHERE e.organisation_ids @> ARRAY[f.target_organisation_id] AND e.seq > f.since
           AND (f.until IS NULL OR e.seq <= f.until) AND ${inRange}
           AND (e.initiative_id IS NULL OR ${visibleInitiativeSql(viewer, 'i', params)})
         ORDER BY e.seq ${order} ${limit}) h
       WHERE f.target_organisation_id IS NOT NULL
    )`;
}

/** `reasons` as a SQL array literal parameter, for `array_position` (the precedence of REASON_ORDER). */
export function reasonOrderParam(params: unknown[]): string {
  params.push(REASON_ORDER);
  return `$${params.length}::text[]`;
}
