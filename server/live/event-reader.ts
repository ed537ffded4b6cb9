/** The event log as the live feed reads it: in seq order, a batch at a time, whoever may see what. */
import type { EventAccessFacts } from '../infra/auth/access.js';
import type { Database, Row } from '../infra/db/database.js';
import type { FeedEvent, FeedFacts } from './subscriptions.js';

/** What the fan-out needs about the initiatives of a batch of events, to decide who may hear of each. */
export interface InitiativeAccess {
  visibility: 'PUBLIC' | 'NETWORK' | 'PARTICIPANTS';
  participantPks: Set<number>;
  /** Its themes now (for subscriptions filtered by theme). */
  themes: string[];
}

/**
 * Reads for the live fan-out: the log after a seq (no access filter: the feed decides per subscriber), as the
 * application's event objects (`toEvent`), and the access facts of the initiatives a batch concerns.
 */
/** What the readers of a batch of events need to decide, per reader, which events are theirs. */
export interface BatchFacts {
  /** For the filters' twin (`matchesFeed`): themes, and organisation kinds when asked for. */
  lookups: FeedFacts;
  /** For the access rule's twin (`canSeeEvent`), one per event of the batch, in its order. */
  access: EventAccessFacts[];
}

const NONE: ReadonlySet<number> = new Set();

export class EventLogReader<E extends FeedEvent> {
  constructor(
    private readonly db: Database,
    private readonly toEvent: (row: Row) => E,
  ) {}

  async lastSeq(): Promise<string> {
    const [row] = await this.db.read(
      `SELECT coalesce(max(seq), 0)::text AS seq FROM events`,
      [],
      'events_last_seq',
    );
    return row!.seq as string;
  }

  async after(seq: string, limit: number): Promise<E[]> {
    const rows = await this.db.read(
      `SELECT * FROM events WHERE seq > $1::bigint ORDER BY seq LIMIT $2`,
      [seq, limit],
      'events_after_seq',
    );
    return rows.map(this.toEvent);
  }

  /** The kinds of organisations (for subscriptions filtered by organisation kind). */
  async organisationKinds(organisationPks: number[]): Promise<Map<number, string>> {
    if (organisationPks.length === 0) return new Map();
    const rows = await this.db.read(
      `SELECT id, kind FROM organisations WHERE id = ANY($1::int[])`,
      [organisationPks],
      'events_organisation_kinds',
    );
    return new Map(rows.map((r) => [r.id as number, r.kind as string]));
  }

  /**
   * The facts of a batch, in one statement (two with `kinds`): its initiatives' visibility, participants and
   * themes now. An initiative that no longer exists is visible to nobody but ADMIN.
   */
  async factsOf(batch: readonly E[], kinds: boolean): Promise<BatchFacts> {
    const initiativePks = [
      ...new Set(batch.flatMap((e) => (e.initiativePk === null ? [] : [e.initiativePk]))),
    ];
    const access = await this.access(initiativePks);
    const kindOf = kinds
      ? await this.organisationKinds([...new Set(batch.flatMap((e) => e.organisationPks))])
      : new Map<number, string>();
    return {
      lookups: { themesOf: (pk) => access.get(pk)?.themes, kindOf: (pk) => kindOf.get(pk) },
      access: batch.map(({ initiativePk, audience }): EventAccessFacts => {
        if (initiativePk === null) return { visibility: null, participantPks: NONE, audience };
        const known = access.get(initiativePk);
        return known
          ? { visibility: known.visibility, participantPks: known.participantPks, audience }
          : { visibility: 'PARTICIPANTS', participantPks: NONE, audience };
      }),
    };
  }

  async access(initiativePks: number[]): Promise<Map<number, InitiativeAccess>> {
    if (initiativePks.length === 0) return new Map();
    const rows = await this.db.read(
      `SELECT i.id, i.visibility, i.themes,
              coalesce(array_agg(p.organisation_id) FILTER (WHERE p.organisation_id IS NOT NULL), '{}') AS participants
         FROM initiatives i LEFT JOIN participations p ON p.initiative_id = i.id AND p.left_on IS NULL
        WHERE i.id = ANY($1::int[]) GROUP BY i.id`,
      [initiativePks],
      'events_initiative_access',
    );
    return new Map(
      rows.map((r) => [
        r.id as number,
        {
          visibility: r.visibility,
          participantPks: new Set<number>(r.participants),
          themes: r.themes,
        },
      ]),
    );
  }
}
