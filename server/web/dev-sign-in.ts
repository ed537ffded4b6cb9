/**
 * `POST /auth/dev-token` `{ "organisationCode": "BOM", "role": "EDITOR" }` -> `{ token, expiresAt, ... }`: the
 * dashboard's "sign in as" in development. It signs what `npm run token` signs, for any organisation that
 * exists; configuration refuses it with NODE_ENV=production (see config.ts), and the route is absent then.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Database } from '../infra/db/database.js';
import type { TokenService } from '../infra/auth/tokens.js';
import { BadInputError, DomainError, NotFoundError } from '../infra/errors.js';
import { sendErrorJson, sendJson } from '../infra/http/graphql-http.js';
import type { Logger } from '../infra/logger.js';
import { Role } from '../vocabulary.js';

const TTL_SECONDS = 8 * 3600;
const MAX_BODY_BYTES = 4096;

export async function sendDevToken(
  req: IncomingMessage,
  res: ServerResponse,
  db: Database,
  tokens: TokenService,
  logger: Logger,
): Promise<void> {
  const requestId = randomUUID();
  res.setHeader('x-request-id', requestId);
  res.setHeader('cache-control', 'no-store');
  try {
    if (req.method === 'GET' || req.method === 'HEAD') {
      // What the dashboard's picker offers (the route answers 404 where sign-in as is off).
      sendJson(res, 200, JSON.stringify({ roles: Object.values(Role) }));
      return;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      throw new DomainError('BAD_USER_INPUT', 'a development token is asked for with POST', {
        http: { status: 405 },
      });
    }
    // JSON only: a cross-origin form cannot send it without a preflight, which CORS refuses.
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
      throw new DomainError('BAD_USER_INPUT', 'send the request as application/json', {
        http: { status: 415 },
      });
    }
    const input = parseInput(await readSmallBody(req));
    const [organisation] = await db.read<{ code: string; name: string }>(
      'SELECT code, name FROM organisations WHERE code = $1',
      [input.organisationCode],
      'dev-token-organisation',
    );
    if (!organisation) throw new NotFoundError('organisation', input.organisationCode);
    const token = await tokens.sign(
      {
        subject: `dev-${organisation.code.toLowerCase()}-${input.role.toLowerCase()}`,
        organisationCode: organisation.code,
        role: input.role,
      },
      TTL_SECONDS,
    );
    logger.info(`[auth] development token for ${input.role} of ${organisation.code}`);
    sendJson(
      res,
      200,
      JSON.stringify({
        token,
        expiresAt: new Date(Date.now() + TTL_SECONDS * 1000).toISOString(),
        organisationCode: organisation.code,
        organisationName: organisation.name,
        role: input.role,
      }),
    );
  } catch (err) {
    sendErrorJson(res, err, requestId, (e) => logger.error(`[auth] request ${requestId} failed`, e));
  }
}

function parseInput(raw: string): { organisationCode: string; role: Role } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new BadInputError('the body is not valid JSON');
  }
  const { organisationCode, role } = (body ?? {}) as Record<string, unknown>;
  if (typeof organisationCode !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(organisationCode))
    throw new BadInputError('organisationCode: an organisation code such as "BOM"', 'organisationCode');
  if (typeof role !== 'string' || !(Object.values(Role) as string[]).includes(role))
    throw new BadInputError(`role: one of ${Object.values(Role).join(', ')}`, 'role');
  return { organisationCode, role: role as Role };
}

function readSmallBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      size > MAX_BODY_BYTES
        ? reject(
            new DomainError('BAD_USER_INPUT', `the body is larger than ${MAX_BODY_BYTES} bytes`, {
              http: { status: 413 },
            }),
          )
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}
