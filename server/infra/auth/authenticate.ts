/**
 * Turns an Authorization header into a Viewer. Absent: anonymous. Present but invalid: UNAUTHENTICATED with
 * HTTP 401 for the whole request (bad credentials never fall back to anonymous).
 */
import type { Database } from '../db/database.js';
import { UnauthenticatedError } from '../errors.js';
import type { TokenService } from './tokens.js';
import { anonymousViewer, personViewer, type Viewer } from './viewer.js';

export class Authenticator {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenService,
  ) {}

  async viewerFor(authorization: string | undefined | null): Promise<Viewer> {
    if (!authorization) return anonymousViewer;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) {
      throw new UnauthenticatedError(
        'Authorization must be "Bearer <token>"; omit the header to read public data anonymously',
        401,
      );
    }
    let claims;
    try {
      claims = await this.tokens.verify(match[1]!);
    } catch (err) {
      const reason =
        (err as { code?: string }).code === 'ERR_JWT_EXPIRED'
          ? 'the token has expired'
          : 'the token is not valid';
      throw new UnauthenticatedError(
        `${reason}; get a new one (npm run token -- --org <CODE> --role <ROLE> for local use)`,
        401,
      );
    }
    const [organisation] = await this.db.read<{ id: number; code: string }>(
      'SELECT id, code FROM organisations WHERE code = $1',
      [claims.organisationCode],
      'auth_organisation_by_code',
    );
    if (!organisation)
      throw new UnauthenticatedError(
        `the token names organisation ${claims.organisationCode}, which is not registered`,
        401,
      );
    return personViewer(organisation.id, organisation.code, claims.role, claims.subject);
  }
}
