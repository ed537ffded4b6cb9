/**
 * Turns an Authorization header into a Viewer. Absent: anonymous. `Bearer <jwt>` for people, `ApiKey <key>` for
 * partner systems. Present but invalid: UNAUTHENTICATED with HTTP 401 for the whole request - bad credentials
 * never fall back to anonymous.
 */
import type { OrganisationKind } from '../../vocabulary.js';
import type { Database } from '../db/database.js';
import { UnauthenticatedError, isDatabaseUnavailable } from '../errors.js';
import { TokenError, type TokenService } from './tokens.js';
import { anonymousViewer, memberViewer, type Viewer } from './viewer.js';

export type ApiKeyVerifier = (key: string) => Promise<Viewer>;

/** A viewer, and what long-lived connections need to keep checking it. */
export interface Authentication {
  viewer: Viewer;
  /** Unix seconds when a token stops being valid. */
  expiresAt?: number;
  /** For API keys: re-checks that the key is still valid (not revoked or expired since). */
  stillValid?: () => Promise<boolean>;
}

export class Authenticator {
  constructor(
    private readonly db: Database,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyVerifier,
  ) {}

  async viewerFor(authorization: string | undefined | null): Promise<Viewer> {
    return (await this.authenticate(authorization)).viewer;
  }

  async authenticate(authorization: string | undefined | null): Promise<Authentication> {
    if (!authorization) return { viewer: anonymousViewer };
    const match = /^(Bearer|ApiKey)\s+(\S+)$/i.exec(authorization.trim());
    if (!match) {
      throw new UnauthenticatedError(
        'Authorization must be "Bearer <token>" or "ApiKey <key>"; omit it to read public data anonymously',
        401,
      );
    }
    if (match[1]!.toLowerCase() === 'apikey') {
      const key = match[2]!;
      const viewer = await this.apiKeys(key);
      return {
        viewer,
        // An outage says nothing about the key: it rejects (the caller keeps the connection) instead of refusing.
        stillValid: () =>
          this.apiKeys(key).then(
            () => true,
            (err: unknown) => {
              if (isDatabaseUnavailable(err)) throw err;
              return false;
            },
          ),
      };
    }
    let claims;
    try {
      claims = await this.tokens.verify(match[2]!);
    } catch (err) {
      const reason = err instanceof TokenError ? err.message : 'the token is not valid';
      throw new UnauthenticatedError(
        `${reason}; get a new one (npm run token -- --org <CODE> --role <ROLE> for local use)`,
        401,
      );
    }
    const [organisation] = await this.db.read<{ id: number; code: string; kind: OrganisationKind }>(
      'SELECT id, code, kind FROM organisations WHERE code = $1',
      [claims.organisationCode],
      'auth_organisation_by_code',
    );
    if (!organisation) {
      throw new UnauthenticatedError(
        `the token names organisation ${claims.organisationCode}, which is not registered`,
        401,
      );
    }
    return {
      viewer: memberViewer({ kind: 'person', organisation, role: claims.role, subject: claims.subject }),
      expiresAt: claims.expiresAt,
    };
  }
}
