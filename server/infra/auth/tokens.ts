/**
 * Bearer tokens for people: JWTs with claims `sub`, `org` (organisation code), `role`, `exp`. Our own are HS256
 * with JWT_SECRET (issuer `romgraph`); with JWKS_URL, RS256/ES256 tokens of an organisation's identity
 * provider are accepted too. Verified with jose; the algorithm is pinned per key type, so `none` and
 * algorithm-confusion tokens fail. In development without JWT_SECRET a random secret is created once under
 * the data directory, so `npm run token` and `npm start` agree.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { Role } from '../../vocabulary.js';
import { CODE_RE } from '../validation.js';

export interface TokenClaims {
  subject: string;
  organisationCode: string;
  role: Role;
}

export interface IdentityProvider {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
}

const ISSUER = 'romgraph';
const PROVIDER_ALGORITHMS = ['RS256', 'ES256'];
/** Identity providers' subjects are opaque, but never control characters (PostgreSQL refuses NUL in text). */
const SUBJECT_RE = /^[^\u0000-\u001F\u007F]{1,255}$/;

export class TokenError extends Error {
  override name = 'TokenError';
}

export class TokenService {
  private readonly key: Uint8Array;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(
    secret: string,
    private readonly provider?: IdentityProvider,
  ) {
    this.key = new TextEncoder().encode(secret);
    this.jwks = provider
      ? createRemoteJWKSet(new URL(provider.jwksUrl), { cooldownDuration: 30_000 })
      : undefined;
  }

  /** The secret from config, or the development secret under `dataDir` (created on first use, with a warning). */
  static fromConfig(
    config: {
      jwtSecret: string | undefined;
      dataDir: string;
      jwksUrl?: string;
      jwtIssuer?: string;
      jwtAudience?: string;
    },
    warn: (line: string) => void,
  ): TokenService {
    const provider = config.jwksUrl
      ? { jwksUrl: config.jwksUrl, issuer: config.jwtIssuer, audience: config.jwtAudience }
      : undefined;
    if (config.jwtSecret) return new TokenService(config.jwtSecret, provider);
    const file = path.join(config.dataDir, 'jwt-secret');
    let stored: string;
    try {
      stored = readFileSync(file, 'utf8').trim();
    } catch {
      mkdirSync(config.dataDir, { recursive: true });
      stored = randomBytes(48).toString('base64url');
      writeFileSync(file, stored, { mode: 0o600 });
      warn(`[auth] no JWT_SECRET set: created a development secret in ${file}; set JWT_SECRET in production`);
    }
    return new TokenService(stored, provider);
  }

  async sign(claims: TokenClaims, ttlSeconds: number): Promise<string> {
    return new SignJWT({ org: claims.organisationCode, role: claims.role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.subject)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.key);
  }

  /** The claims of a valid token; throws TokenError (with a reason a caller may see) otherwise. */
  async verify(token: string): Promise<TokenClaims & { expiresAt: number }> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new TokenError('the token is not a JWT');
    }
    let payload: JWTPayload;
    try {
      if (alg === 'HS256') {
        ({ payload } = await jwtVerify(token, this.key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          requiredClaims: ['exp', 'sub'],
        }));
      } else if (this.jwks && alg && PROVIDER_ALGORITHMS.includes(alg)) {
        ({ payload } = await jwtVerify(token, this.jwks, {
          algorithms: PROVIDER_ALGORITHMS,
          issuer: this.provider?.issuer,
          audience: this.provider?.audience,
          requiredClaims: ['exp', 'sub'],
        }));
      } else {
        throw new TokenError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted`);
      }
    } catch (err) {
      if (err instanceof TokenError) throw err;
      const code = (err as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new TokenError('the token has expired');
      if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC')
        throw new TokenError('the identity provider could not be reached to check the token');
      throw new TokenError('the token is not valid');
    }
    const role = payload.role;
    if (
      typeof payload.org !== 'string' ||
      typeof role !== 'string' ||
      !(Object.values(Role) as string[]).includes(role)
    ) {
      throw new TokenError('the token lacks a valid org or role claim');
    }
    // Claims reach SQL and the log: a signed token is still only as careful as whoever issued it.
    if (typeof payload.org !== 'string' || !CODE_RE.test(payload.org)) {
      throw new TokenError(
        "the token's org claim is not an organisation code (1-64 letters, digits, '_' or '-', e.g. BOM)",
      );
    }
    if (typeof payload.sub !== 'string' || !SUBJECT_RE.test(payload.sub)) {
      throw new TokenError(
        "the token's sub claim is empty, longer than 255 characters or holds control characters",
      );
    }
    return {
      subject: payload.sub!,
      organisationCode: payload.org,
      role: role as Role,
      expiresAt: payload.exp!,
    };
  }
}
