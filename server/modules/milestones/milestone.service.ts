import { can, requireWriter } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, ConflictError, NotFoundError } from '../../infra/errors.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { groupBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { InitiativeService } from '../initiatives/index.js';
import { diff } from '../../infra/db/diff.js';
import { EventType } from '../../vocabulary.js';
import { AddMilestoneInput, UpdateMilestoneInput } from './milestone.inputs.js';
import { MilestoneEntity } from './milestone.entity.js';
import { Milestone } from './milestone.type.js';
import { appendEvent } from '../../live/index.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** Milestones: columns, row mapping and write column lists, all from the entity. */
export const milestoneTable = new Table('milestones', MilestoneEntity, () => new Milestone());

export function milestoneFromRow(row: Row): Milestone {
  return milestoneTable.fromRow(row);
}

const COLUMNS = milestoneTable.select('m');

/** Milestones of initiatives, with optimistic concurrency. Emits MILESTONE_ADDED and MILESTONE_CHANGED. */
export class MilestoneService {
  constructor(
    private readonly db: Database,
    private readonly initiatives: InitiativeService,
  ) {}

  byPk(scope: RequestScope, pk: number): Promise<Milestone | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'milestone.byPk',
        select: `SELECT ${COLUMNS} FROM milestones m JOIN initiatives i ON i.id = m.initiative_id`,
        key: 'm.id',
        keyType: 'int[]',
        toObject: milestoneFromRow,
        keyOf: (m) => m.pk,
      },
      pk,
    );
  }

  /** Milestones of an initiative the caller can already see, by due date; batched per request. */
  ofInitiative(scope: RequestScope, initiativePk: number): Promise<Milestone[]> {
    return scope
      .loader<number, Milestone[]>('milestone.ofInitiative', async (pks) => {
        const rows = await this.db.read(
          `SELECT ${COLUMNS} FROM milestones m WHERE m.initiative_id = ANY($1::int[])
            ORDER BY m.initiative_id, m.due_on NULLS LAST, m.id`,
          [pks],
          'milestones_of_initiatives',
        );
        return groupBy(pks, rows.map(milestoneFromRow), (m) => m.initiativePk);
      })
      .load(initiativePk);
  }

  async add(scope: RequestScope, input: AddMilestoneInput): Promise<Milestone> {
    requireWriter(scope.viewer, 'add milestones');
    const initiative = await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId');
    can.editMilestones(
      scope.viewer,
      initiative.leadPk,
      await this.initiatives.roleOf(initiative.pk, scope.viewer.organisationPk),
    );
    const values = valid.writtenValues(AddMilestoneInput, input);
    const row = await this.db.transaction(async (tx) => {
      const insert = milestoneTable.insert({ initiativePk: initiative.pk, ...values });
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await appendEvent(tx, scope.viewer, {
        type: EventType.MILESTONE_ADDED,
        initiativePk: initiative.pk,
        milestonePk: inserted!.id,
        payload: { title: values.title, dueOn: values.dueOn, status: values.status },
      });
      return inserted!;
    });
    return milestoneFromRow(row);
  }

  async update(scope: RequestScope, input: UpdateMilestoneInput): Promise<Milestone> {
    requireWriter(scope.viewer, 'update milestones');
    const pk = decodeId(input.id, 'Milestone', 'input.id');
    if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
      throw new BadInputError(
        'input.expectedVersion must be the version you read (1 or more)',
        'input.expectedVersion',
      );
    }
    const sets = valid.changedValues(UpdateMilestoneInput, input);
    const changed = milestoneTable.byColumn(sets);
    const columns = Object.keys(changed);
    if (columns.length === 0) throw new BadInputError('nothing to update: give title, dueOn or status');
    const milestone = await this.byPk(scope, pk);
    if (!milestone) throw new NotFoundError('Milestone', `input.id=${input.id}`);
    const initiative = (await this.initiatives.byPk(scope, milestone.initiativePk))!;
    can.editMilestones(
      scope.viewer,
      initiative.leadPk,
      await this.initiatives.roleOf(initiative.pk, scope.viewer.organisationPk),
    );
    const row = await this.db.transaction(async (tx) => {
      const [before] = await tx.query(
        `SELECT version, ${columns.join(', ')} FROM milestones WHERE id = $1 FOR UPDATE`,
        [pk],
      );
      if (!before) throw new NotFoundError('Milestone', `input.id=${input.id}`);
      if (before.version !== input.expectedVersion) {
        throw new ConflictError(
          `milestone changed since you read it: version is ${before.version}, you expected ${input.expectedVersion}; read it again and retry`,
          { currentVersion: before.version },
        );
      }
      const changes = diff(before, changed);
      if (Object.keys(changes).length === 0) {
        const [unchanged] = await tx.query(`SELECT * FROM milestones WHERE id = $1`, [pk]);
        return unchanged!;
      }
      const [updated] = await tx.modify(
        `UPDATE milestones SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')},
           version = version + 1, updated_at = now()
         WHERE id = $1 AND version = $2 RETURNING *`,
        [pk, input.expectedVersion, ...columns.map((c) => milestoneTable.param(c, changed[c]))],
      );
      await appendEvent(tx, scope.viewer, {
        type: EventType.MILESTONE_CHANGED,
        initiativePk: milestone.initiativePk,
        milestonePk: pk,
        payload: { changes, version: updated!.version },
      });
      return updated!;
    });
    return milestoneFromRow(row);
  }
}
