import { can, requireWriter } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import { Table } from '../../infra/db/table.js';
import { ActivityEntity } from './activity.entity.js';
import { groupBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { InitiativeService } from '../initiatives/index.js';
import {
  organisationColumns,
  organisationFromRow,
  type OrganisationService,
} from '../organisations/index.js';
import type { Organisation } from '../organisations/index.js';
import { EventType } from '../../vocabulary.js';
import type { RecordActivityInput } from './activity.inputs.js';
import { Activity } from './activity.type.js';
import { appendEvent } from '../../live/index.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** Activities: columns, row mapping and the INSERT column list, all from the entity. */
export const activityTable = new Table('activities', ActivityEntity, () => new Activity());

export function activityFromRow(row: Row): Activity {
  return activityTable.fromRow(row);
}

const COLUMNS = activityTable.select('a');

/** Community activities and who organised or attended them. Emits ACTIVITY_RECORDED. */
export class ActivityService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly initiatives: InitiativeService,
  ) {}

  /** An activity, unless it belongs to an initiative the caller may not see. */
  byPk(scope: RequestScope, pk: number): Promise<Activity | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'activity.byPk',
        select: `SELECT ${COLUMNS} FROM activities a LEFT JOIN initiatives i ON i.id = a.initiative_id`,
        key: 'a.id',
        keyType: 'int[]',
        initiative: { optional: 'a.initiative_id' },
        toObject: activityFromRow,
        keyOf: (a) => a.pk,
      },
      pk,
    );
  }

  /** Organisers or participants of an activity, batched per request. */
  organisationsOf(
    scope: RequestScope,
    activityPk: number,
    role: 'ORGANISER' | 'PARTICIPANT',
  ): Promise<Organisation[]> {
    return scope
      .loader<number, Organisation[]>(`activity.organisations:${role}`, async (pks) => {
        const rows = await this.db.read(
          `SELECT ao.activity_id AS "activity__id", ${organisationColumns('o')}
             FROM activity_organisations ao JOIN organisations o ON o.id = ao.organisation_id
            WHERE ao.activity_id = ANY($1::int[]) AND ao.role = $2 ORDER BY o.code`,
          [pks, role],
        );
        return groupBy(pks, rows, (r) => r.activity__id as number).map((g) =>
          g.map((r) => organisationFromRow(r)),
        );
      })
      .load(activityPk);
  }

  async record(scope: RequestScope, input: RecordActivityInput): Promise<Activity> {
    requireWriter(scope.viewer, 'record activities');
    const title = valid.text(input.title, 'input.title');
    const occurredOn = valid.optionalDate(input.occurredOn, 'input.occurredOn')!;
    if (input.organiserIds.length === 0)
      throw new BadInputError('input.organiserIds needs at least one organiser', 'input.organiserIds');
    if (input.organiserIds.length + (input.participantIds?.length ?? 0) > 500) {
      throw new BadInputError('at most 500 organisers and participants together', 'input.participantIds');
    }
    if (
      input.participantCount != null &&
      (input.participantCount < 0 || input.participantCount > 1_000_000)
    ) {
      throw new BadInputError(
        'input.participantCount must be between 0 and 1000000',
        'input.participantCount',
      );
    }
    const initiative = input.initiativeId
      ? await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId')
      : null;
    const organisers = await Promise.all(
      input.organiserIds.map((id, i) => this.organisations.require(scope, id, `input.organiserIds[${i}]`)),
    );
    const participants = await Promise.all(
      (input.participantIds ?? []).map((id, i) =>
        this.organisations.require(scope, id, `input.participantIds[${i}]`),
      ),
    );
    const organiserPks = new Set(organisers.map((o) => o.pk));
    can.recordActivity(scope.viewer, [...organiserPks]);
    const participantPks = [...new Set(participants.map((o) => o.pk))].filter((pk) => !organiserPks.has(pk));
    const row = await this.db.transaction(async (tx) => {
      const insert = activityTable.insert({
        title,
        kind: input.kind,
        occurredOn,
        description: valid.optionalText(input.description, 'input.description', 10_000),
        themes: valid.enumList(input.themes, 'input.themes'),
        initiativePk: initiative?.pk ?? null,
        participantCount: input.participantCount ?? null,
        source: valid.optionalText(input.source, 'input.source', 2000),
      });
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await tx.query(
        `INSERT INTO activity_organisations (activity_id, organisation_id, role)
         SELECT $1::int, o, 'ORGANISER' FROM unnest($2::int[]) AS o
         UNION ALL SELECT $1::int, p, 'PARTICIPANT' FROM unnest($3::int[]) AS p`,
        [inserted!.id, [...organiserPks], participantPks],
      );
      await appendEvent(tx, scope.viewer, {
        type: EventType.ACTIVITY_RECORDED,
        activityPk: inserted!.id,
        initiativePk: initiative?.pk ?? null,
        organisationPk: organisers[0]!.pk,
        organisationPks: [...organiserPks, ...participantPks],
        payload: { title, kind: input.kind, occurredOn },
      });
      return inserted!;
    });
    return activityFromRow(row);
  }
}
