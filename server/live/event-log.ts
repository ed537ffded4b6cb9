/**
 * Appending to the event log. Call it inside the transaction that makes the change, as its last statement:
 * the advisory lock it takes is held until that transaction ends, so seq values become visible in commit
 * order (no reader can see seq N and later discover a committed N-1). The lock serialises only the short
 * tail of writing transactions, from the event insert to the commit.
 */
import type { Database, Transaction } from '../infra/db/database.js';
import { decodeCursor } from '../infra/graphql/connection.js';
import type { EventType } from '../vocabulary.js';
import type { Viewer } from '../infra/auth/viewer.js';

/** Arbitrary, fixed key of the advisory lock that orders event commits. */
export const EVENT_LOG_LOCK_KEY = 7_126_411;

export interface NewEvent {
  type: EventType;
  organisationPk?: number | null;
  organisationPks?: number[];
  initiativePk?: number | null;
  milestonePk?: number | null;
  participationPk?: number | null;
  partnershipPk?: number | null;
  activityPk?: number | null;
  fundingAllocationPk?: number | null;
  outputPk?: number | null;
  /** Whom a personal event is for (see `eventAudienceSql`); leave it out for every other event. */
  audience?: string | null;
  /**
   * Themes and pillars it concerns besides those its initiative has once the change is made (an update that
   * takes an initiative out of a theme names the theme it left, so that its followers hear of it).
   */
  alsoThemes?: readonly string[];
  alsoPillars?: readonly string[];
  payload?: Record<string, unknown>;
}

export interface AppendedEvent {
  seq: string;
  /** PostgreSQL's text form of the timestamp. */
  occurredAt: string;
}

/** The seqs each open transaction appended, announced once it commits (see `onEventsCommitted`). */
const appendedBy = new WeakMap<Transaction, string[]>();

/**
 * Appends the change's event in the change's own transaction: it commits or rolls back with everything else.
 * Make it the transaction's last write.
 */
export async function appendEvent(tx: Transaction, actor: Viewer, event: NewEvent): Promise<AppendedEvent> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK_KEY]);
  const organisationIds = [
    ...new Set([...(event.organisationPks ?? []), ...(event.organisationPk ? [event.organisationPk] : [])]),
  ];
  // The initiative's themes and pillars as of the change are stamped on the event (the inbox's follows of a
  // theme read them): what it concerned when it happened. The payload names the initiative (code, title) and
  // the milestone (title) as they are after the change, so that a notification or a delivery reads without a
  // second query; the event's own payload keys come first.
  const rows = await tx.query<{ seq: string; occurred_at: string }>(
    `INSERT INTO events (seq, type, actor_id, organisation_id, organisation_ids, initiative_id, milestone_id,
       participation_id, partnership_id, activity_id, funding_allocation_id, output_id, audience, payload,
       themes, pillars)
     SELECT nextval('events_seq_seq'), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
            jsonb_strip_nulls(jsonb_build_object('initiativeCode', i.code, 'initiativeTitle', i.title,
                                                 'milestoneTitle', m.title)) || $13::jsonb,
            ARRAY(SELECT DISTINCT t FROM unnest(coalesce(i.themes, '{}') || $14::text[]) t ORDER BY t),
            ARRAY(SELECT DISTINCT p FROM unnest(coalesce(i.pillars, '{}') || $15::text[]) p ORDER BY p)
       FROM (SELECT 1) one LEFT JOIN initiatives i ON i.id = $5 LEFT JOIN milestones m ON m.id = $6
     RETURNING seq, occurred_at`,
    [
      event.type,
      actor.organisationPk,
      event.organisationPk ?? null,
      organisationIds,
      event.initiativePk ?? null,
      event.milestonePk ?? null,
      event.participationPk ?? null,
      event.partnershipPk ?? null,
      event.activityPk ?? null,
      event.fundingAllocationPk ?? null,
      event.outputPk ?? null,
      event.audience ?? null,
      JSON.stringify(event.payload ?? {}),
      event.alsoThemes ?? [],
      event.alsoPillars ?? [],
    ],
  );
  const row = rows[0]!;
  const seq = String(row.seq);
  let appended = appendedBy.get(tx);
  if (!appended) appendedBy.set(tx, (appended = []));
  appended.push(seq);
  return { seq, occurredAt: row.occurred_at };
}

/** Hears the seqs of the events each committed transaction appended; never of a rolled-back one. */
export function onEventsCommitted(db: Database, listener: (seqs: string[]) => void): () => void {
  return db.afterCommit((tx) => {
    const seqs = appendedBy.get(tx);
    if (seqs?.length) listener(seqs);
  });
}

/** The seq an event cursor stands for (the base64url JSON of `[seq]`); BAD_USER_INPUT naming `argument` if not. */
export function seqOfCursor(cursor: string, argument = 'after'): string {
  return String(decodeCursor(cursor, ['bigint'], argument)[0]);
}
