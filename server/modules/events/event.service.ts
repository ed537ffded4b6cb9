import { eventAudienceSql, visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { listPage, Where } from '../../infra/db/list-page.js';
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
        also: (params) => eventAudienceSql(scope.viewer, 'e', params),
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
        themes: valid.enumList(filter?.themes, 'filter.themes'),
        organisationKinds: valid.enumList(filter?.organisationKinds, 'filter.organisationKinds'),
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
      themes = [],
      organisationKinds = [],
    }: {
      types: string[];
      initiativePks: number[];
      organisationPks: number[];
      themes?: readonly string[];
      organisationKinds?: readonly string[];
    },
    page: PageRequest,
  ): Promise<Page<Event>> {
    const where = new Where();
    where.and(`(e.initiative_id IS NULL OR ${visibleInitiativeSql(scope.viewer, 'i', where.params)})`);
    where.and(eventAudienceSql(scope.viewer, 'e', where.params));
    if (types.length) where.and('e.type = ANY($?::text[])', types);
    if (initiativePks.length) where.and('e.initiative_id = ANY($?::int[])', initiativePks);
    if (organisationPks.length) where.and('e.organisation_ids && $?::int[]', organisationPks);
    if (themes.length) where.and('i.themes && $?::text[]', themes);
    if (organisationKinds.length) {
      where.and(
        'EXISTS (SELECT 1 FROM organisations ko WHERE ko.id = ANY(e.organisation_ids) AND ko.kind = ANY($?::text[]))',
        organisationKinds,
      );
    }
    const from = 'FROM events e LEFT JOIN initiatives i ON i.id = e.initiative_id';
    return listPage(this.db, scope, {
      select: `SELECT e.* ${from}`,
      countFrom: from,
      where,
      key: { column: 'e.seq', type: 'bigint', of: (e) => e.seq },
      page: page.after ? { ...page, after: [EventService.seqOf(page.after)] } : page,
      toObject: eventFromRow,
    });
  }
}
