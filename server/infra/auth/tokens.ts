/**
 * Bearer tokens for people: HS256 JWTs with claims `sub`, `org` (organisation code), `role`, `exp`.
 * Verified with jose; only HS256 is accepted (never `none`). In development without JWT_SECRET a random
 * secret is created once under the data directory, so `npm run token` and `npm start` agree.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, jwtVerify } from 'jose';
import { Role } from '../../modules/taxonomy/taxonomy.enums.js';

export interface TokenClaims {
  subject: string;
  organisationCode: string;
  role: Role;
}

const ISSUER = 'romgraph';

export class TokenService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  /** The secret from config, or the development secret under `dataDir` (created on first use, with a warning). */
  static fromConfig(secret: string | undefined, dataDir: string, warn: (line: string) => void): TokenService {
    if (secret) return new TokenService(secret);
    const file = path.join(dataDir, 'jwt-secret');
    let stored: string;
    try {
      stored = readFileSync(file, 'utf8').trim();
    } catch {
      mkdirSync(dataDir, { recursive: true });
      stored = randomBytes(48).toString('base64url');
      writeFileSync(file, stored, { mode: 0o600 });
      warn(`[auth] no JWT_SECRET set: created a development secret in ${file}; set JWT_SECRET in production`);
    }
    return new TokenService(stored);
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

  /** The claims of a valid token; throws (with a reason) for an expired, forged or malformed one. */
  async verify(token: string): Promise<TokenClaims> {
    const { payload } = await jwtVerify(token, this.key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      requiredClaims: ['exp', 'sub'],
    });
    const role = payload.role;
    if (
      typeof payload.org !== 'string' ||
      typeof role !== 'string' ||
      !(Object.values(Role) as string[]).includes(role)
    ) {
      throw new Error('token lacks a valid org or role claim');
    }
    return { subject: payload.sub!, organisationCode: payload.org, role: role as Role };
  }
}
