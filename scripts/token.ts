/**
 * npm run token -- --org BOM --role EDITOR [--ttl 8h] [--sub alice]
 * Prints a bearer token the local server accepts; the last line of stdout is the token alone.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { TokenService } from '../server/infra/auth/tokens.js';
import { Role } from '../server/vocabulary.js';

const { values } = parseArgs({
  options: {
    org: { type: 'string' },
    role: { type: 'string', default: 'VIEWER' },
    ttl: { type: 'string', default: '8h' },
    sub: { type: 'string' },
  },
});

function seconds(ttl: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!m) throw new Error(`--ttl ${ttl}: use a number with s, m, h or d (e.g. 30m, 8h, 7d)`);
  return Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
}

const role = (values.role ?? '').toUpperCase();
if (!values.org || !(Object.values(Role) as string[]).includes(role)) {
  console.error(
    'usage: npm run token -- --org <ORGANISATION CODE> --role <ADMIN|EDITOR|VIEWER> [--ttl 8h] [--sub name]',
  );
  process.exit(2);
}
const config = loadConfig();
const tokens = TokenService.fromConfig(config, (line) => console.error(line));
const ttl = seconds(values.ttl!);
const token = await tokens.sign(
  {
    subject: values.sub ?? `${values.org.toLowerCase()}-${role.toLowerCase()}`,
    organisationCode: values.org,
    role: role as Role,
  },
  ttl,
);
console.error(
  `[token] ${role} of ${values.org}, valid ${values.ttl}; send it as: Authorization: Bearer <token>`,
);
console.log(token);
