import { can, requireWriter, visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { listPage, Where } from '../../infra/db/list-page.js';
import { Table } from '../../infra/db/table.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';
import { BadInputError } from '../../infra/errors.js';
import type { Page, PageRequest } from '../../infra/graphql/connection.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { groupBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import { appendEvent } from '../../live/index.js';
import { EventType } from '../../vocabulary.js';
import type { InitiativeService } from '../initiatives/index.js';
import { OutputEntity } from './output.entity.js';
import { RecordOutputInput, type OutputFilter } from './output.inputs.js';
import { Output } from './output.type.js';

/** Outputs: columns, row mapping and the INSERT column list, all from the entity. */
export const outputTable = new Table('outputs', OutputEntity, () => new Output());

export function outputFromRow(row: Row): Output {
  return outputTable.fromRow(row);
}

const COLUMNS = outputTable.select('o');

/** What initiatives produced, seen with their initiative. Emits OUTPUT_RECORDED. */
export class OutputService {
  constructor(
    private readonly db: Database,
    private readonly initiatives: InitiativeService,
  ) {}

  byPk(scope: RequestScope, pk: number): Promise<Output | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'output.byPk',
        select: `SELECT ${COLUMNS} FROM outputs o JOIN initiatives i ON i.id = o.initiative_id`,
        key: 'o.id',
        keyType: 'int[]',
        toObject: outputFromRow,
        keyOf: (o) => o.pk,
      },
      pk,
    );
  }

  /** Outputs of an initiative the caller can already see, newest first, batched per request. */
  ofInitiative(scope: RequestScope, initiativePk: number): Promise<Output[]> {
    return scope
      .loader<number, Output[]>('output.ofInitiative', async (pks) => {
        const rows = await this.db.read(
          `SELECT ${COLUMNS} FROM outputs o WHERE o.initiative_id = ANY($1::int[])
            ORDER BY o.initiative_id, o.published_on DESC NULLS LAST, o.id DESC`,
          [pks],
        );
        return groupBy(pks, rows.map(outputFromRow), (o) => o.initiativePk);
      })
      .load(initiativePk);
  }

  /** Outputs of the initiatives the caller may see, most recently recorded first. */
  list(
    scope: RequestScope,
    filter: OutputFilter | null | undefined,
    page: PageRequest,
  ): Promise<Page<Output>> {
    const where = new Where();
    where.and(visibleInitiativeSql(scope.viewer, 'i', where.params));
    const ids = filter?.initiativeIds;
    if (ids) {
      if (ids.length > 100) {
        throw new BadInputError('filter.initiativeIds takes at most 100 ids', 'filter.initiativeIds');
      }
      where.and(
        'o.initiative_id = ANY($?::int[])',
        ids.map((id, n) => decodeId(id, 'Initiative', `filter.initiativeIds[${n}]`)),
      );
    }
    if (filter?.kinds?.length)
      where.and('o.kind = ANY($?::text[])', valid.enumList(filter.kinds, 'filter.kinds'));
    if (filter?.confidence?.length) {
      where.and('o.confidence = ANY($?::text[])', valid.enumList(filter.confidence, 'filter.confidence'));
    }
    return listPage(this.db, scope, {
      select: `SELECT ${COLUMNS} FROM outputs o JOIN initiatives i ON i.id = o.initiative_id`,
      countFrom: 'FROM outputs o JOIN initiatives i ON i.id = o.initiative_id',
      where,
      key: { column: 'o.id', type: 'int', descending: true, of: (o) => o.pk },
      page,
      toObject: outputFromRow,
    });
  }

  async record(scope: RequestScope, input: RecordOutputInput): Promise<Output> {
    requireWriter(scope.viewer, 'record outputs');
    const initiative = await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId');
    can.recordOutput(
      scope.viewer,
      initiative.leadPk,
      await this.initiatives.roleOf(initiative.pk, scope.viewer.organisationPk),
    );
    const values = valid.writtenValues(RecordOutputInput, input);
    const row = await this.db.transaction(async (tx) => {
      const insert = outputTable.insert({ initiativePk: initiative.pk, ...values });
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await appendEvent(tx, scope.viewer, {
        type: EventType.OUTPUT_RECORDED,
        initiativePk: initiative.pk,
        outputPk: inserted!.id,
        payload: { kind: values.kind, title: values.title, publishedOn: values.publishedOn },
      });
      return inserted!;
    });
    return outputFromRow(row);
  }
}
