import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { can, requireWriter } from '../../infra/auth/access.js';
import { memberViewer, type Viewer } from '../../infra/auth/viewer.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../infra/errors.js';
import { type Page, type PageRequest } from '../../infra/graphql/connection.js';
import { listPage, Where } from '../../infra/db/list-page.js';
import { decodeId } from '../../infra/graphql/ids.js';
import type { Logger } from '../../infra/logger.js';
import { Table } from '../../infra/db/table.js';
import { ApiKeyEntity } from './api-key.entity.js';
import { indexBy, type RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import type { OrganisationService } from '../organisations/index.js';
import { Role } from '../../vocabulary.js';
import { ApiKey, ApiKeyScope, type CreateApiKeyInput, type CreatedApiKey } from './api-key.type.js';

/** `rgk_` + 10 characters of prefix + `_` + 43 characters of secret (256 bits). */
const KEY_RE = /^(rgk_[A-Za-z0-9]{10})_([A-Za-z0-9_-]{43})$/;

/** API keys: columns, row mapping and the INSERT column list from the entity; the hash never leaves SQL. */
export const apiKeyTable = new Table('api_keys', ApiKeyEntity, () => new ApiKey(), { omit: ['secretHash'] });

export function apiKeyFromRow(row: Row): ApiKey {
  return apiKeyTable.fromRow(row);
}

const COLUMNS = apiKeyTable.select('k');

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function randomAlphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; out.length < length && i < bytes.length; i++) {
    if (bytes[i]! < 248) out += alphabet[bytes[i]! % 62]; // 248 = 4 * 62: no modulo bias
  }
  return out.length === length ? out : randomAlphanumeric(length);
}

/** API keys of partner systems: creation (plaintext once), revocation, and authentication. */
export class ApiKeyService {
  constructor(
    private readonly db: Database,
    private readonly organisations: OrganisationService,
    private readonly logger?: Logger,
  ) {}

  /**
   * The Viewer for `Authorization: ApiKey <key>`: its organisation with VIEWER (READ) or EDITOR (READ_WRITE)
   * rights. Revoked and expired keys fail at once (no cache), with UNAUTHENTICATED.
   */
  async authenticate(key: string): Promise<Viewer> {
    const match = KEY_RE.exec(key);
    const refuse = (why: string) =>
      new UnauthenticatedError(`API key ${why}; create a new one with createApiKey`, 401);
    if (!match) throw refuse('is malformed');
    const [row] = await this.db.read(
      `SELECT k.id, k.secret_hash, k.scope, k.expires_at <= now() AS expired, k.revoked_at IS NOT NULL AS revoked,
              k.last_used_at < now() - interval '1 minute' OR k.last_used_at IS NULL AS stale_use,
              k.trusted_documents_only, o.id AS organisation_id, o.code, o.kind
         FROM api_keys k JOIN organisations o ON o.id = k.organisation_id WHERE k.prefix = $1`,
      [match[1]],
      'api_key_by_prefix',
    );
    const expected = row ? Buffer.from(row.secret_hash, 'hex') : sha256('absent');
    const matches = timingSafeEqual(expected, sha256(key));
    if (!row || !matches) throw refuse('is not valid');
    if (row.revoked) throw refuse('was revoked');
    if (row.expired) throw refuse('has expired');
    if (row.stale_use) this.touch(row.id);
    return memberViewer({
      kind: 'api-key',
      organisation: { id: row.organisation_id, code: row.code, kind: row.kind },
      role: row.scope === ApiKeyScope.READ_WRITE ? Role.EDITOR : Role.VIEWER,
      subject: `api-key:${row.id}`,
      apiKeyPk: row.id,
      trustedDocumentsOnly: row.trusted_documents_only === true,
    });
  }

  /** Records use at most once a minute per key, off the request path. */
  private touch(id: number): void {
    void this.db
      .read(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id])
      .catch((err: unknown) => {
        this.logger?.warn(`[auth] could not record the use of API key ${id}`, err);
      });
  }

  async create(scope: RequestScope, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const organisation = await this.organisations.require(
      scope,
      input.organisationId,
      'input.organisationId',
    );
    can.manageApiKeys(scope.viewer, organisation.pk);
    const name = valid.text(input.name, 'input.name', 100);
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new BadInputError('input.expiresAt must be in the future', 'input.expiresAt');
    }
    const prefix = `rgk_${randomAlphanumeric(10)}`;
    const key = `${prefix}_${randomBytes(32).toString('base64url')}`;
    const insert = apiKeyTable.insert({
      organisationPk: organisation.pk,
      name,
      prefix,
      secretHash: sha256(key).toString('hex'),
      scope: input.scope,
      trustedDocumentsOnly: input.trustedDocumentsOnly ?? false,
      createdBy: scope.viewer.subject,
      expiresAt: input.expiresAt ?? null,
    });
    const [row] = await this.db.transaction((tx) => tx.query(`${insert.sql} RETURNING *`, insert.params));
    this.logger?.info(
      `[auth] API key ${prefix} (${input.scope}) created for ${organisation.code} by ${scope.viewer.subject}`,
    );
    return { key, apiKey: apiKeyFromRow(row!) };
  }

  async revoke(scope: RequestScope, id: string): Promise<boolean> {
    requireWriter(scope.viewer, 'revoke API keys');
    if (scope.viewer.kind === 'api-key')
      throw new ForbiddenError('API keys cannot create or revoke API keys; a person must');
    const pk = decodeId(id, 'ApiKey', 'id');
    const [row] = await this.db.read(
      `SELECT organisation_id, prefix, revoked_at FROM api_keys WHERE id = $1`,
      [pk],
    );
    // Keys of other organisations are not found rather than forbidden: their existence is theirs.
    if (!row || !can.seeApiKeys(scope.viewer, row.organisation_id))
      throw new NotFoundError('ApiKey', `id=${id}`);
    if (row.revoked_at !== null) return false;
    await this.db.transaction((tx) =>
      tx.modify(`UPDATE api_keys SET revoked_at = now() WHERE id = $1`, [pk]),
    );
    this.logger?.info(`[auth] API key ${row.prefix} revoked by ${scope.viewer.subject}`);
    return true;
  }

  byPk(scope: RequestScope, pk: number): Promise<ApiKey | null> {
    return scope
      .loader<number, ApiKey | null>('apiKey.byPk', async (pks) => {
        const rows = await this.db.read(`SELECT ${COLUMNS} FROM api_keys k WHERE k.id = ANY($1::int[])`, [
          pks,
        ]);
        const visible = rows.filter((r) => can.seeApiKeys(scope.viewer, r.organisation_id));
        return indexBy(pks, visible.map(apiKeyFromRow), (k) => k.pk);
      })
      .load(pk);
  }

  /** An organisation's keys, newest first; for ADMIN and the organisation's editors. */
  async ofOrganisation(
    scope: RequestScope,
    organisationId: string,
    page: PageRequest,
  ): Promise<Page<ApiKey>> {
    const organisation = await this.organisations.require(scope, organisationId, 'organisationId');
    can.manageApiKeys(scope.viewer, organisation.pk);
    return listPage(this.db, scope, {
      select: `SELECT ${COLUMNS} FROM api_keys k`,
      countFrom: 'FROM api_keys k',
      where: new Where().and('k.organisation_id = $?', organisation.pk),
      key: { column: 'k.id', type: 'int', descending: true, of: (k) => k.pk },
      page,
      toObject: apiKeyFromRow,
    });
  }
}
