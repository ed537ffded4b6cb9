import type { GraphQLResolveInfo } from 'graphql';
import { can, requireWriter } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { Table } from '../../infra/db/table.js';
import { BadInputError, ConflictError, NotFoundError } from '../../infra/errors.js';
import { diff } from '../../infra/db/diff.js';
import { needsMoreThan, selectedFields } from '../../infra/graphql/selection.js';
import { type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { listPage, Where } from '../../infra/db/list-page.js';
import { decodeId } from '../../infra/graphql/ids.js';
import { indexBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { ExternalLinkValue } from '../../infra/validation.js';
import { EventType } from '../../vocabulary.js';
import {
  CreateOrganisationInput,
  UpdateOrganisationInput,
  type OrganisationFilter,
} from './organisation.inputs.js';
import { OrganisationEntity } from './organisation.entity.js';
import { Organisation } from './organisation.type.js';
import { appendEvent } from '../../live/index.js';

/** Organisations: columns, row mapping and write column lists, all from the entity. */
export const organisationTable = new Table('organisations', OrganisationEntity, () => new Organisation(), {
  write: { externalLinks: (links) => JSON.stringify(links) },
  // Read only when a query asks for them (externalLinksOf): most pages never do, and every row would pay.
  omit: ['externalLinks'],
});

/** `alias.col AS "prefixcol", ...` for embedding an organisation into another statement's rows. */
export function organisationColumns(alias: string, prefix = ''): string {
  return organisationTable.select(alias, prefix);
}

/**
 * How much of an organisation a statement that embeds one should fetch: nothing (not selected), the brief
 * fields (id, code, name, kind: what lists show), or all of them.
 */
export type EmbedShape = 'none' | 'brief' | 'full';
const BRIEF_FIELDS = ['id', 'code', 'name', 'kind'] as const;

export function embedShape(info: GraphQLResolveInfo, ...paths: string[][]): EmbedShape {
  const selected = selectedFields(info, ...paths);
  if (selected.size === 0) return 'none';
  return needsMoreThan(selected, BRIEF_FIELDS) ? 'full' : 'brief';
}

/** The select-list entries that embed an organisation of the given shape ('' for none). */
export function embeddedOrganisationColumns(alias: string, prefix: string, shape: EmbedShape): string {
  if (shape === 'none') return '';
  if (shape === 'full') return organisationColumns(alias, prefix);
  return organisationTable.select(alias, prefix, ['pk', 'code', 'name', 'kind']);
}

export function organisationFromRow(row: Row, prefix = ''): Organisation {
  return organisationTable.fromRow(row, prefix);
}

const SELECT = `SELECT ${organisationColumns('o')} FROM organisations o`;

/** The organisation registry. Public: anyone may read it. Emits ORGANISATION_CREATED / _UPDATED. */
export class OrganisationService {
  constructor(private readonly db: Database) {}

  /** The external links of an organisation, batched per request. */
  externalLinksOf(scope: RequestScope, pk: number): Promise<ExternalLinkValue[]> {
    return scope
      .loader<number, ExternalLinkValue[]>('organisation.externalLinks', async (pks) => {
        const rows = await this.db.read(
          `SELECT id, external_links FROM organisations WHERE id = ANY($1::int[])`,
          [pks],
          'organisation_external_links',
        );
        return indexBy(pks, rows, (r) => r.id as number).map(
          (r) => (r?.external_links as ExternalLinkValue[]) ?? [],
        );
      })
      .load(pk);
  }

  byPk(scope: RequestScope, pk: number): Promise<Organisation | null> {
    return scope
      .loader<number, Organisation | null>('organisation.byPk', async (pks) => {
        const rows =
          pks.length === 1
            ? await this.db.read(`${SELECT} WHERE o.id = $1`, [pks[0]], 'organisation_by_pk')
            : await this.db.read(`${SELECT} WHERE o.id = ANY($1::int[])`, [pks], 'organisations_by_pks');
        return indexBy(
          pks,
          rows.map((r) => organisationFromRow(r)),
          (o) => o.pk,
        );
      })
      .load(pk);
  }

  byCode(scope: RequestScope, code: string): Promise<Organisation | null> {
    return scope
      .loader<string, Organisation | null>('organisation.byCode', async (codes) => {
        const rows =
          codes.length === 1
            ? await this.db.read(`${SELECT} WHERE o.code = $1`, [codes[0]], 'organisation_by_code')
            : await this.db.read(
                `${SELECT} WHERE o.code = ANY($1::text[])`,
                [codes],
                'organisations_by_codes',
              );
        return indexBy(
          codes,
          rows.map((r) => organisationFromRow(r)),
          (o) => o.code,
        );
      })
      .load(code);
  }

  /** By global id or code (exactly one); null when there is none. */
  async find(
    scope: RequestScope,
    id: string | null | undefined,
    code: string | null | undefined,
  ): Promise<Organisation | null> {
    if ((id == null) === (code == null)) throw new BadInputError('give exactly one of id or code');
    if (id != null) return this.byPk(scope, decodeId(id, 'Organisation'));
    return this.byCode(scope, valid.lookupCode(code!, 'code'));
  }

  /** Resolves an id argument to an existing organisation or throws NOT_FOUND naming the argument. */
  async require(scope: RequestScope, id: string, argument: string): Promise<Organisation> {
    const organisation = await this.byPk(scope, decodeId(id, 'Organisation', argument));
    if (!organisation) throw new NotFoundError('Organisation', `${argument}=${id}`);
    return organisation;
  }

  async list(
    scope: RequestScope,
    filter: OrganisationFilter | null | undefined,
    page: PageRequest,
  ): Promise<Page<Organisation>> {
    const where = new Where();
    const kinds = valid.enumList(filter?.kinds, 'filter.kinds');
    if (kinds.length) where.and('o.kind = ANY($?::text[])', kinds);
    const provinces = valid.provinceCodes(filter?.provinces, 'filter.provinces');
    if (provinces.length) where.and('o.provinces && $?::text[]', provinces);
    const search = valid.searchTerm(filter?.search, 'filter.search');
    if (search) {
      // The expression of organisations_search_idx (trigram GIN), so the index serves it.
      where.and(
        `(o.code || ' ' || o.name || ' ' || coalesce(o.name_en, '')) ILIKE $?`,
        valid.likePattern(search),
      );
    }
    return listPage(this.db, scope, {
      select: SELECT,
      countFrom: 'FROM organisations o',
      where,
      key: { column: 'o.code', type: 'text', of: (o) => o.code },
      page,
      toObject: (r) => organisationFromRow(r),
    });
  }

  async create(scope: RequestScope, input: CreateOrganisationInput): Promise<Organisation> {
    can.registerOrganisation(scope.viewer);
    const values = valid.writtenValues(CreateOrganisationInput, input);
    return this.db.transaction(async (tx) => {
      const [taken] = await tx.query(`SELECT code FROM organisations WHERE lower(code) = lower($1)`, [
        values.code as string,
      ]);
      if (taken) {
        throw new ConflictError(
          `an organisation with code ${taken.code} already exists (codes are unique regardless of case): choose another code`,
          { field: 'input.code' },
        );
      }
      const insert = organisationTable.insert(values);
      const [row] = await tx.query(`${insert.sql} RETURNING *`, insert.params);
      const organisation = organisationFromRow(row!);
      await appendEvent(tx, scope.viewer, {
        type: EventType.ORGANISATION_CREATED,
        organisationPk: organisation.pk,
        payload: { code: organisation.code, kind: organisation.kind },
      });
      return organisation;
    });
  }

  async update(scope: RequestScope, input: UpdateOrganisationInput): Promise<Organisation> {
    requireWriter(scope.viewer, 'update organisations');
    const pk = (await this.require(scope, input.id, 'input.id')).pk;
    can.updateOrganisation(scope.viewer, pk);
    const sets = valid.changedValues(UpdateOrganisationInput, input);
    if (Object.keys(sets).length === 0)
      throw new BadInputError('nothing to update: give at least one field besides id');
    const changed = organisationTable.byColumn(sets);
    const columns = Object.keys(changed);
    return this.db.transaction(async (tx) => {
      const [before] = await tx.query(
        `SELECT ${columns.join(', ')} FROM organisations WHERE id = $1 FOR UPDATE`,
        [pk],
      );
      if (!before) throw new NotFoundError('Organisation', `input.id=${input.id}`);
      const assignments = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
      const [row] = await tx.modify(
        `UPDATE organisations SET ${assignments}, updated_at = now() WHERE id = $1 RETURNING *`,
        [pk, ...columns.map((c) => organisationTable.param(c, changed[c]))],
      );
      const organisation = organisationFromRow(row!);
      const changes = diff(before, changed);
      await appendEvent(tx, scope.viewer, {
        type: EventType.ORGANISATION_UPDATED,
        organisationPk: pk,
        payload: { changes },
      });
      return organisation;
    });
  }
}
