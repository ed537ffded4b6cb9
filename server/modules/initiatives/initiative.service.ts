import { can, requireWriter, visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row, Transaction } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, ConflictError, NotFoundError } from '../../infra/errors.js';
import { type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { listPage, Where } from '../../infra/db/list-page.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { countsBy, indexBy, type RequestScope } from '../../infra/request-scope.js';
import { today } from '../../infra/day.js';
import * as valid from '../../infra/validation.js';
import type { ExternalLinkValue } from '../../infra/validation.js';
import { diff } from '../../infra/db/diff.js';
import {
  embeddedOrganisationColumns,
  organisationFromRow,
  type EmbedShape,
  type OrganisationService,
} from '../organisations/index.js';
import { EventType, ParticipationRole } from '../../vocabulary.js';
import { CreateInitiativeInput, UpdateInitiativeInput, type InitiativeFilter } from './initiative.inputs.js';
import { InitiativeEntity } from './initiative.entity.js';
import { Initiative } from './initiative.type.js';
import { appendEvent } from '../../live/index.js';
import { loadVisibleByKey } from '../../infra/db/visible-by-key.js';

/** Initiatives: columns, row mapping and write column lists, all from the entity. */
export const initiativeTable = new Table('initiatives', InitiativeEntity, () => new Initiative(), {
  write: { externalLinks: (links) => JSON.stringify(links) },
  // Read only when a query asks for them (externalLinksOf): most pages never do, and every row would pay.
  omit: ['externalLinks'],
});

export function initiativeFromRow(row: Row): Initiative {
  const i = initiativeTable.fromRow(row);
  if ('lead__id' in row) i.preloadedLead = row.lead__id === null ? null : organisationFromRow(row, 'lead__');
  return i;
}

/** Initiatives with their lead joined in: the lead is one-to-one, so it rides along in the same statement. */
function selectWithLead(lead: EmbedShape): string {
  if (lead === 'none') return `SELECT ${initiativeTable.select('i')} FROM initiatives i`;
  return `SELECT ${initiativeTable.select('i')}, ${embeddedOrganisationColumns('l', 'lead__', lead)}
    FROM initiatives i LEFT JOIN organisations l ON l.id = i.lead_id`;
}
const SELECT_WITH_LEAD = selectWithLead('full');

/**
 * The initiatives (alias `i`) the caller may see that a filter's themes, pillars, core tasks and organisation
 * select: the conditions the initiatives list and the summaries share.
 */
export function visibleInitiatives(
  scope: RequestScope,
  filter:
    | {
        themes?: string[] | null;
        pillars?: string[] | null;
        coreTasks?: string[] | null;
        markets?: string[] | null;
        organisationId?: string | null;
      }
    | null
    | undefined,
): Where {
  const where = new Where();
  where.and(visibleInitiativeSql(scope.viewer, 'i', where.params));
  const themes = valid.enumList(filter?.themes, 'filter.themes');
  if (themes.length) where.and('i.themes && $?::text[]', themes);
  const pillars = valid.enumList(filter?.pillars, 'filter.pillars');
  if (pillars.length) where.and('i.pillars && $?::text[]', pillars);
  const coreTasks = valid.enumList(filter?.coreTasks, 'filter.coreTasks');
  if (coreTasks.length) where.and('i.core_tasks && $?::text[]', coreTasks);
  const markets = valid.countryCodes(filter?.markets, 'filter.markets');
  if (markets.length) where.and('i.markets && $?::text[]', markets);
  if (filter?.organisationId) {
    where.and(
      `EXISTS (SELECT 1 FROM participations fp WHERE fp.initiative_id = i.id
        AND fp.organisation_id = $? AND fp.left_on IS NULL)`,
      decodeId(filter.organisationId, 'Organisation', 'filter.organisationId'),
    );
  }
  return where;
}

/** What the lead of a handover takes part as afterwards: still in, without the lead's rights. */
export const FORMER_LEAD_ROLE = ParticipationRole.PARTNER;

/** How making an organisation the LEAD participant went, for the caller's events. */
interface LeadParticipation {
  participationPk: number;
  /** Its role before, or null when it did not take part and was added. */
  previousRole: ParticipationRole | null;
}

/** Initiatives: the hyper-edges of the network. Emits INITIATIVE_CREATED, INITIATIVE_UPDATED, PARTNER_JOINED. */
export class InitiativeService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
  ) {}

  /** The initiative if it exists and the caller may see it; null otherwise (existence is not revealed). */
  /** The external links of a initiative the caller already sees, batched per request. */
  externalLinksOf(scope: RequestScope, pk: number): Promise<ExternalLinkValue[]> {
    return scope
      .loader<number, ExternalLinkValue[]>('initiative.externalLinks', async (pks) => {
        const rows = await this.db.read(
          `SELECT id, external_links FROM initiatives WHERE id = ANY($1::int[])`,
          [pks],
          'initiative_external_links',
        );
        return indexBy(pks, rows, (r) => r.id as number).map(
          (r) => (r?.external_links as ExternalLinkValue[]) ?? [],
        );
      })
      .load(pk);
  }

  byPk(scope: RequestScope, pk: number): Promise<Initiative | null> {
    return loadVisibleByKey(
      this.db,
      scope,
      {
        loader: 'initiative.byPk',
        select: SELECT_WITH_LEAD,
        key: 'i.id',
        keyType: 'int[]',
        toObject: initiativeFromRow,
        keyOf: (i) => i.pk,
      },
      pk,
    );
  }

  async byCode(scope: RequestScope, code: string): Promise<Initiative | null> {
    const params: unknown[] = [code];
    const visible = visibleInitiativeSql(scope.viewer, 'i', params);
    const [row] = await this.db.read(
      `${SELECT_WITH_LEAD} WHERE i.code = $1 AND ${visible}`,
      params,
      undefined,
      scope,
    );
    return row ? initiativeFromRow(row) : null;
  }

  async find(
    scope: RequestScope,
    id: string | null | undefined,
    code: string | null | undefined,
  ): Promise<Initiative | null> {
    if ((id == null) === (code == null)) throw new BadInputError('give exactly one of id or code');
    if (id != null) return this.byPk(scope, decodeId(id, 'Initiative'));
    return this.byCode(scope, valid.lookupCode(code!, 'code'));
  }

  /** A visible initiative for an id argument, or NOT_FOUND naming the argument. */
  async require(scope: RequestScope, id: string, argument: string): Promise<Initiative> {
    const initiative = await this.byPk(scope, decodeId(id, 'Initiative', argument));
    if (!initiative) throw new NotFoundError('Initiative', `${argument}=${id}`);
    return initiative;
  }

  /** The organisation's active role in the initiative, or null when it does not take part. */
  async roleOf(initiativePk: number, organisationPk: number | null): Promise<ParticipationRole | null> {
    if (organisationPk === null) return null;
    const [row] = await this.db.read(
      `SELECT role FROM participations WHERE initiative_id = $1 AND organisation_id = $2 AND left_on IS NULL`,
      [initiativePk, organisationPk],
      'participation_role_of',
    );
    return (row?.role as ParticipationRole | undefined) ?? null;
  }

  /** Number of ROMs actively taking part, batched per request. */
  romCount(scope: RequestScope, pk: number): Promise<number> {
    return scope
      .loader<number, number>('initiative.romCount', async (pks) => {
        const rows = await this.db.read(
          `SELECT p.initiative_id, count(*)::int AS roms
             FROM participations p JOIN organisations o ON o.id = p.organisation_id
            WHERE p.initiative_id = ANY($1::int[]) AND p.left_on IS NULL AND o.kind = 'ROM'
            GROUP BY p.initiative_id`,
          [pks],
        );
        return countsBy(pks, rows, 'initiative_id', 'roms');
      })
      .load(pk);
  }

  /** @param lead how much of each lead the page shows (from the query's selection), so only that is fetched. */
  async list(
    scope: RequestScope,
    filter: InitiativeFilter | null | undefined,
    page: PageRequest,
    lead: EmbedShape = 'full',
  ): Promise<Page<Initiative>> {
    const where = visibleInitiatives(scope, filter);
    const statuses = valid.enumList(filter?.statuses, 'filter.statuses');
    if (statuses.length) where.and('i.status = ANY($?::text[])', statuses);
    const kinds = valid.enumList(filter?.kinds, 'filter.kinds');
    if (kinds.length) where.and('i.kind = ANY($?::text[])', kinds);
    // Initiatives by how many ROMs take part, as one hashed set over the ROMs' participations (a few thousand
    // rows), not a count per initiative of the list.
    const withRoms = (having: string) =>
      `i.id IN (SELECT sp.initiative_id FROM participations sp JOIN organisations so ON so.id = sp.organisation_id
        WHERE sp.left_on IS NULL AND so.kind = 'ROM' GROUP BY sp.initiative_id HAVING ${having})`;
    if (filter?.supraRegional != null) {
      where.and(filter.supraRegional ? withRoms('count(*) >= 2') : `NOT ${withRoms('count(*) >= 2')}`);
    }
    if (filter?.romCount != null) {
      if (!Number.isInteger(filter.romCount) || filter.romCount < 0 || filter.romCount > 1000) {
        throw new BadInputError('filter.romCount must be a whole number from 0 to 1000', 'filter.romCount');
      }
      where.and(
        filter.romCount === 0 ? `NOT ${withRoms('count(*) >= 1')}` : withRoms('count(*) = $?'),
        ...(filter.romCount === 0 ? [] : [filter.romCount]),
      );
    }
    const search = valid.searchTerm(filter?.search, 'filter.search');
    if (search) {
      // The expression of initiatives_search_idx (trigram GIN), so the index serves it.
      where.and(
        `(i.code || ' ' || i.title || ' ' || coalesce(i.title_en, '')) ILIKE $?`,
        valid.likePattern(search),
      );
    }
    return listPage(this.db, scope, {
      select: selectWithLead(lead),
      countFrom: 'FROM initiatives i',
      where,
      key: { column: 'i.code', type: 'text', of: (i) => i.code },
      page,
      toObject: initiativeFromRow,
    });
  }

  async create(scope: RequestScope, input: CreateInitiativeInput): Promise<Initiative> {
    requireWriter(scope.viewer, 'create initiatives');
    const lead = await this.organisations.require(
      scope,
      input.leadOrganisationId,
      'input.leadOrganisationId',
    );
    can.createInitiative(scope.viewer, lead.pk);
    const parent = input.parentId ? await this.require(scope, input.parentId, 'input.parentId') : null;
    const values: Record<string, unknown> = {
      ...valid.writtenValues(CreateInitiativeInput, input),
      leadPk: lead.pk,
      parentPk: parent?.pk ?? null,
    };
    valid.period(
      values.startsOn as string | null,
      values.endsOn as string | null,
      'input.startsOn',
      'input.endsOn',
    );
    return this.db.transaction(async (tx) => {
      await this.refuseCaseVariant(tx, values.code as string);
      const insert = initiativeTable.insert(values);
      const [row] = await tx.query(`${insert.sql} RETURNING id`, insert.params);
      const id = row!.id as number;
      const participation = await this.makeLeadParticipant(tx, id, lead.pk);
      await appendEvent(tx, scope.viewer, {
        type: EventType.INITIATIVE_CREATED,
        initiativePk: id,
        organisationPk: lead.pk,
        payload: { code: values.code, title: values.title, themes: values.themes },
      });
      await this.recordLeadJoined(tx, scope, id, lead.pk, participation, true);
      return this.reload(tx, id);
    });
  }

  /**
   * CONFLICT when another initiative's code equals this one but for case. The unique index on lower(code)
   * decides in the end; this answers first, naming the code that is in the way.
   */
  private async refuseCaseVariant(tx: Transaction, code: string): Promise<void> {
    const [taken] = await tx.query(`SELECT code FROM initiatives WHERE lower(code) = lower($1)`, [code]);
    if (taken) {
      throw new ConflictError(
        `an initiative with code ${taken.code} already exists (codes are unique regardless of case): choose another code`,
        { field: 'input.code' },
      );
    }
  }

  /**
   * The organisation takes part as LEAD: promoted when it takes part already, added otherwise. Any other
   * active LEAD must have been demoted first (participations_active_lead_key). Writes no event: the caller
   * records it with its own, so the event log is the transaction's last write.
   */
  private async makeLeadParticipant(
    tx: Transaction,
    initiativePk: number,
    leadPk: number,
  ): Promise<LeadParticipation> {
    const [existing] = await tx.query(
      `SELECT id, role FROM participations WHERE initiative_id = $1 AND organisation_id = $2 AND left_on IS NULL`,
      [initiativePk, leadPk],
    );
    if (existing) {
      if (existing.role !== ParticipationRole.LEAD) {
        await tx.modify(`UPDATE participations SET role = 'LEAD' WHERE id = $1`, [existing.id]);
      }
      return { participationPk: existing.id, previousRole: existing.role };
    }
    const [participation] = await tx.query(
      `INSERT INTO participations (initiative_id, organisation_id, role, joined_on, confidence)
       VALUES ($1, $2, 'LEAD', '${today()}'::date, 'CONFIRMED') RETURNING id`,
      [initiativePk, leadPk],
    );
    return { participationPk: participation!.id, previousRole: null };
  }

  /** PARTNER_JOINED when the lead was added by makeLeadParticipant (a promotion is the caller's to record). */
  private async recordLeadJoined(
    tx: Transaction,
    scope: RequestScope,
    initiativePk: number,
    leadPk: number,
    participation: LeadParticipation,
    atCreation = false,
  ): Promise<void> {
    if (participation.previousRole !== null) return;
    await appendEvent(tx, scope.viewer, {
      type: EventType.PARTNER_JOINED,
      initiativePk,
      organisationPk: leadPk,
      participationPk: participation.participationPk,
      // At creation the lead's join is part of INITIATIVE_CREATED's news: not a notification of its own.
      payload: atCreation
        ? { role: ParticipationRole.LEAD, atCreation: true }
        : { role: ParticipationRole.LEAD },
    });
  }

  async update(scope: RequestScope, input: UpdateInitiativeInput): Promise<Initiative> {
    requireWriter(scope.viewer, 'update initiatives');
    const current = await this.require(scope, input.id, 'input.id');
    can.updateInitiative(scope.viewer, current.leadPk);
    const sets = valid.changedValues(UpdateInitiativeInput, input);
    let newLead: number | null = null;
    if (input.leadOrganisationId !== undefined) {
      const id = input.leadOrganisationId;
      if (id === null) {
        throw new BadInputError('input.leadOrganisationId cannot be cleared', 'input.leadOrganisationId');
      }
      newLead = (await this.organisations.require(scope, id, 'input.leadOrganisationId')).pk;
      sets.leadPk = newLead;
    }
    if (Object.keys(sets).length === 0)
      throw new BadInputError('nothing to update: give at least one field besides id');
    const changed = initiativeTable.byColumn(sets);
    const columns = Object.keys(changed);
    valid.period(
      (sets.startsOn as string | null | undefined) ??
        (input.startsOn === undefined ? current.startsOn : null),
      (sets.endsOn as string | null | undefined) ?? (input.endsOn === undefined ? current.endsOn : null),
      'input.startsOn',
      'input.endsOn',
    );
    return this.db.transaction(async (tx) => {
      // NO KEY UPDATE, not UPDATE: the id stays, so participations and milestones may still be inserted
      // meanwhile, while joins as LEAD and leaves (FOR SHARE) wait for the handover to commit.
      const [before] = await tx.query(
        `SELECT ${[...new Set([...columns, 'lead_id'])].join(', ')} FROM initiatives WHERE id = $1 FOR NO KEY UPDATE`,
        [current.pk],
      );
      if (!before) throw new NotFoundError('Initiative', `input.id=${input.id}`);
      const formerLead = before.lead_id as number | null;
      await tx.modify(
        `UPDATE initiatives SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() WHERE id = $1`,
        [current.pk, ...columns.map((c) => initiativeTable.param(c, changed[c]))],
      );
      const handover =
        newLead !== null && newLead !== formerLead ? await this.handOver(tx, current.pk, newLead) : null;
      await appendEvent(tx, scope.viewer, {
        type: EventType.INITIATIVE_UPDATED,
        initiativePk: current.pk,
        organisationPk: newLead ?? formerLead,
        ...(handover && formerLead !== null ? { organisationPks: [formerLead] } : {}),
        // Followers of a theme or pillar it leaves hear that it left.
        alsoThemes: (before.themes as string[] | undefined) ?? [],
        alsoPillars: (before.pillars as string[] | undefined) ?? [],
        payload: {
          changes: diff(before, changed),
          ...(handover && handover.roleChanges.length ? { roleChanges: handover.roleChanges } : {}),
        },
      });
      if (handover) await this.recordLeadJoined(tx, scope, current.pk, newLead!, handover.lead);
      return this.reload(tx, current.pk);
    });
  }

  /**
   * Moves the LEAD participation to the new lead, in the transaction that changes lead_id, so the two always
   * agree: the former lead's active LEAD row becomes FORMER_LEAD_ROLE (it keeps taking part), then the new lead
   * is promoted or added. In that order: participations_active_lead_key allows one active LEAD at any moment.
   */
  private async handOver(tx: Transaction, initiativePk: number, newLead: number) {
    const demoted = await tx.modify(
      `UPDATE participations SET role = $3
        WHERE initiative_id = $1 AND role = 'LEAD' AND left_on IS NULL AND organisation_id <> $2
        RETURNING id, organisation_id`,
      [initiativePk, newLead, FORMER_LEAD_ROLE],
    );
    const lead = await this.makeLeadParticipant(tx, initiativePk, newLead);
    const roleChanges = demoted.map((d) => ({
      participationId: d.id as number,
      organisationId: d.organisation_id as number,
      role: [ParticipationRole.LEAD, FORMER_LEAD_ROLE],
    }));
    if (lead.previousRole !== null && lead.previousRole !== ParticipationRole.LEAD) {
      roleChanges.push({
        participationId: lead.participationPk,
        organisationId: newLead,
        role: [lead.previousRole, ParticipationRole.LEAD],
      });
    }
    return { lead, roleChanges };
  }

  /**
   * Reads an initiative the caller has just written, fresh (the request's loader cache may hold the old row).
   * No visibility filter: the writer was allowed to make the change, so it may see its result.
   */
  /**
   * The initiative as the transaction leaves it, read inside it: a read after COMMIT could fail (the database
   * gone) and answer SERVICE_UNAVAILABLE for a write that took effect.
   */
  private async reload(tx: Transaction, pk: number): Promise<Initiative> {
    const [row] = await tx.query(`${SELECT_WITH_LEAD} WHERE i.id = $1`, [pk]);
    return initiativeFromRow(row!);
  }
}
