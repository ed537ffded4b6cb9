import { can, requireWriter } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, ConflictError, NotFoundError } from '../../infra/errors.js';
import { pagesByKey, type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { decodeId, toGlobalId } from '../../infra/graphql/ids.js';
import { countsBy, indexBy, type RequestScope } from '../../infra/request-scope.js';
import { today } from '../../infra/day.js';
import * as valid from '../../infra/validation.js';
import type { OrganisationService } from '../organisations/index.js';
import { Confidence, EventType } from '../../vocabulary.js';
import type { CreatePartnershipInput, EndPartnershipInput } from './partnership.inputs.js';
import { PartnershipEntity } from './partnership.entity.js';
import { Partnership } from './partnership.type.js';
import { appendEvent } from '../../live/index.js';

/** Partnerships: columns and row mapping from the entity (their INSERT defaults `since` in SQL). */
export const partnershipTable = new Table('partnerships', PartnershipEntity, () => new Partnership());

export function partnershipFromRow(row: Row): Partnership {
  return partnershipTable.fromRow(row);
}

/** Direct ties between organisations. Public, like the registry. Emits PARTNERSHIP_FORMED / _ENDED. */
export class PartnershipService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
  ) {}

  byPk(scope: RequestScope, pk: number): Promise<Partnership | null> {
    return scope
      .loader<number, Partnership | null>('partnership.byPk', async (pks) => {
        const rows = await this.db.read(`SELECT * FROM partnerships WHERE id = ANY($1::int[])`, [pks]);
        return indexBy(pks, rows.map(partnershipFromRow), (p) => p.pk);
      })
      .load(pk);
  }

  /**
   * Ties where the organisation is either end, active and ended, oldest first. Every organisation of a
   * response that asks for the same page is served by one statement.
   */
  ofOrganisation(scope: RequestScope, organisationPk: number, page: PageRequest): Promise<Page<Partnership>> {
    const after = page.after ? Number(page.after[0]) : 0;
    return scope
      .loader<number, Page<Partnership>>(`partnership.ofOrganisation:${page.first}:${after}`, async (pks) => {
        // Both ends are indexed with the id (partnerships_from_idx, partnerships_to_idx): a union of two
        // index scans per organisation rather than one scan filtering on either end.
        const rows = await this.db.read(
          `SELECT k.organisation_id AS owner_id, x.* FROM unnest($1::int[]) AS k(organisation_id)
           CROSS JOIN LATERAL (
             SELECT * FROM (
               (SELECT * FROM partnerships WHERE from_id = k.organisation_id AND id > $2 ORDER BY id LIMIT $3)
               UNION
               (SELECT * FROM partnerships WHERE to_id = k.organisation_id AND id > $2 ORDER BY id LIMIT $3)
             ) both_ends ORDER BY id LIMIT $3) x`,
          [pks, after, page.first + 1],
          'partnerships_of_organisations',
        );
        // A tie between two organisations of the batch is on both their pages: owner_id says whose page a row is on.
        return pagesByKey(
          pks,
          rows,
          (r) => r.owner_id as number,
          partnershipFromRow,
          page,
          (p) => [p.pk],
          (pk) => this.countOfOrganisation(scope, pk),
        );
      })
      .load(organisationPk);
  }

  private countOfOrganisation(scope: RequestScope, organisationPk: number): Promise<number> {
    return scope
      .loader<number, number>('partnership.countOfOrganisation', async (pks) => {
        const rows = await this.db.read(
          `SELECT k.organisation_id, count(p.id)::int AS n FROM unnest($1::int[]) AS k(organisation_id)
             LEFT JOIN partnerships p ON p.from_id = k.organisation_id OR p.to_id = k.organisation_id
            GROUP BY k.organisation_id`,
          [pks],
          'partnership_counts_of_organisations',
        );
        return countsBy(pks, rows, 'organisation_id');
      })
      .load(organisationPk);
  }

  async create(scope: RequestScope, input: CreatePartnershipInput): Promise<Partnership> {
    requireWriter(scope.viewer, 'create partnerships');
    const from = await this.organisations.require(scope, input.fromId, 'input.fromId');
    const to = await this.organisations.require(scope, input.toId, 'input.toId');
    if (from.pk === to.pk)
      throw new BadInputError('a partnership needs two different organisations', 'input.toId');
    can.changePartnership(
      scope.viewer,
      from.pk,
      to.pk,
      `create a partnership between ${from.code} and ${to.code}`,
    );
    const since = valid.optionalDate(input.since, 'input.since');
    const row = await this.db.transaction(async (tx) => {
      const [existing] = await tx.query(
        `SELECT id FROM partnerships WHERE from_id = $1 AND to_id = $2 AND kind = $3 AND until IS NULL`,
        [from.pk, to.pk, input.kind],
      );
      if (existing) {
        throw new ConflictError(
          `${from.code} already has an active ${input.kind} partnership with ${to.code}`,
          {
            partnershipId: toGlobalId('Partnership', existing.id),
          },
        );
      }
      const insert = partnershipTable.insert(
        {
          kind: input.kind,
          fromPk: from.pk,
          toPk: to.pk,
          themes: valid.enumList(input.themes, 'input.themes'),
          since,
          source: valid.optionalText(input.source, 'input.source', 2000),
          confidence: input.confidence ?? Confidence.CONFIRMED,
          notes: valid.optionalText(input.notes, 'input.notes'),
        },
        { since: (param) => `coalesce(${param}::date, '${today()}'::date)` },
      );
      const [inserted] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      await appendEvent(tx, scope.viewer, {
        type: EventType.PARTNERSHIP_FORMED,
        organisationPk: from.pk,
        organisationPks: [from.pk, to.pk],
        partnershipPk: inserted!.id,
        payload: { kind: input.kind },
      });
      return inserted!;
    });
    return partnershipFromRow(row);
  }

  async end(scope: RequestScope, input: EndPartnershipInput): Promise<Partnership> {
    requireWriter(scope.viewer, 'end partnerships');
    const pk = decodeId(input.id, 'Partnership', 'input.id');
    const until = valid.optionalDate(input.until, 'input.until');
    const row = await this.db.transaction(async (tx) => {
      const [current] = await tx.query(`SELECT * FROM partnerships WHERE id = $1 FOR UPDATE`, [pk]);
      if (!current) throw new NotFoundError('Partnership', `input.id=${input.id}`);
      can.changePartnership(scope.viewer, current.from_id, current.to_id, 'end this partnership');
      if (current.until !== null)
        throw new ConflictError(`the partnership already ended on ${current.until}`);
      if (until && current.since && until < current.since) {
        throw new BadInputError(
          `input.until (${until}) is before the partnership began (${current.since})`,
          'input.until',
        );
      }
      const [updated] = await tx.modify(
        `UPDATE partnerships SET until = greatest(coalesce($2::date, '${today()}'::date), since) WHERE id = $1 RETURNING *`,
        [pk, until],
      );
      await appendEvent(tx, scope.viewer, {
        type: EventType.PARTNERSHIP_ENDED,
        organisationPk: current.from_id,
        organisationPks: [current.from_id, current.to_id],
        partnershipPk: pk,
        payload: { kind: current.kind, until: updated!.until },
      });
      return updated!;
    });
    return partnershipFromRow(row);
  }
}
