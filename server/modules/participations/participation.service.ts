import type { GraphQLResolveInfo } from 'graphql';
import { can, requireWriter, visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row, Transaction } from '../../infra/db/database.js';
import { BadInputError, ConflictError, NotFoundError } from '../../infra/errors.js';
import { Table } from '../../infra/db/table.js';
import { ParticipationEntity } from './participation.entity.js';
import { pagesByKey, type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { toGlobalId } from '../../infra/graphql/ids.js';
import { needsMoreThan, selectedFields } from '../../infra/graphql/selection.js';
import { countsBy, type RequestScope } from '../../infra/request-scope.js';
import { today } from '../../infra/day.js';
import * as valid from '../../infra/validation.js';
import type { InitiativeService } from '../initiatives/index.js';
import {
  embedShape,
  embeddedOrganisationColumns,
  organisationFromRow,
  type EmbedShape,
  type OrganisationService,
} from '../organisations/index.js';
import { Confidence, EventType, ParticipationRole } from '../../vocabulary.js';
import type { JoinInitiativeInput, LeaveInitiativeInput } from './participation.inputs.js';
import { Participation } from './participation.type.js';
import { appendEvent } from '../../live/index.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** Participations: columns, row mapping and the INSERT column list, all from the entity. */
export const participationTable = new Table('participations', ParticipationEntity, () => new Participation());

/** The participation a row shows, with its organisation when the statement joined it in (`org__`). */
export function participationFromRow(row: Row): Participation {
  const p = participationTable.fromRow(row);
  if ('org__id' in row) p.preloadedOrganisation = organisationFromRow(row, 'org__');
  return p;
}

const CORE_COLUMNS = participationTable.select('p', '', [
  'pk',
  'initiativePk',
  'organisationPk',
  'role',
  'joinedOn',
  'leftOn',
]);
const PROVENANCE_COLUMNS = participationTable.select('p', '', [
  'sourceRole',
  'source',
  'confidence',
  'notes',
  'createdAt',
]);
const PARTICIPATION_COLUMNS = `${CORE_COLUMNS}, ${PROVENANCE_COLUMNS}`;
const CORE_FIELDS = ['id', 'role', 'joinedOn', 'leftOn', 'active', 'organisation', 'initiative'] as const;

/**
 * Which columns a participants page needs, from the query's selection: provenance columns only when one of
 * those fields is asked for; the organisation not at all, briefly (id, code, name, kind), or in full.
 */
export interface ParticipantShape {
  provenance: boolean;
  organisation: EmbedShape;
}

export const FULL_PARTICIPANT_SHAPE: ParticipantShape = { provenance: true, organisation: 'full' };

export function participantShape(info: GraphQLResolveInfo): ParticipantShape {
  return {
    provenance: needsMoreThan(selectedFields(info, ['nodes'], ['edges', 'node']), CORE_FIELDS),
    organisation: embedShape(info, ['nodes', 'organisation'], ['edges', 'node', 'organisation']),
  };
}

function participantColumns(shape: ParticipantShape): string {
  const columns = [CORE_COLUMNS];
  if (shape.provenance) columns.push(PROVENANCE_COLUMNS);
  if (shape.organisation !== 'none')
    columns.push(embeddedOrganisationColumns('o', 'org__', shape.organisation));
  return columns.join(', ');
}

/** Who takes part in what. Emits PARTNER_JOINED and PARTNER_LEFT. */
export class ParticipationService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly initiatives: InitiativeService,
  ) {}

  /** A participation, if the caller may see its initiative. */
  byPk(scope: RequestScope, pk: number): Promise<Participation | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'participation.byPk',
        select: `SELECT ${PARTICIPATION_COLUMNS} FROM participations p JOIN initiatives i ON i.id = p.initiative_id`,
        key: 'p.id',
        keyType: 'int[]',
        toObject: participationFromRow,
        keyOf: (p) => p.pk,
      },
      pk,
    );
  }

  /**
   * The active participants of an initiative, a page at a time, with their organisation joined in. All the
   * initiatives of a response that ask for the same page shape are served by one statement (LATERAL per key).
   */
  ofInitiative(
    scope: RequestScope,
    initiativePk: number,
    page: PageRequest,
    shape: ParticipantShape = FULL_PARTICIPANT_SHAPE,
  ): Promise<Page<Participation>> {
    const after = page.after ? Number(page.after[0]) : 0;
    const shapeKey = `${shape.provenance ? 'p' : ''}${shape.organisation}`;
    return scope
      .loader<number, Page<Participation>>(
        `participation.ofInitiative:${page.first}:${after}:${shapeKey}`,
        async (pks) => {
          const join =
            shape.organisation === 'none' ? '' : 'JOIN organisations o ON o.id = p.organisation_id';
          const rows = await this.db.read(
            `SELECT x.* FROM unnest($1::int[]) AS k(initiative_id)
           CROSS JOIN LATERAL (
             SELECT ${participantColumns(shape)}
               FROM participations p ${join}
              WHERE p.initiative_id = k.initiative_id AND p.left_on IS NULL AND p.id > $2
              ORDER BY p.id LIMIT $3) x`,
            [pks, after, page.first + 1],
            `participants_of_initiatives_${shapeKey}`,
          );
          return pagesByKey(
            pks,
            rows.map(participationFromRow),
            (p) => p.initiativePk,
            (p) => p,
            page,
            (p) => [p.pk],
            (pk) => this.countOfInitiative(scope, pk),
          );
        },
      )
      .load(initiativePk);
  }

  private countOfInitiative(scope: RequestScope, initiativePk: number): Promise<number> {
    return scope
      .loader<number, number>('participation.countOfInitiative', async (pks) => {
        const rows = await this.db.read(
          `SELECT initiative_id, count(*)::int AS n FROM participations
            WHERE initiative_id = ANY($1::int[]) AND left_on IS NULL GROUP BY initiative_id`,
          [pks],
        );
        return countsBy(pks, rows, 'initiative_id');
      })
      .load(initiativePk);
  }

  /**
   * The initiatives an organisation takes part in, limited to those the caller may see. Like
   * `ofInitiative`, every organisation of a response that asks for the same page is served by one statement.
   */
  ofOrganisation(
    scope: RequestScope,
    organisationPk: number,
    page: PageRequest,
  ): Promise<Page<Participation>> {
    const after = page.after ? Number(page.after[0]) : 0;
    return scope
      .loader<number, Page<Participation>>(
        `participation.ofOrganisation:${page.first}:${after}`,
        async (pks) => {
          const params: unknown[] = [pks, after, page.first + 1];
          const visible = visibleInitiativeSql(scope.viewer, 'i', params);
          const rows = await this.db.read(
            `SELECT x.* FROM unnest($1::int[]) AS k(organisation_id)
           CROSS JOIN LATERAL (
             SELECT ${PARTICIPATION_COLUMNS}
               FROM participations p JOIN initiatives i ON i.id = p.initiative_id
              WHERE p.organisation_id = k.organisation_id AND p.left_on IS NULL AND p.id > $2 AND ${visible}
              ORDER BY p.id LIMIT $3) x`,
            params,
          );
          return pagesByKey(
            pks,
            rows.map(participationFromRow),
            (p) => p.organisationPk,
            (p) => p,
            page,
            (p) => [p.pk],
            (pk) => this.countOfOrganisation(scope, pk),
          );
        },
      )
      .load(organisationPk);
  }

  private countOfOrganisation(scope: RequestScope, organisationPk: number): Promise<number> {
    return scope
      .loader<number, number>('participation.countOfOrganisation', async (pks) => {
        const params: unknown[] = [pks];
        const visible = visibleInitiativeSql(scope.viewer, 'i', params);
        const rows = await this.db.read(
          `SELECT p.organisation_id, count(*)::int AS n
             FROM participations p JOIN initiatives i ON i.id = p.initiative_id
            WHERE p.organisation_id = ANY($1::int[]) AND p.left_on IS NULL AND ${visible}
            GROUP BY p.organisation_id`,
          params,
        );
        return countsBy(pks, rows, 'organisation_id');
      })
      .load(organisationPk);
  }

  async join(scope: RequestScope, input: JoinInitiativeInput): Promise<Participation> {
    requireWriter(scope.viewer, 'add organisations to initiatives');
    const initiative = await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId');
    const organisation = await this.organisations.require(
      scope,
      input.organisationId,
      'input.organisationId',
    );
    can.changeParticipation(
      scope.viewer,
      organisation.pk,
      initiative.leadPk,
      `add ${organisation.code} to ${initiative.code}`,
    );
    const joinedOn = valid.optionalDate(input.joinedOn, 'input.joinedOn');
    const role = input.role ?? ParticipationRole.PARTNER;
    const row = await this.db.transaction(async (tx) => {
      if (role === ParticipationRole.LEAD) await this.refuseSecondLead(tx, initiative, organisation);
      const [existing] = await tx.query(
        `SELECT id FROM participations WHERE initiative_id = $1 AND organisation_id = $2 AND left_on IS NULL`,
        [initiative.pk, organisation.pk],
      );
      if (existing) {
        throw new ConflictError(`${organisation.code} already takes part in ${initiative.code}`, {
          participationId: toGlobalId('Participation', existing.id),
        });
      }
      const insert = participationTable.insert(
        {
          initiativePk: initiative.pk,
          organisationPk: organisation.pk,
          role,
          joinedOn,
          source: valid.optionalText(input.source, 'input.source', 2000),
          confidence: input.confidence ?? Confidence.CONFIRMED,
        },
        { joinedOn: (param) => `coalesce(${param}::date, '${today()}'::date)` },
      );
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await appendEvent(tx, scope.viewer, {
        type: EventType.PARTNER_JOINED,
        initiativePk: initiative.pk,
        organisationPk: organisation.pk,
        participationPk: inserted!.id,
        payload: { role },
      });
      return inserted!;
    });
    return participationFromRow(row);
  }

  /**
   * Joining as LEAD is only for the organisation initiatives.lead_id names, and only while no one else holds an
   * active LEAD: lead_id and the LEAD participation must agree, and changing the lead is a handover
   * (updateInitiative), which demotes the former lead in the same transaction. The share lock makes a
   * concurrent handover commit first or wait; participations_active_lead_key catches anything else.
   */
  private async refuseSecondLead(
    tx: Transaction,
    initiative: { pk: number; code: string },
    organisation: { pk: number; code: string },
  ): Promise<void> {
    const [state] = await tx.query(
      `SELECT i.lead_id, l.code AS lead_code,
              (SELECT o.code FROM participations p JOIN organisations o ON o.id = p.organisation_id
                WHERE p.initiative_id = i.id AND p.role = 'LEAD' AND p.left_on IS NULL) AS active_lead_code
         FROM initiatives i LEFT JOIN organisations l ON l.id = i.lead_id
        WHERE i.id = $1 FOR SHARE OF i`,
      [initiative.pk],
    );
    const handOver = `to make ${organisation.code} the lead, hand the lead over with updateInitiative(leadOrganisationId); to add it, join with another role`;
    if (state?.active_lead_code) {
      throw new ConflictError(
        `${initiative.code} already has an active lead (${state.active_lead_code}): ${handOver}`,
      );
    }
    if (state?.lead_id !== organisation.pk) {
      throw new ConflictError(
        `${organisation.code} is not the lead of ${initiative.code} (${state?.lead_code ?? 'it has none'}): ${handOver}`,
      );
    }
  }

  async leave(scope: RequestScope, input: LeaveInitiativeInput): Promise<Participation> {
    requireWriter(scope.viewer, 'remove organisations from initiatives');
    const initiative = await this.initiatives.require(scope, input.initiativeId, 'input.initiativeId');
    const organisation = await this.organisations.require(
      scope,
      input.organisationId,
      'input.organisationId',
    );
    can.changeParticipation(
      scope.viewer,
      organisation.pk,
      initiative.leadPk,
      `remove ${organisation.code} from ${initiative.code}`,
    );
    const leftOn = valid.optionalDate(input.leftOn, 'input.leftOn');
    const row = await this.db.transaction(async (tx) => {
      // Read under a share lock: a handover to this organisation commits before the check, or waits for it.
      const [lead] = await tx.query(`SELECT lead_id FROM initiatives WHERE id = $1 FOR SHARE`, [
        initiative.pk,
      ]);
      if (lead?.lead_id === organisation.pk) {
        throw new ConflictError(
          `${organisation.code} leads ${initiative.code}, so it cannot leave: first hand the lead to another ` +
            `organisation with updateInitiative(leadOrganisationId)`,
        );
      }
      const [current] = await tx.query(
        `SELECT id, joined_on FROM participations
          WHERE initiative_id = $1 AND organisation_id = $2 AND left_on IS NULL FOR UPDATE`,
        [initiative.pk, organisation.pk],
      );
      if (!current) throw new NotFoundError('Participation', `of ${organisation.code} in ${initiative.code}`);
      if (leftOn && current.joined_on && leftOn < current.joined_on) {
        throw new BadInputError(
          `input.leftOn (${leftOn}) is before the organisation joined (${current.joined_on})`,
          'input.leftOn',
        );
      }
      const [updated] = await tx.modify(
        `UPDATE participations SET left_on = greatest(coalesce($2::date, '${today()}'::date), joined_on)
          WHERE id = $1 RETURNING *`,
        [current.id, leftOn],
      );
      await appendEvent(tx, scope.viewer, {
        type: EventType.PARTNER_LEFT,
        initiativePk: initiative.pk,
        organisationPk: organisation.pk,
        participationPk: current.id,
        payload: { leftOn: updated!.left_on },
      });
      return updated!;
    });
    return participationFromRow(row);
  }
}
