import { visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { toPage, type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import { EventEntity } from './event.entity.js';
import { Event, type EventFilter } from './event.type.js';
import { Table } from '../../infra/db/table.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** The event log's rows, mapped from the entity (seq is bigint, which stays exact text). */
export const eventTable = new Table('events', EventEntity, () => new Event());

export function eventFromRow(row: Row): Event {
  return eventTable.fromRow(row);
}

/** Reads the event log (written by every other service through appendEvent, server/live). */
export class EventService {
  constructor(private readonly db: Database) {}

  /** Decodes an event cursor to its seq (a decimal string). */
  static seqOf(cursor: unknown[]): string {
    const seq = String(cursor[0]);
    if (!/^[0-9]{1,19}$/.test(seq)) throw new BadInputError('after is not an event cursor', 'after');
    return seq;
  }

  byPk(scope: RequestScope, seq: string): Promise<Event | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'event.bySeq',
        select: 'SELECT e.* FROM events e LEFT JOIN initiatives i ON i.id = e.initiative_id',
        key: 'e.seq',
        keyType: 'bigint[]',
        initiative: { optional: 'e.initiative_id' },
        toObject: eventFromRow,
        keyOf: (e) => e.seq,
      },
      seq,
    );
  }

  /** Events after a cursor, oldest first, that the caller may see. */
  list(scope: RequestScope, filter: EventFilter | null | undefined, page: PageRequest): Promise<Page<Event>> {
    return this.listMatching(
      scope,
      {
        types: valid.enumList(filter?.types, 'filter.types'),
        initiativePks: (filter?.initiativeIds ?? []).map((id, i) =>
          decodeId(id, 'Initiative', `filter.initiativeIds[${i}]`),
        ),
        organisationPks: (filter?.organisationIds ?? []).map((id, i) =>
          decodeId(id, 'Organisation', `filter.organisationIds[${i}]`),
        ),
      },
      page,
    );
  }

  /** `list` with the filter already decoded (also the live feed's replay). */
  async listMatching(
    scope: RequestScope,
    {
      types,
      initiativePks,
      organisationPks,
    }: { types: string[]; initiativePks: number[]; organisationPks: number[] },
    page: PageRequest,
  ): Promise<Page<Event>> {
    const params: unknown[] = [];
    const where = [`(e.initiative_id IS NULL OR ${visibleInitiativeSql(scope.viewer, 'i', params)})`];
    if (types.length) {
      params.push(types);
      where.push(`e.type = ANY($${params.length}::text[])`);
    }
    if (initiativePks.length) {
      params.push(initiativePks);
      where.push(`e.initiative_id = ANY($${params.length}::int[])`);
    }
    if (organisationPks.length) {
      params.push(organisationPks);
      where.push(`e.organisation_ids && $${params.length}::int[]`);
    }
    const countParams = [...params];
    const countWhere = where.join(' AND ');
    if (page.after) {
      params.push(EventService.seqOf(page.after));
      where.push(`e.seq > $${params.length}::bigint`);
    }
    params.push(page.first + 1);
    const from = 'FROM events e LEFT JOIN initiatives i ON i.id = e.initiative_id';
    const rows = await this.db.read(
      `SELECT e.* ${from} WHERE ${where.join(' AND ')} ORDER BY e.seq LIMIT $${params.length}`,
      params,
      undefined,
      scope,
    );
    return toPage(
      rows.map(eventFromRow),
      page,
      (e) => [e.seq],
      async () => {
        const [row] = await this.db.read(
          `SELECT count(*)::int AS n ${from} WHERE ${countWhere}`,
          countParams,
          undefined,
          scope,
        );
        return row!.n as number;
      },
    );
  }
}
