/**
 * Hostile input for test/fuzz/hostile-input.test.ts: a seeded PRNG and, per category, a generator of one case -
 * an HTTP request, raw bytes for the TCP port, or a WebSocket session - together with what the server must
 * answer to it beyond the oracles every answer is held to (no 5xx, no stack trace, documented codes, < 2 s).
 * Everything here is synchronous and depends on the seed and the fixtures only, so a seed reproduces a run.
 */
import { createHmac } from 'node:crypto';

// --------------------------------------------------------------------------------------------------------
// The PRNG
// --------------------------------------------------------------------------------------------------------

/** xorshift32 (Marsaglia), seeded through a few rounds of mixing: small, fast, and reproducible everywhere. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0 || 0x2545f491;
    for (let i = 0; i < 16; i++) this.u32();
  }

  u32(): number {
    let x = this.state;
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    this.state = x;
    return x;
  }

  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** A size from min to max, a third of the time within 3 of either end: limits are where bugs live. */
  size(min: number, max: number): number {
    const r = this.float();
    const slack = Math.min(3, max - min);
    if (r < 0.15) return min + this.int(0, slack);
    if (r < 0.3) return max - this.int(0, slack);
    return this.int(min, max);
  }

  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  text(n: number, alphabet = ALNUM): string {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  /** An independent stream (for a case's own draws, so cases do not shift each other). */
  fork(): Rng {
    return new Rng(this.u32());
  }
}

const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const PRINTABLE = ALNUM + ' !#$%&()*+,-./:;<=>?@[]^_`{|}~';
const B64URL = ALNUM + '-_';

// --------------------------------------------------------------------------------------------------------
// What every answer is checked against
// --------------------------------------------------------------------------------------------------------

/**
 * The `extensions.code` values the documentation names: the backquoted codes of README.md's "Errors" section and
 * the code column of client-sdk/README.md's "Errors" table (read at run time, so the list is the documents').
 */
export function documentedCodes(readme: string, sdkReadme: string): Set<string> {
  const section = (text: string, heading: RegExp) => {
    const start = text.search(heading);
    if (start === -1) return '';
    const rest = text.slice(start + 1);
    const end = rest.search(/\n#{1,3} /);
    return end === -1 ? rest : rest.slice(0, end);
  };
  const codes = new Set<string>();
  for (const text of [section(readme, /\n### Errors\n/), section(sdkReadme, /\n## Errors\n/)]) {
    for (const match of text.matchAll(/`([A-Z][A-Z0-9_]{2,})`/g)) codes.add(match[1]!);
  }
  return codes;
}

/**
 * What a stack trace or an internal message looks like in an answer. The generators never put these words into
 * what they send, so an answer that echoes input cannot match by accident.
 */
export const LEAK_PATTERNS: readonly { name: string; re: RegExp }[] = [
  { name: 'stack frame', re: /(^|\n|\\n)\s*at [^\n]*(\(|:\d+:\d+)/ },
  { name: 'stack frame (indented)', re: /(\n|\\n) {4}at / },
  { name: 'source position', re: /\.(ts|js|mjs|cjs):\d+/ },
  { name: 'node_modules', re: /node_modules/ },
  { name: 'file path', re: /(?<![\w:/.~-])\/(home|root|usr|opt|srv|app|work|tmp|var)\/|file:\/\// },
  {
    name: 'JavaScript error',
    re: /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError|AggregateError)\b/,
  },
  {
    name: 'engine message',
    re: /Maximum call stack size|Cannot read propert|is not a function|undefined is not/,
  },
  {
    name: 'Node error code',
    re: /\bERR_[A-Z][A-Z_]{3,}\b|\bE(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|NOTFOUND)\b/,
  },
  { name: 'ORM/driver', re: /QueryFailedError|TypeORM|EntityNotFound|pg-pool|node-postgres|PostgreSQL/i },
  {
    name: 'SQL',
    re: /\bSELECT\s|\bINSERT INTO\b|\bDELETE FROM\b|\bUPDATE\s+"?\w+"?\s+SET\b|relation "|column "|syntax error at or near|violates \w+ (key )?constraint|duplicate key value/,
  },
];

export function leakIn(text: string): string | null {
  for (const { name, re } of LEAK_PATTERNS) {
    const match = re.exec(text);
    if (match) {
      const at = Math.max(0, match.index - 60);
      return `${name}: …${text.slice(at, match.index + 80)}…`;
    }
  }
  return null;
}

// --------------------------------------------------------------------------------------------------------
// Cases
// --------------------------------------------------------------------------------------------------------

/** What an HTTP answer must be beyond the global oracles. */
export interface HttpExpect {
  /** The status must be one of these. */
  status?: readonly number[];
  /** The body must hold errors, each with one of these codes. */
  codes?: readonly string[];
  /** `data[field]` must be null or absent: the operation did not succeed. */
  nullField?: string;
  /** The body must hold no errors. */
  noErrors?: boolean;
}

export interface HttpCase {
  kind: 'http';
  category: string;
  /** A short description for failure messages. */
  note: string;
  method: string;
  /** Path and search. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Sent with Transfer-Encoding: chunked (no Content-Length). */
  chunked?: boolean;
  expect?: HttpExpect;
}

/** Bytes written to the TCP port as they are (not necessarily HTTP), then half-closed. */
export interface RawCase {
  kind: 'raw';
  category: string;
  note: string;
  bytes: Buffer;
}

export interface WsStep {
  data: string | Buffer;
  /** Sent as a binary frame. */
  binary?: boolean;
  /** Counts as one hostile input (a connection_init that only sets the stage does not). */
  hostile: boolean;
  /** Wait for connection_ack (or a close) before the next step, as a client does before it subscribes. */
  awaitAck?: boolean;
  /** The subscription's terminal message (`error` or `complete`) must arrive within 2 s. */
  terminal?: string;
  /** A `pong` carrying `{ marker }` must arrive within 2 s. */
  pong?: string;
}

export interface WsCase {
  kind: 'ws';
  category: string;
  note: string;
  /** Subprotocols offered; graphql-transport-ws when absent, none when empty. */
  protocols?: string[];
  headers?: Record<string, string>;
  steps: WsStep[];
  /** The server must close with one of these codes; when absent the socket must stay open (a ping proves it). */
  close?: readonly number[];
  /** How long a designed close may take (the 3 s connection_init timeout); 2 s otherwise. */
  closeWithinMs?: number;
  /** The handshake must be refused with one of these HTTP statuses. */
  handshake?: readonly number[];
  /** At least this many errors with each code must arrive. */
  minCodes?: Record<string, number>;
}

/** Several sockets of one caller at once (per-caller limits). */
export interface WsGroupCase {
  kind: 'ws-group';
  category: string;
  note: string;
  sockets: WsCase[];
  minCodes?: Record<string, number>;
}

export type FuzzCase = HttpCase | RawCase | WsCase | WsGroupCase;

/** Hostile inputs in a case: one per HTTP request or raw write, one per hostile WebSocket frame. */
export function inputsOf(c: FuzzCase): number {
  if (c.kind === 'http' || c.kind === 'raw') return 1;
  if (c.kind === 'ws') return Math.max(1, c.steps.filter((s) => s.hostile).length);
  return c.sockets.reduce((n, s) => n + inputsOf(s), 0);
}

/** What the generators need of the running server: tokens, keys and ids of org A and of others. */
export interface Fixtures {
  /** JWT_SECRET of the server (HS256). */
  secret: string;
  /** Organisation A (the fuzzing caller's own). */
  orgA: { id: string; code: string };
  editorA: string;
  viewerA: string;
  /** API keys of A: READ, READ_WRITE, and one that was revoked. */
  keys: { readA: string; readWriteA: string; revoked: string };
  /** Organisations other than A. */
  others: { id: string; code: string }[];
  /** Initiatives A takes no part in: their ids, active participants, and whether A may see them at all. */
  foreign: { id: string; code: string; participantIds: string[]; hidden: boolean }[];
  foreignMilestones: { id: string; version: number }[];
  /** Partnerships between two organisations other than A. */
  foreignPartnerships: string[];
  /** An API key of another organisation (by id). */
  foreignApiKeyId: string;
}

// --------------------------------------------------------------------------------------------------------
// Vocabulary
// --------------------------------------------------------------------------------------------------------

const ORGANISATION_KINDS = [
  'ACADEMY',
  'ASSOCIATION',
  'CLUSTER_ORGANISATION',
  'COMPANY',
  'ECOSYSTEM_ORGANISATION',
  'INVESTMENT_INSTITUTION',
  'MINISTRY',
  'MUNICIPALITY',
  'NATIONAL_AGENCY',
  'OTHER',
  'PROVINCE',
  'PROVINCES_ASSOCIATION',
  'REGIONAL_ECONOMIC_AGENCY',
  'RESEARCH_FUNDER',
  'RESEARCH_INSTITUTE',
  'ROM',
  'ROM_NETWORK',
  'TKI',
  'TO2_FEDERATION',
  'TO2_INSTITUTE',
  'UNIVERSITY',
  'UNIVERSITY_OF_APPLIED_SCIENCES',
];
const PARTNERSHIP_KINDS = [
  'AGENCY_OF',
  'CAPITAL_PROVIDER_OF',
  'ESMEE_COMMUNITY',
  'FOUNDING_PARTNER_OF',
  'FUNDING',
  'KIC_LINK',
  'MEMBER_OF',
  'PART_OF',
  'ROM_COLLABORATION',
  'SHAREHOLDER_OF',
  'WORKS_WITH',
];
const THEMES = [
  'AGRI_FOOD',
  'CIRCULAR_ECONOMY',
  'CLIMATE_ENERGY',
  'DIGITAL_KEY_TECH',
  'ENERGY_SECURITY',
  'HEALTH',
  'SECURITY',
];
const PILLARS = ['NATIONAL_REGIONAL_CONNECTION', 'STRENGTHEN_BASE', 'THEMATIC_TRANSITIONS'];
const EDGE_KINDS = ['CO_PARTICIPATION', 'PARTNERSHIP'];
const OUTPUT_KINDS = ['CASE', 'DATASET', 'DECISION', 'OTHER', 'PUBLICATION', 'REPORT'];
const ACTIVITY_KINDS = [
  'CONFERENCE',
  'FIELD_VISIT',
  'LEARNING_SESSION',
  'OTHER',
  'PUBLICATION',
  'TRAINING',
  'WEBINAR',
  'WORKSHOP',
];
const PROVINCES = [
  'NL-DR',
  'NL-FL',
  'NL-FR',
  'NL-GE',
  'NL-GR',
  'NL-LI',
  'NL-NB',
  'NL-NH',
  'NL-OV',
  'NL-UT',
  'NL-ZE',
  'NL-ZH',
];
/** Names every plain object answers to: lookups in `{}` by a caller's string must not find them. */
const PROTO_NAMES = [
  'constructor',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
];

/** Reads any caller may make, for documents to wrap hostility around. */
const READS = [
  'viewer { role organisation { code } }',
  'organisation(code: "BOM") { id code name }',
  'organisations(first: 3) { totalCount nodes { code } }',
  'initiatives(first: 3) { totalCount nodes { code title } }',
  'taxonomy { themes { code } }',
  'events(first: 2) { totalCount }',
  '__typename',
];

/** One hop of six levels: organisation -> participations -> initiative -> participants -> organisation. */
const HOP_OPEN =
  'participations(first: 1) { nodes { initiative { participants(first: 1) { nodes { organisation { ';
const HOP_CLOSE = '} } } } } } ';

// --------------------------------------------------------------------------------------------------------
// Builders
// --------------------------------------------------------------------------------------------------------

/** A GraphQL request before it is put on a transport. */
export interface Doc {
  query: string;
  variables?: unknown;
  /** The variables as JSON text, for nesting deeper than JSON.stringify recurses. */
  variablesJson?: string;
  operationName?: string;
  /** Not a query: never sent by GET. */
  mutation?: boolean;
  /** A subscription: never sent by GET (405), nor among the WebSocket's bad documents (it would stay live). */
  subscription?: boolean;
  /** Expected status over HTTP POST. */
  status?: readonly number[];
  codes?: readonly string[];
  note: string;
}

const JSON_TYPE = { 'content-type': 'application/json' };

function jsonBody(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value));
}

/** The JSON text of a request body (or subscribe payload) for a document. */
export function payloadJson(
  doc: Pick<Doc, 'query' | 'variables' | 'variablesJson' | 'operationName'>,
): string {
  let text = `{"query":${JSON.stringify(doc.query)}`;
  if (doc.variablesJson !== undefined) text += `,"variables":${doc.variablesJson}`;
  else if (doc.variables !== undefined) text += `,"variables":${JSON.stringify(doc.variables)}`;
  if (doc.operationName !== undefined) text += `,"operationName":${JSON.stringify(doc.operationName)}`;
  return `${text}}`;
}

function post(category: string, doc: Doc, headers: Record<string, string> = {}): HttpCase {
  return {
    kind: 'http',
    category,
    note: doc.note,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE, ...headers },
    body: Buffer.from(payloadJson(doc)),
    expect: doc.status || doc.codes ? { status: doc.status, codes: doc.codes } : undefined,
  };
}

function getPath(doc: Doc): string {
  const params = new URLSearchParams({ query: doc.query });
  if (doc.variablesJson !== undefined) params.set('variables', doc.variablesJson);
  else if (doc.variables !== undefined) params.set('variables', JSON.stringify(doc.variables));
  if (doc.operationName !== undefined) params.set('operationName', doc.operationName);
  return `/graphql?${params}`;
}

/** POST, or GET (with the CSRF preflight header) for a query whose URL stays well under Node's header limit. */
function overHttp(rng: Rng, category: string, doc: Doc, headers: Record<string, string> = {}): HttpCase {
  if (!doc.mutation && !doc.subscription && rng.chance(0.2)) {
    const path = getPath(doc);
    if (path.length < 12_000) {
      return {
        kind: 'http',
        category,
        note: `GET ${doc.note}`,
        method: 'GET',
        path,
        headers: { 'apollo-require-preflight': 'true', ...headers },
        expect: doc.status || doc.codes ? { status: doc.status, codes: doc.codes } : undefined,
      };
    }
  }
  return post(category, doc, headers);
}

function b64url(value: unknown): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

/** A JWT over any header and claims, signed with HMAC (`hash` sha256/384/512) or not at all. */
export function jwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  secret: string | null,
  hash: 'sha256' | 'sha384' | 'sha512' = 'sha256',
): string {
  const head = `${b64url(header)}.${b64url(claims)}`;
  if (secret === null) return `${head}.`;
  return `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}

/** A base64url character with its top bit flipped: a different 6-bit value at any position but the last. */
function flipChar(c: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(c) ^ 0x20] ?? 'A';
}

/** `token` with one character of its signature changed (never the last, whose low bits are padding). */
function alterSignature(rng: Rng, token: string): string {
  const at = rng.int(token.lastIndexOf('.') + 1, token.length - 2);
  return token.slice(0, at) + flipChar(token[at]!) + token.slice(at + 1);
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function claimsFor(rng: Rng): Record<string, unknown> {
  return {
    sub: `fuzz-${rng.text(6)}`,
    org: rng.pick(['BOM', 'ROMNL', 'LIOF', 'OOSTNL']),
    role: rng.pick(['ADMIN', 'EDITOR', 'VIEWER']),
    iss: 'romgraph',
    iat: nowSeconds() - 60,
    exp: nowSeconds() + 3600,
  };
}

/** One of the hostile strings a JSON value may hold. */
function weirdString(rng: Rng): string {
  return rng.pick([
    '',
    ' ',
    '0',
    '-1',
    '1e400',
    'true',
    'null',
    'undefined',
    'NaN',
    '{}',
    '[]',
    '\u0000',
    'B\u0000OM',
    '\uFEFF',
    '\uD800',
    '\uDFFF\uD800',
    '😀'.repeat(rng.int(1, 40)),
    'é'.repeat(rng.int(1, 40)),
    '\u202Egnp.exe',
    '%00%ff',
    '\\u0000',
    '${jndi:ldap://127.0.0.1/a}',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    rng.pick(PROTO_NAMES),
    rng.text(rng.int(1, 300), PRINTABLE),
  ]);
}

/** A JSON value of any type, occasionally nested. */
function weirdValue(rng: Rng, depth = 0): unknown {
  const r = rng.int(0, depth > 2 ? 8 : 12);
  switch (r) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -0, 1, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e-308, 0.1]);
    case 3:
    case 4:
    case 5:
      return weirdString(rng);
    case 6:
      return rng.int(-5, 3000);
    case 7:
      return rng.pick(['ROM', 'HEALTH', 'BOM', '2024-01-01', '2024-02-30', 'NL-NB', 'YWJj']);
    case 8:
      return [];
    case 9:
    case 10:
      return Array.from({ length: rng.int(1, 4) }, () => weirdValue(rng, depth + 1));
    default: {
      const out: Record<string, unknown> = {};
      for (let i = rng.int(0, 3); i > 0; i--) {
        const key = rng.chance(0.3) ? rng.pick(PROTO_NAMES) : rng.text(rng.int(1, 8), LOWER);
        // defineProperty: `out.__proto__ = v` would set the prototype, not a key JSON.stringify writes.
        Object.defineProperty(out, key, {
          value: weirdValue(rng, depth + 1),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}

function identifier(rng: Rng, max = 20): string {
  return rng.pick(['_', ...LOWER]) + rng.text(rng.int(0, max), ALNUM + '_');
}

// --------------------------------------------------------------------------------------------------------
// Documents (shared by HTTP and WebSocket)
// --------------------------------------------------------------------------------------------------------

export function deepDoc(rng: Rng): Doc {
  switch (rng.int(0, 7)) {
    case 0: {
      const hops = rng.size(2, 700);
      const query = `{ organisations(first: 1) { nodes { ${HOP_OPEN.repeat(hops)}code ${HOP_CLOSE.repeat(hops)}} } }`;
      return { query, status: [400], note: `selections ${hops * 6 + 2} deep` };
    }
    case 1: {
      const n = rng.size(2, 5200);
      return {
        query: `{ organisation(code: ${'['.repeat(n)}"BOM"${']'.repeat(n)}) { code } }`,
        status: [400],
        note: `list literal ${n} deep`,
      };
    }
    case 2: {
      const n = rng.size(2, 3400);
      return {
        query: `{ organisations(filter: ${'{ search: '.repeat(n)}"x"${' }'.repeat(n)}) { totalCount } }`,
        status: [400],
        note: `object literal ${n} deep`,
      };
    }
    case 3: {
      const n = rng.size(2, 45_000);
      return {
        query: 'query ($v: [String!]) { organisations(filter: { provinces: $v }) { totalCount } }',
        variablesJson: `{"v":${'['.repeat(n)}${']'.repeat(n)}}`,
        status: [400],
        codes: ['BAD_USER_INPUT'],
        note: `list variable ${n} deep`,
      };
    }
    case 4: {
      const n = rng.size(2, 9000);
      return {
        query: 'query ($f: OrganisationFilter) { organisations(filter: $f) { totalCount } }',
        variablesJson: `{"f":${'{"search":'.repeat(n)}"x"${'}'.repeat(n)}}`,
        status: [400],
        codes: ['BAD_USER_INPUT'],
        note: `object variable ${n} deep`,
      };
    }
    case 5: {
      const n = rng.size(2, 2600);
      return {
        query: `{ ${'... on Query { '.repeat(n)}__typename ${'} '.repeat(n)}}`,
        status: [200, 400],
        note: `inline fragments ${n} deep`,
      };
    }
    case 6: {
      const k = rng.size(3, 60);
      let query = '{ organisations(first: 1) { nodes { ...F0 } } }\n';
      for (let i = 0; i < k; i++) {
        const inner = i < k - 1 ? `...F${i + 1}` : 'code';
        query += `fragment F${i} on Organisation { ${HOP_OPEN}${inner} ${HOP_CLOSE}}\n`;
      }
      return { query, status: [400], note: `fragment chain ${k} hops` };
    }
    default: {
      const unit = rng.pick(['{', '[', '(', '{ a', '... on Query {', '{ viewer {']);
      const n = rng.size(1, Math.floor(95_000 / unit.length));
      return { query: unit.repeat(n), status: [400], note: `${n} x "${unit}" unclosed` };
    }
  }
}

export function aliasDoc(rng: Rng): Doc {
  const n = rng.size(31, 3300);
  switch (rng.int(0, 3)) {
    case 0: {
      const target = rng.pick(READS);
      const count = Math.min(n, Math.floor(95_000 / (target.length + 8)));
      const fields = Array.from({ length: count }, (_, i) => `a${i}: ${target}`).join(' ');
      return {
        query: `{ ${fields} }`,
        status: [400],
        note: `${count} aliases of ${target.split('(')[0]!.split(' ')[0]}`,
      };
    }
    case 1: {
      const fields = Array.from({ length: n }, (_, i) => `a${i}: code`).join(' ');
      return {
        query: `{ organisations(first: 1) { nodes { ${fields} } } }`,
        status: [400],
        note: `${n} nested aliases`,
      };
    }
    case 2: {
      // One response key for different fields: a conflict the overlap rule must report, n times over.
      const fields = Array.from({ length: n }, (_, i) => `x: ${i % 2 ? 'code' : 'name'}`).join(' ');
      return {
        query: `{ organisations(first: 1) { nodes { ${fields} } } }`,
        status: [400],
        note: `${n} conflicting aliases`,
      };
    }
    default: {
      const per = Math.ceil(n / 10);
      let query = `{ ${Array.from({ length: 10 }, (_, f) => `...A${f}`).join(' ')} }\n`;
      for (let f = 0; f < 10; f++) {
        query += `fragment A${f} on Query { ${Array.from({ length: per }, (_, i) => `f${f}a${i}: __typename`).join(' ')} }\n`;
      }
      return { query, status: [400], note: `${per * 10} aliases in fragments` };
    }
  }
}

const VALID_DIRECTIVES = ['@include(if: true)', '@skip(if: false)', '@include(if: false)', '@skip(if: true)'];
const BAD_DIRECTIVES = [
  '@fuzz',
  '@deprecated',
  '@specifiedBy(url: "x")',
  '@include',
  '@skip(if: "yes")',
  '@include(if: $undefinedVariable)',
  '@oneOf',
  '@defer',
  '@stream(initialCount: 1)',
  '@client',
  '@export(as: "x")',
  '@cacheControl(maxAge: 5)',
  '@auth(requires: ADMIN)',
  '@include(if: true, if: false)',
  '@skip(if: null)',
  '@include(if: 1)',
];

export function directiveDoc(rng: Rng): Doc {
  const n = rng.size(2, 2400);
  const list = Array.from({ length: n }, () =>
    rng.chance(0.5) ? rng.pick(VALID_DIRECTIVES) : rng.pick(BAD_DIRECTIVES),
  );
  // At least one that makes the document invalid, wherever it lands.
  list[rng.int(0, n - 1)] = rng.chance(0.5) ? rng.pick(BAD_DIRECTIVES) : list[0]!;
  if (new Set(list).size === list.length) list.push(list[0]!);
  const directives = list.join(' ');
  switch (rng.int(0, 4)) {
    case 0:
      return {
        query: `{ viewer ${directives} { role } }`,
        status: [400],
        note: `${n} directives on a field`,
      };
    case 1:
      return { query: `query Q ${directives} { __typename }`, status: [400], note: `${n} on the operation` };
    case 2:
      return {
        query: `{ ...F ${directives} }\nfragment F on Query { __typename }`,
        status: [400],
        note: `${n} on a spread`,
      };
    case 3:
      return {
        query: `{ ... on Query ${directives} { __typename } }`,
        status: [400],
        note: `${n} on an inline fragment`,
      };
    default:
      return {
        query: `query ($v: Boolean ${directives}) { viewer @include(if: $v) { role } }`,
        variables: { v: true },
        status: [400],
        note: `${n} on a variable definition`,
      };
  }
}

export function fragmentDoc(rng: Rng): Doc {
  switch (rng.int(0, 6)) {
    case 0: {
      const levels = rng.size(3, 45);
      const fan = rng.int(2, 4);
      let query = '{ ...B0 }\n';
      for (let i = 0; i < levels; i++) {
        const next = i < levels - 1 ? `...B${i + 1} `.repeat(fan) : '';
        query += `fragment B${i} on Query { ${next}viewer { role } }\n`;
      }
      return { query, status: [200, 400], note: `fragment bomb ${fan}^${levels}` };
    }
    case 1: {
      const length = rng.size(1, 60);
      let query = '{ ...C0 }\n';
      for (let i = 0; i < length; i++) {
        query += `fragment C${i} on Query { __typename ...C${(i + 1) % length} }\n`;
      }
      return { query, status: [400], codes: ['GRAPHQL_VALIDATION_FAILED'], note: `cycle of ${length}` };
    }
    case 2: {
      // Spreads in one selection set are compared pairwise: past ~141 (20,000 comparisons) they are refused.
      const n = rng.size(150, 1500);
      const defs = Array.from({ length: n }, (_, i) => `fragment G${i} on Query { viewer { role } }`);
      const spreads = Array.from({ length: n }, (_, i) => `...G${i}`).join(' ');
      return { query: `{ ${spreads} }\n${defs.join('\n')}`, status: [400], note: `${n} fragments spread` };
    }
    case 3: {
      const on = rng.pick([
        'Organisation',
        'Nope',
        'String',
        'Mutation',
        'Subscription',
        'Boolean',
        '__Schema',
      ]);
      return {
        query: `{ ...W }\nfragment W on ${on} { __typename }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: `fragment on ${on} at the root`,
      };
    }
    case 4:
      return {
        query: `{ ...${identifier(rng)} }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: 'unknown fragment',
      };
    case 5: {
      const n = rng.size(1, 800);
      const defs = Array.from({ length: n }, (_, i) => `fragment U${i} on Query { __typename }`).join('\n');
      return {
        query: `{ __typename }\n${defs}`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: `${n} unused fragments`,
      };
    }
    default: {
      const n = rng.size(2, 400);
      const defs = Array.from({ length: n }, () => `fragment D on Query { __typename }`).join('\n');
      return {
        query: `{ ...D }\n${defs}`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: `fragment defined ${n} times`,
      };
    }
  }
}

/** A string of `n` UTF-16 units of one hostile kind. */
function longString(rng: Rng, n: number): string {
  switch (rng.int(0, 4)) {
    case 0:
      return 'x'.repeat(n);
    case 1:
      return rng.text(n, PRINTABLE.replace(/[\\"]/g, ''));
    case 2:
      return '😀'.repeat(Math.ceil(n / 2));
    case 3:
      return 'é'.repeat(n);
    default:
      return ('ab\u0000' + 'x'.repeat(10)).repeat(Math.ceil(n / 13)).slice(0, n);
  }
}

export function hugeStringDoc(rng: Rng, max = 95_000): Doc {
  switch (rng.int(0, 6)) {
    case 0: {
      const n = rng.size(10_001, max);
      return {
        query: `{ organisation(code: "${'x'.repeat(n)}") { id } }`,
        status: [400],
        codes: ['BAD_USER_INPUT'],
        note: `literal of ${n}`,
      };
    }
    case 1: {
      const n = rng.size(10_001, Math.floor(max / 2));
      const value = longString(rng, n);
      const which = rng.pick([
        'query ($s: String) { organisations(filter: { search: $s }) { totalCount } }',
        'query ($s: String) { initiative(code: $s) { id } }',
        'query ($s: String) { events(after: $s) { totalCount } }',
        'query ($s: [String!]) { organisations(filter: { provinces: $s }) { totalCount } }',
      ]);
      return {
        query: which,
        variables: { s: which.includes('[String!]') ? [value] : value },
        status: [400],
        codes: ['BAD_USER_INPUT'],
        note: `variable of ${n}`,
      };
    }
    case 2: {
      const n = rng.size(65, 10_000);
      return {
        query: 'query ($c: String) { organisation(code: $c) { id } }',
        variables: { c: rng.chance(0.5) ? 'B'.repeat(n) : longString(rng, n) },
        status: [200, 400],
        codes: ['BAD_USER_INPUT'],
        note: `code of ${n}`,
      };
    }
    case 3: {
      const n = rng.size(10_001, max);
      return {
        query: `{ organisations(filter: { search: """${'y'.repeat(n)}""" }) { totalCount } }`,
        status: [400],
        codes: ['BAD_USER_INPUT'],
        note: `block string of ${n}`,
      };
    }
    case 4: {
      const n = rng.size(1000, Math.min(max, 60_000));
      const name = identifier(rng, 0) + 'q'.repeat(n);
      return {
        query: rng.pick([
          `{ ${name} }`,
          `{ viewer(${name}: 1) { role } }`,
          `query ($${name}: Int) { __typename }`,
        ]),
        status: [400],
        note: `name of ${n}`,
      };
    }
    case 5:
      return {
        query: `{ organisation(code: "${rng.pick(['\\uD800', '\\uDFFF', '\\u{110000}', '\\u{D800}', '\\x41', '\\uZZZZ', '\\', '\n'])}") { id } }`,
        status: [400],
        codes: ['GRAPHQL_PARSE_FAILED'],
        note: 'bad escape or control character in a literal',
      };
    default: {
      const n = rng.size(5000, Math.floor(max / 7));
      return {
        query: 'query ($s: String) { organisations(filter: { search: $s }) { totalCount } }',
        variables: { s: '\uD83D'.repeat(n) },
        status: [200, 400],
        note: `${n} lone surrogates`,
      };
    }
  }
}

export function hugeListDoc(rng: Rng): Doc {
  const literal = rng.chance(0.35);
  const n = literal ? rng.size(1000, 9000) : rng.size(1000, 15_000);
  const targets = [
    { decl: '[Int!]!', use: (v: string) => `evaluationIndicators(years: ${v}) { year }`, item: () => 2024 },
    {
      decl: '[OrganisationKind!]',
      use: (v: string) => `organisations(filter: { kinds: ${v} }) { totalCount }`,
      item: () => rng.pick(ORGANISATION_KINDS),
      enumValue: true,
    },
    {
      decl: '[String!]',
      use: (v: string) => `organisations(filter: { provinces: ${v} }) { totalCount }`,
      item: () => rng.pick(PROVINCES),
    },
    {
      decl: '[String!]',
      use: (v: string) => `initiatives(filter: { markets: ${v} }) { totalCount }`,
      item: () => rng.pick(['JP', 'DE', 'US', 'ZZ']),
    },
    {
      decl: '[ID!]',
      use: (v: string) => `events(filter: { initiativeIds: ${v} }) { totalCount }`,
      item: () => b64url(`Initiative:${rng.int(1, 99999)}`),
    },
    {
      decl: '[Theme!]',
      use: (v: string) => `networkSummary(filter: { themes: ${v} }) { __typename }`,
      item: () => rng.pick(THEMES),
      enumValue: true,
    },
    {
      decl: '[String!]',
      use: (v: string) => `markets(markets: ${v}) { __typename }`,
      item: () => rng.pick(['JP', 'DE', 'XX', '']),
    },
  ];
  const target = rng.pick(targets);
  const items: unknown[] = Array.from({ length: n }, () => target.item());
  // Under the body limit (the limit has a category of its own).
  while (JSON.stringify(items).length > 92_000) items.length = Math.floor(items.length * 0.8);
  if (literal) {
    const text = `[${items.map((i) => (typeof i === 'number' || target.enumValue ? String(i) : JSON.stringify(i))).join(' ')}]`;
    return { query: `{ ${target.use(text)} }`, status: [200, 400], note: `literal list of ${items.length}` };
  }
  return {
    query: `query ($v: ${target.decl}) { ${target.use('$v')} }`,
    variables: { v: items },
    status: [200, 400],
    note: `variable list of ${items.length}`,
  };
}

const TYPED_OPERATIONS: { query: string; variable: string; mutation?: boolean }[] = [
  { query: 'query ($v: String) { organisation(code: $v) { id } }', variable: 'v' },
  { query: 'query ($v: Int) { initiatives(first: $v) { totalCount } }', variable: 'v' },
  { query: 'query ($v: OrganisationFilter) { organisations(filter: $v) { totalCount } }', variable: 'v' },
  { query: 'query ($v: [Int!]!) { evaluationIndicators(years: $v) { year } }', variable: 'v' },
  { query: 'query ($v: Date) { networkSummary(filter: { asOf: $v }) { __typename } }', variable: 'v' },
  { query: 'query ($v: ID!) { node(id: $v) { id } }', variable: 'v' },
  { query: 'query ($v: OrganisationKind!) { collaborationMatrix(kind: $v) { __typename } }', variable: 'v' },
  {
    query: 'query ($v: Boolean) { partnershipGraph(filter: { isolated: $v }) { __typename } }',
    variable: 'v',
  },
  { query: 'query ($v: [Theme!]) { initiatives(filter: { themes: $v }) { totalCount } }', variable: 'v' },
  { query: 'query ($v: String, $n: Int) { events(after: $v, first: $n) { totalCount } }', variable: 'v' },
  { query: 'query ($v: EventFilter) { events(filter: $v) { totalCount } }', variable: 'v' },
  { query: 'query ($v: GraphFilter) { partnershipGraph(filter: $v) { __typename } }', variable: 'v' },
  { query: 'query ($v: SummaryFilter) { networkSummary(filter: $v) { __typename } }', variable: 'v' },
  {
    query: 'query ($v: ID!, $d: Int!) { neighbourhood(organisationId: $v, depth: $d) { __typename } }',
    variable: 'd',
  },
  {
    query: 'mutation ($v: AddMilestoneInput!) { addMilestone(input: $v) { id } }',
    variable: 'v',
    mutation: true,
  },
  {
    query: 'mutation ($v: CreateApiKeyInput!) { createApiKey(input: $v) { key } }',
    variable: 'v',
    mutation: true,
  },
];

export function wrongTypeDoc(rng: Rng): Doc {
  const op = rng.pick(TYPED_OPERATIONS);
  switch (rng.int(0, 5)) {
    case 0:
      return {
        query: op.query,
        variables: {},
        mutation: op.mutation,
        status: [200, 400],
        note: 'no variables',
      };
    case 1:
      return {
        query: op.query,
        variables: weirdValue(rng),
        mutation: op.mutation,
        status: [200, 400],
        note: 'variables not an object',
      };
    case 2: {
      const variables: Record<string, unknown> = { [op.variable]: weirdValue(rng) };
      for (let i = rng.int(0, 3); i > 0; i--) variables[identifier(rng, 5)] = weirdValue(rng);
      return {
        query: op.query,
        variables,
        mutation: op.mutation,
        status: [200, 400],
        note: 'wrong-typed value',
      };
    }
    case 3: {
      const type = rng.pick(['Nope', 'String!!', '[[Int]', 'Query', 'Organisation', 'Int = "x"', 'Date = 5']);
      return {
        query: `query ($v: ${type}) { __typename }`,
        variables: { v: weirdValue(rng) },
        status: [400],
        note: `variable of type ${type}`,
      };
    }
    case 4:
      return {
        query: 'query ($v: String) { initiatives(first: $v) { totalCount } }',
        variables: { v: weirdValue(rng) },
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: 'variable in a position of another type',
      };
    default: {
      const value = rng.pick([
        'Int = "ten"',
        'Int = 1.5',
        'Int = 99999999999',
        'Float = "x"',
        'Boolean = 0',
        'String = 5',
        'ID = true',
        '[Int] = [[1]]',
        'OrganisationKind = "ROM"',
      ]);
      return {
        query: `query ($v: ${value}) { __typename }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: `default ${value}`,
      };
    }
  }
}

export function unknownDoc(rng: Rng): Doc {
  switch (rng.int(0, 6)) {
    case 0:
      return {
        query: `{ ${identifier(rng)} }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: 'unknown field',
      };
    case 1:
      return {
        query: `{ organisation(code: "BOM") { ${identifier(rng)} } }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: 'unknown nested field',
      };
    case 2:
      return {
        query: `{ initiatives(${identifier(rng)}: ${rng.pick(['1', '"x"', 'true', 'null', '[1]', '{a: 1}', 'ROM'])}) { totalCount } }`,
        status: [400],
        codes: ['GRAPHQL_VALIDATION_FAILED'],
        note: 'unknown argument',
      };
    case 3:
      return {
        query: rng.pick([
          '{ __schema { types { name } } }',
          '{ __type(name: "Query") { fields { name } } }',
          '{ viewer { __type(name: "Viewer") { name } } }',
        ]),
        // On in production too since docs/decisions/0014; refused when INTROSPECTION=false.
        status: [200, 400],
        note: 'introspection',
      };
    case 4: {
      const query = rng.pick([
        '{ viewer }',
        '{ viewer { role { code } } }',
        '{ organisations { nodes } }',
        '{ organisation(code: "BOM", code: "LIOF") { code } }',
        '{ initiatives(first: "ten") { totalCount } }',
        '{ collaborationMatrix(kind: NOPE) { __typename } }',
        '{ organisation(code: BOM) { code } }',
        '{ node { id } }',
        '{ evaluationIndicators { year } }',
        'subscription { events { cursor } }',
      ]);
      return { query, status: [400], subscription: query.startsWith('subscription'), note: 'misused field' };
    }
    case 5: {
      const first = rng.pick([0, -1, 101, 2147483647, -2147483648, 1000]);
      return {
        query: `{ initiatives(first: ${first}) { totalCount } }`,
        status: [200, 400],
        codes: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
        note: `first: ${first}`,
      };
    }
    default: {
      const name = identifier(rng);
      return rng.chance(0.5)
        ? {
            query: `query A { __typename }`,
            operationName: name,
            status: [400],
            note: 'unknown operationName',
          }
        : {
            query: `query A { __typename } query B { __typename }`,
            status: [400],
            note: 'two operations, no name',
          };
    }
  }
}

// --------------------------------------------------------------------------------------------------------
// HTTP categories
// --------------------------------------------------------------------------------------------------------

function docCategory(category: string, make: (rng: Rng) => Doc): (rng: Rng) => FuzzCase {
  return (rng) => overHttp(rng, category, make(rng));
}

const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xfe],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xed, 0xbf, 0xbf],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
  [0xbf],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0xc3, 0x28],
  [0xa0, 0xa1],
  [0xef, 0xbb, 0xbf],
  [0x00],
  [0x1b],
];

/** Sequences that are invalid UTF-8 and decode to U+FFFD (no NUL, ESC or BOM, which mean something of their own). */
const INVALID_UTF8 = BAD_UTF8.filter((b) => b[0] !== 0x00 && b[0] !== 0x1b && b[0] !== 0xef);

function invalidUtf8(rng: Rng): FuzzCase {
  const base = rng.pick([
    '{"query":"{ organisation(code: \\"BOM\\") { code } }"}',
    '{"query":"query ($s: String) { organisations(filter: { search: $s }) { totalCount } }","variables":{"s":"abc"}}',
    '{"query":"{ viewer { role } }","operationName":null}',
    '{"query":"query Q { __typename }","operationName":"Q","extensions":{"k":"v"}}',
  ]);
  const bytes = Buffer.from(base);
  const parts: Buffer[] = [];
  let note: string;
  switch (rng.int(0, 3)) {
    case 0: {
      // Bad sequences at random places (inside strings, keys, or between tokens).
      const k = rng.int(1, 6);
      const cuts = Array.from({ length: k }, () => rng.int(0, bytes.length)).sort((a, b) => a - b);
      let last = 0;
      for (const cut of cuts) {
        parts.push(bytes.subarray(last, cut), Buffer.from(rng.pick(BAD_UTF8)));
        last = cut;
      }
      parts.push(bytes.subarray(last));
      note = `${k} bad sequences`;
      break;
    }
    case 1: {
      // Bad sequences inside the string values only: valid JSON framing, invalid text.
      const text = base.replace(/abc|BOM|role|__typename|"v"/, '\u0001');
      const [before, after] = text.split('\u0001');
      parts.push(Buffer.from(before ?? ''));
      for (let i = rng.int(1, 200); i > 0; i--) parts.push(Buffer.from(rng.pick(BAD_UTF8)));
      parts.push(Buffer.from(after ?? ''));
      note = 'bad sequences inside a string';
      break;
    }
    case 2:
      parts.push(Buffer.from(base, rng.pick(['utf16le', 'latin1', 'ucs2'] as const)));
      note = 'body in another encoding';
      break;
    default:
      parts.push(Buffer.from(rng.pick(BAD_UTF8)), bytes);
      note = 'bad sequence before the JSON';
  }
  return {
    kind: 'http',
    category: 'invalid-utf8',
    note,
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': rng.pick([
        'application/json',
        'application/json; charset=utf-8',
        'application/json; charset=utf-16',
      ]),
    },
    body: Buffer.concat(parts),
    expect: { status: [200, 400] },
  };
}

function batched(rng: Rng): FuzzCase {
  const n = rng.size(0, 100);
  const ops = Array.from({ length: n }, () =>
    rng.pick<unknown>([
      { query: '{ __typename }' },
      { query: rng.pick(READS).replace(/^/, '{ ') + ' }' },
      { query: 'mutation { revokeApiKey(id: "x") }' },
      weirdValue(rng),
      [{ query: '{ __typename }' }],
    ]),
  );
  return {
    kind: 'http',
    category: 'batched-json',
    note: `array of ${n}`,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE },
    body: jsonBody(ops),
    expect: { status: [400], codes: ['BAD_REQUEST'] },
  };
}

const CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'multipart/form-data',
  'multipart/form-data; boundary=fuzz',
  'application/x-www-form-urlencoded',
  'application/graphql',
  'application/graphql; charset=utf-8',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=UTF-8',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=bogus',
  'application/json;charset=utf-8;;;',
  'APPLICATION/JSON',
  'application/graphql-response+json',
  'application/json-seq',
  'application/jsonp',
  'text/json',
  'text/html',
  'application/xml',
  'application/octet-stream',
  '*/*',
  '',
  ' ',
  ';',
  'application/',
  '/json',
  'application/json, text/plain',
  'multipart/mixed; boundary="a"',
  'application/json; boundary=x; charset="utf-8"',
];

function contentTypes(rng: Rng): FuzzCase {
  const type = rng.chance(0.05) ? 'application/' + 'j'.repeat(rng.int(100, 4000)) : rng.pick(CONTENT_TYPES);
  const query = '{ ' + rng.pick(READS) + ' }';
  const body = rng.pick([
    () => jsonBody({ query }),
    () => Buffer.from(`query=${encodeURIComponent(query)}`),
    () => Buffer.from(query),
    () =>
      Buffer.from(
        `--fuzz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query })}\r\n--fuzz--\r\n`,
      ),
    () => Buffer.alloc(0),
  ])();
  const headers: Record<string, string> = {};
  if (rng.chance(0.85)) headers['content-type'] = type;
  if (rng.chance(0.4)) headers[rng.pick(['apollo-require-preflight', 'x-apollo-operation-name'])] = 'fuzz';
  if (rng.chance(0.3))
    headers.accept = rng.pick([
      'application/graphql-response+json',
      'text/html',
      'application/xml',
      '*/*;q=0',
      'application/json;q=0',
      '',
    ]);
  return {
    kind: 'http',
    category: 'content-types',
    note: `${JSON.stringify(type.slice(0, 60))}, ${body.length} bytes`,
    method: 'POST',
    path: '/graphql',
    headers,
    body,
    expect: { status: [200, 400, 406, 415] },
  };
}

const LIMIT = 100_000;

function bodySize(rng: Rng): FuzzCase {
  const above = rng.chance(0.5);
  const size = above ? rng.size(LIMIT + 1, 400_000) : rng.size(90_000, LIMIT);
  const skeleton = JSON.stringify({ query: '{ __typename }', extensions: { pad: '' } });
  const body = Buffer.from(skeleton.replace('"pad":""', `"pad":"${'p'.repeat(size - skeleton.length)}"`));
  const chunked = rng.chance(0.3);
  return {
    kind: 'http',
    category: 'body-size',
    note: `${body.length} bytes${chunked ? ', chunked' : ''}`,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE },
    body,
    chunked,
    expect: above ? { status: [413], codes: ['BAD_REQUEST'] } : { status: [200], noErrors: true },
  };
}

function malformedJson(rng: Rng): FuzzCase {
  const base = JSON.stringify({
    query: 'query ($c: String) { organisation(code: $c) { code } }',
    variables: { c: 'BOM' },
  });
  let text: string;
  let note: string;
  switch (rng.int(0, 11)) {
    case 0:
      text = base.slice(0, rng.int(0, base.length - 1));
      note = 'truncated';
      break;
    case 1: {
      const at = rng.int(0, base.length);
      text =
        base.slice(0, at) +
        rng.pick(['{', '}', '[', ']', ',', ':', '"', '\\', "'", 'x', '\u0001']) +
        base.slice(at);
      note = 'a character inserted';
      break;
    }
    case 2: {
      const at = rng.int(0, base.length - 1);
      text = base.slice(0, at) + base.slice(at + 1);
      note = 'a character removed';
      break;
    }
    case 3:
      text = base.replace(/"/g, "'");
      note = 'single quotes';
      break;
    case 4:
      text = base.replace(/}$/, ',}').replace('"BOM"', '"BOM",');
      note = 'trailing commas';
      break;
    case 5:
      text = `/* ${rng.text(10)} */${base}//x`;
      note = 'comments';
      break;
    case 6:
      text = base.replace(
        '"BOM"',
        rng.pick(['NaN', 'Infinity', '-Infinity', 'undefined', '1e999999', '-', '01', '0x10', '.5']),
      );
      note = 'not a JSON number';
      break;
    case 7:
      text = `{"query":"{ __typename }","query":"{ viewer { role } }","variables":{"c":1},"variables":{}}`;
      note = 'duplicate keys';
      break;
    case 8: {
      const unit = rng.pick(['[', '{"a":', '{"query":[']);
      const n = rng.size(1, Math.floor(95_000 / unit.length));
      text = unit.repeat(n);
      note = `${n} unclosed openings`;
      break;
    }
    case 9:
      text = JSON.stringify({
        documentId: rng.pick<unknown>([
          'sha256:' + 'b'.repeat(64),
          'c'.repeat(64),
          'sha256:',
          5,
          {},
          [],
          null,
          rng.pick(PROTO_NAMES),
        ]),
        ...(rng.chance(0.3) ? { variables: {} } : {}),
      });
      note = 'documentId not registered or malformed';
      break;
    case 10:
      text = JSON.stringify({
        extensions: { persistedQuery: { version: 1, sha256Hash: rng.text(64, '0123456789abcdef') } },
      });
      note = 'persisted query hash without the query';
      break;
    default:
      text = rng.pick([
        '',
        ' ',
        '\n',
        'null',
        'true',
        '0',
        '""',
        '{}',
        '{"query":null}',
        '{"query":{}}',
        '{"query":[]}',
        '\uFEFF' + base,
      ]);
      note = `body ${JSON.stringify(text.slice(0, 20))}`;
  }
  return {
    kind: 'http',
    category: 'malformed-json',
    note,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_TYPE },
    body: Buffer.from(text),
    expect: { status: [200, 400] },
  };
}

/** A request that carries `authorization` and must be refused with 401 UNAUTHENTICATED, whatever else it is. */
function refusedCredentials(rng: Rng, category: string, authorization: string, note: string): HttpCase {
  const expect: HttpExpect = { status: [401], codes: ['UNAUTHENTICATED'] };
  const query = rng.pick([
    '{ viewer { role } }',
    '{ organisations(first: 1) { totalCount } }',
    // An API key that does not exist: should a forged token ever pass, it changes nothing the run relies on.
    `mutation { revokeApiKey(id: "${b64url('ApiKey:2000000000')}") }`,
  ]);
  switch (rng.int(0, 5)) {
    case 0:
      return {
        kind: 'http',
        category,
        note: `GET ${note}`,
        method: 'GET',
        path: `/graphql?${new URLSearchParams({ query: '{ viewer { role } }' })}`,
        headers: { authorization, 'apollo-require-preflight': 'true' },
        expect,
      };
    case 1:
      return {
        kind: 'http',
        category,
        note: `export ${note}`,
        method: 'GET',
        path: `/export/graph?format=${rng.pick(['json', 'graphml', 'gexf', 'csv'])}&metrics=false`,
        headers: { authorization },
        expect,
      };
    default:
      return { ...post(category, { query, note }, { authorization }), expect };
  }
}

function forgedJwt(rng: Rng, fx: Fixtures): FuzzCase {
  const claims = claimsFor(rng);
  let token: string;
  let note: string;
  switch (rng.int(0, 11)) {
    case 0:
      token = jwt({ alg: 'HS256', typ: 'JWT' }, claims, rng.text(rng.int(1, 64)));
      note = 'signed with another secret';
      break;
    case 1: {
      const good = jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, role: 'VIEWER' }, fx.secret);
      const [head, , sig] = good.split('.');
      token = `${head}.${b64url({ ...claims, role: 'ADMIN', org: 'ROMNL' })}.${sig}`;
      note = 'claims changed after signing';
      break;
    }
    case 2: {
      token = alterSignature(rng, jwt({ alg: 'HS256', typ: 'JWT' }, claims, fx.secret));
      note = 'signature altered';
      break;
    }
    case 3: {
      const hash = rng.pick(['sha384', 'sha512'] as const);
      token = jwt({ alg: hash === 'sha384' ? 'HS384' : 'HS512', typ: 'JWT' }, claims, fx.secret, hash);
      note = `${hash} with the right secret`;
      break;
    }
    case 4:
      token = jwt({ alg: rng.pick(['RS256', 'ES256', 'PS256', 'EdDSA']), typ: 'JWT' }, claims, fx.secret);
      note = 'asymmetric alg, HMAC signature';
      break;
    case 5:
      token = jwt(
        { alg: 'HS256', typ: 'JWT', kid: rng.pick(['../../dev/null', "' OR '1'='1", 'x'.repeat(200)]) },
        claims,
        rng.text(16),
      );
      note = 'kid injection';
      break;
    case 6:
      token = rng.pick([
        () => Array.from({ length: rng.int(1, 6) }, () => rng.text(rng.int(0, 40), B64URL)).join('.'),
        () => `${b64url({ alg: 'HS256' })}..`,
        () => '...',
        () => `${b64url('not json')}.${b64url('x')}.${b64url('y')}`,
        () => `${b64url([1, 2])}.${b64url(claims)}.AAAA`,
        () => `${b64url({ alg: 'HS256' })}.${b64url(claims)}.${'A'.repeat(rng.int(1000, 7000))}`,
        () => rng.text(rng.int(1, 2000), PRINTABLE.replace(/\s/g, '')),
      ])();
      note = 'not a JWT';
      break;
    case 7:
      token = jwt(
        { alg: 'HS256', typ: 'JWT' },
        {
          ...claims,
          org: rng.pick(['NOPE', 'ZZZ_FUZZ', 'bom', 'BOM ', "BOM'--", 'B\u0000M', 'x'.repeat(65), '']),
        },
        fx.secret,
      );
      note = 'org claim unknown or malformed';
      break;
    case 8:
      token = jwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, role: rng.pick(['SUPERADMIN', 'admin', '', 7, null, ['ADMIN']]) },
        fx.secret,
      );
      note = 'role claim invalid';
      break;
    case 9: {
      const broken = { ...claims } as Record<string, unknown>;
      const what = rng.pick(['sub', 'iss', 'exp', 'org', 'role']);
      if (rng.chance(0.5)) delete broken[what];
      else broken[what] = rng.pick<unknown>(['', 0, {}, [], 'x'.repeat(300), '\u0001ctl', false]);
      token = jwt({ alg: 'HS256', typ: 'JWT' }, broken, fx.secret);
      note = `claim ${what} missing or wrong`;
      break;
    }
    case 10:
      token = jwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, iss: rng.pick(['evil', 'Romgraph', 'romgraph ', 'https://idp.example']) },
        fx.secret,
      );
      note = 'wrong issuer';
      break;
    default:
      token = jwt(
        { alg: 'HS256', typ: 'JWT' },
        { ...claims, nbf: nowSeconds() + rng.int(600, 10 ** 8) },
        fx.secret,
      );
      note = 'not valid before a future time';
  }
  const scheme = rng.pick(['Bearer', 'Bearer', 'Bearer', 'bearer', 'BEARER']);
  return refusedCredentials(rng, 'forged-jwt', `${scheme} ${token}`, note);
}

function expiredJwt(rng: Rng, fx: Fixtures): FuzzCase {
  const claims = claimsFor(rng);
  const exp = rng.pick<unknown>([
    nowSeconds() - rng.int(1, 120),
    nowSeconds() - rng.int(3600, 10 ** 9),
    0,
    -1,
    -(2 ** 40),
    String(nowSeconds() - 10),
    nowSeconds() - 0.5 - rng.int(5, 100),
  ]);
  const token = jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp }, fx.secret);
  return refusedCredentials(rng, 'expired-jwt', `Bearer ${token}`, `exp ${JSON.stringify(exp)}`);
}

function algNoneJwt(rng: Rng, fx: Fixtures): FuzzCase {
  const alg = rng.pick(['none', 'None', 'NONE', 'nOnE', '', null]);
  const header: Record<string, unknown> = { typ: 'JWT' };
  if (alg !== null) header.alg = alg;
  const claims = { ...claimsFor(rng), role: 'ADMIN', org: 'ROMNL' };
  let token = jwt(header, claims, null);
  const tail = rng.int(0, 2);
  if (tail === 1) token = token.slice(0, -1);
  if (tail === 2) token += createHmac('sha256', fx.secret).update('x').digest('base64url');
  return refusedCredentials(
    rng,
    'alg-none-jwt',
    `Bearer ${token}`,
    `alg ${JSON.stringify(alg)}, tail ${tail}`,
  );
}

function garbageApiKey(rng: Rng, fx: Fixtures): FuzzCase {
  const realPrefix = /^(rgk_[A-Za-z0-9]{10})_/.exec(fx.keys.readA)![1]!;
  const variants: (() => [string, string])[] = [
    () => [`ApiKey ${rng.text(rng.int(1, 200), PRINTABLE.replace(/\s/g, ''))}`, 'random'],
    () => [`ApiKey rgk_${rng.text(10)}_${rng.text(43, B64URL)}`, 'well-formed, unknown'],
    () => [`ApiKey ${realPrefix}_${rng.text(43, B64URL)}`, 'real prefix, wrong secret'],
    () => [`ApiKey ${fx.keys.revoked}`, 'revoked'],
    () => [`ApiKey ${fx.keys.readA}${rng.pick(['x', '_', '=', 'A'])}`, 'real key with a tail'],
    () => [`ApiKey ${fx.keys.readA.slice(0, -1)}`, 'real key cut short'],
    () => [`ApiKey ${fx.keys.readA.toUpperCase()}`, 'real key upper-cased'],
    () => [`ApiKey rgk_${rng.text(10)}_${rng.text(43, B64URL)} extra`, 'two words'],
    () => [rng.pick(['ApiKey', 'Bearer', 'ApiKey ', 'Bearer\t']), 'scheme alone'],
    () => [
      `${rng.pick(['Basic', 'Digest', 'Token', 'Key', 'API-Key', 'Apikey:'])} ${rng.text(20)}`,
      'other scheme',
    ],
    () => [`Bearer ${fx.keys.readA}`, 'an API key as a bearer token'],
    () => [`ApiKey ${'rgk_' + 'a'.repeat(rng.int(100, 7000))}`, 'very long'],
    () => [`ApiKey rgk_${rng.text(10)}_${rng.text(43, B64URL)}`.replace('_', '\u00e9'), 'latin-1 byte'],
  ];
  const [authorization, note] = rng.pick(variants)();
  return refusedCredentials(rng, 'garbage-api-keys', authorization, note);
}

/** Writes on what belongs to organisations other than A, with A's valid credentials: never a success. */
function crossOrg(rng: Rng, fx: Fixtures): FuzzCase {
  const initiative = rng.pick(fx.foreign);
  const other = rng.pick(fx.others);
  const nonParticipant = rng.pick(fx.others.filter((o) => !initiative.participantIds.includes(o.id)));
  const title = `Fuzz ${rng.text(8)}`;
  const ops: (() => { field: string; query: string; variables: Record<string, unknown>; read?: boolean })[] =
    [
      () => ({
        field: 'updateInitiative',
        query: 'mutation ($i: UpdateInitiativeInput!) { updateInitiative(input: $i) { id title } }',
        variables: { i: { id: initiative.id, title, ...(rng.chance(0.3) ? { visibility: 'PUBLIC' } : {}) } },
      }),
      () => ({
        field: 'addMilestone',
        query: 'mutation ($i: AddMilestoneInput!) { addMilestone(input: $i) { id } }',
        variables: { i: { initiativeId: initiative.id, title } },
      }),
      () => {
        const milestone = rng.pick(fx.foreignMilestones);
        return {
          field: 'updateMilestone',
          query: 'mutation ($i: UpdateMilestoneInput!) { updateMilestone(input: $i) { id version } }',
          variables: {
            i: {
              id: milestone.id,
              expectedVersion: rng.chance(0.7) ? milestone.version : rng.int(1, 99),
              title,
            },
          },
        };
      },
      () => ({
        field: 'recordOutput',
        query: 'mutation ($i: RecordOutputInput!) { recordOutput(input: $i) { id } }',
        variables: { i: { initiativeId: initiative.id, kind: rng.pick(OUTPUT_KINDS), title } },
      }),
      () => ({
        field: 'allocateFunding',
        query: 'mutation ($i: AllocateFundingInput!) { allocateFunding(input: $i) { id } }',
        variables: {
          i: { initiativeId: initiative.id, amountEur: rng.int(1, 10 ** 6), sourceOrganisationId: other.id },
        },
      }),
      () => ({
        field: 'joinInitiative',
        query: 'mutation ($i: JoinInitiativeInput!) { joinInitiative(input: $i) { id } }',
        variables: { i: { initiativeId: initiative.id, organisationId: nonParticipant.id } },
      }),
      () => ({
        field: 'leaveInitiative',
        query: 'mutation ($i: LeaveInitiativeInput!) { leaveInitiative(input: $i) { id } }',
        variables: {
          i: {
            initiativeId: initiative.id,
            organisationId: initiative.participantIds.length ? rng.pick(initiative.participantIds) : other.id,
          },
        },
      }),
      () => ({
        field: 'updateOrganisation',
        query: 'mutation ($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }',
        variables: { i: { id: other.id, notes: title } },
      }),
      () => ({
        field: 'createApiKey',
        query: 'mutation ($i: CreateApiKeyInput!) { createApiKey(input: $i) { key } }',
        variables: { i: { organisationId: other.id, name: title, scope: rng.pick(['READ', 'READ_WRITE']) } },
      }),
      () => ({
        field: 'createInitiative',
        query: 'mutation ($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }',
        variables: { i: { code: `FUZZ_${rng.text(10).toUpperCase()}`, title, leadOrganisationId: other.id } },
      }),
      () => {
        const [from, to] = [rng.pick(fx.others), rng.pick(fx.others)];
        return {
          field: 'createPartnership',
          query: 'mutation ($i: CreatePartnershipInput!) { createPartnership(input: $i) { id } }',
          variables: {
            i: {
              fromId: from.id,
              toId: to.id === from.id ? other.id : to.id,
              kind: rng.pick(PARTNERSHIP_KINDS),
            },
          },
        };
      },
      () => ({
        field: 'endPartnership',
        query: 'mutation ($i: EndPartnershipInput!) { endPartnership(input: $i) { id } }',
        variables: { i: { id: rng.pick(fx.foreignPartnerships) } },
      }),
      () => ({
        field: 'recordActivity',
        query: 'mutation ($i: RecordActivityInput!) { recordActivity(input: $i) { id } }',
        variables: {
          i: { kind: rng.pick(ACTIVITY_KINDS), occurredOn: '2025-03-01', organiserIds: [other.id], title },
        },
      }),
      () => ({
        field: 'revokeApiKey',
        query: 'mutation ($id: ID!) { revokeApiKey(id: $id) }',
        variables: { id: fx.foreignApiKeyId },
      }),
      () => ({
        field: 'apiKeys',
        query: 'query ($o: ID!) { apiKeys(organisationId: $o) { nodes { id prefix } } }',
        variables: { o: other.id },
        read: true,
      }),
      () => ({
        field: 'webhooks',
        query: 'query ($o: ID!) { webhooks(organisationId: $o) { nodes { id url } } }',
        variables: { o: other.id },
        read: true,
      }),
    ];
  const op = rng.pick(ops)();
  // A's editor and read-write key act as editors of A; its viewer and read key may write nothing at all.
  const who = rng.pick([
    ['editor token', `Bearer ${fx.editorA}`],
    ['editor token', `Bearer ${fx.editorA}`],
    ['read-write key', `ApiKey ${fx.keys.readWriteA}`],
    ['viewer token', `Bearer ${fx.viewerA}`],
    ['read key', `ApiKey ${fx.keys.readA}`],
  ] as const);
  if (!op.read && who[0] === 'viewer token' && rng.chance(0.5)) {
    // A viewer may not even write on its own organisation.
    op.variables = { i: { id: fx.orgA.id, notes: title } };
    op.field = 'updateOrganisation';
    op.query = 'mutation ($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { id } }';
  }
  if (rng.chance(0.1) && initiative.hidden) {
    return {
      ...post(
        'cross-org',
        {
          query: 'query ($id: ID!) { node(id: $id) { id } initiative(id: $id) { id } }',
          variables: { id: initiative.id },
          note: `${who[0]}: read a PARTICIPANTS initiative by id`,
        },
        { authorization: who[1] },
      ),
      expect: { nullField: 'node', noErrors: true },
    };
  }
  return {
    ...post(
      'cross-org',
      { query: op.query, variables: op.variables, note: `${who[0]}: ${op.field}` },
      {
        authorization: who[1],
      },
    ),
    expect: { codes: ['FORBIDDEN', 'NOT_FOUND'], nullField: op.field },
  };
}

function randomBytes(rng: Rng): FuzzCase {
  if (rng.chance(0.3)) return rawTcp(rng);
  const path = rng.pick(['/graphql', '/export/graph', '/graphql?', '/export/graph?format=json']);
  if (rng.chance(0.3)) {
    // Random bytes in the search, percent-encoded (the request line itself must stay HTTP).
    const search = [...rng.bytes(rng.int(1, 3000))]
      .map((b) => `%${b.toString(16).padStart(2, '0')}`)
      .join('');
    return {
      kind: 'http',
      category: 'random-bytes',
      note: 'random search',
      method: 'GET',
      path: `${path.split('?')[0]}?${rng.chance(0.5) ? 'query=' : ''}${search}`,
      headers: { 'apollo-require-preflight': 'true' },
    };
  }
  const headers: Record<string, string> = {};
  if (rng.chance(0.7)) headers['content-type'] = rng.pick(CONTENT_TYPES);
  if (rng.chance(0.5)) headers['apollo-require-preflight'] = '1';
  return {
    kind: 'http',
    category: 'random-bytes',
    note: `random body to ${path}`,
    method: rng.pick(['POST', 'POST', 'PUT', 'PATCH']),
    path,
    headers,
    body: rng.bytes(rng.size(1, 30_000)),
  };
}

/** Raw bytes for the port; `upgradeOnly` keeps to malformed WebSocket upgrade requests. */
function rawTcp(rng: Rng, category = 'random-bytes', upgradeOnly = false): RawCase {
  const request = (lines: string[], body: Buffer | string = '') =>
    Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(body)]);
  const variants: (() => [Buffer, string])[] = [
    () => [rng.bytes(rng.size(1, 4000)), 'random bytes'],
    () => {
      const body = rng.bytes(rng.int(0, 2000));
      return [
        request(['POST /graphql HTTP/1.1', 'Host: x', `Content-Length: ${body.length}`], body),
        'random body',
      ];
    },
    () => [
      request([
        'POST /graphql HTTP/1.1',
        'Host: x',
        `Content-Length: ${rng.pick(['-1', 'abc', '1e3', '0x10', '99999999999999999999'])}`,
      ]),
      'bad Content-Length',
    ],
    () => [
      request(['POST /graphql HTTP/1.1', 'Host: x', 'Content-Length: 5', 'Content-Length: 7'], '{}{}{}{'),
      'two Content-Lengths',
    ],
    () => [
      request(
        ['POST /graphql HTTP/1.1', 'Host: x', 'Transfer-Encoding: chunked', 'Content-Type: application/json'],
        `${rng.pick(['zz', '-1', 'fffffffffffffffff', '2;x'])}\r\n{}\r\n0\r\n\r\n`,
      ),
      'bad chunk',
    ],
    () => [
      request(
        ['POST /graphql HTTP/1.1', 'Host: x', 'Content-Length: 4', 'Transfer-Encoding: chunked'],
        '0\r\n\r\n',
      ),
      'Content-Length and chunked',
    ],
    () => [
      request([
        `${rng.pick(['GET', 'FOO', 'G\u0000T', ''])} /graphql HTTP/${rng.pick(['1.1', '9.9', '0.9', '1.x'])}`,
        'Host: x',
      ]),
      'bad request line',
    ],
    () => [
      request(['GET /graphql HTTP/1.1', `X-${rng.text(5)}: ${'v'.repeat(rng.int(17_000, 40_000))}`]),
      'header over 16 kB',
    ],
    () => [
      request(['GET /graphql HTTP/1.1', 'Host: x', `Bad Header: ${rng.text(5)}`, 'X-Nul: a\u0000b']),
      'malformed header',
    ],
    () => [
      request([
        `GET ${rng.pick(['http://127.0.0.1/graphql', '*', '/graphql/../export/graph', '/%00', '//graphql', '/graphql%2f..'])} HTTP/1.1`,
        'Host: x',
      ]),
      'odd request target',
    ],
    () => {
      const json = '{"query":"{ __typename }","pad":"' + 'x'.repeat(rng.int(10, 500)) + '"}';
      const sent = rng.int(0, json.length - 1);
      return [
        request(
          [
            'POST /graphql HTTP/1.1',
            'Host: x',
            'Content-Type: application/json',
            `Content-Length: ${json.length}`,
          ],
          json.slice(0, sent),
        ),
        'body cut short',
      ];
    },
    () => [
      request([
        'GET /graphql HTTP/1.1',
        'Host: x',
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Version: ${rng.pick(['13', '8', 'x', ''])}`,
        ...(rng.chance(0.5)
          ? [`Sec-WebSocket-Key: ${rng.pick(['short', 'dGhlIHNhbXBsZSBub25jZQ==', ''])}`]
          : []),
      ]),
      'bad WebSocket upgrade',
    ],
  ];
  const [bytes, note] = (upgradeOnly ? variants.at(-1)! : rng.pick(variants))();
  return { kind: 'raw', category, note: `raw: ${note}`, bytes };
}

const EXPORT_LISTS: Record<string, readonly string[]> = {
  organisationKinds: ORGANISATION_KINDS,
  partnershipKinds: PARTNERSHIP_KINDS,
  edgeKinds: EDGE_KINDS,
  themes: THEMES,
  pillars: PILLARS,
  provinces: PROVINCES,
};
const EXPORT_CHOICES: Record<string, readonly string[]> = {
  separator: [',', 'comma', ';', 'semicolon', 'tab'],
  decimal: ['.', 'point', ',', 'comma'],
  part: ['nodes', 'edges', 'both'],
};
const EXPORT_FLAGS = ['isolated', 'metrics', 'bom'];
const FLAG_VALUES = ['true', 'false', '1', '0'];
const VALID_DAYS = ['2020-01-01', '2023-06-30', '2024-02-29', '2025-12-31'];
const INVALID_DAYS = [
  '2024-02-30',
  '2023-02-29',
  'yesterday',
  '2024-1-1',
  '20240101',
  '2024-13-01',
  '0001-01-01',
  'now',
];

/**
 * GET /export/graph with parameters from its documented set (server/modules/graph/graph.export.ts): every value
 * outside what a parameter accepts must be refused with 400 naming it; everything else is an export.
 */
function exportParams(rng: Rng, fx: Fixtures): FuzzCase {
  const params: [string, string][] = [];
  /** Long valid lists, added last and only as far as the URL stays within Node's 16 kB header limit. */
  const bulky: [string, string][] = [];
  let invalid: string | null = null;
  const bad = (why: string) => (invalid ??= why);
  const r = rng.float();
  if (r < 0.6) params.push(['format', rng.pick(['graphml', 'gexf', 'json', 'csv'])]);
  else if (r < 0.75) params.push(['format', bad(rng.pick(PROTO_NAMES))]);
  else if (r < 0.9)
    params.push(['format', bad(rng.pick(['JSON', 'xml', 'pdf', 'csv ', ' json', rng.text(5)]))]);
  else if (r < 0.95) params.push(['format', bad('')]);
  else bad('no format');
  for (const name of [
    ...Object.keys(EXPORT_LISTS),
    ...Object.keys(EXPORT_CHOICES),
    ...EXPORT_FLAGS,
    'asOf',
  ]) {
    if (!rng.chance(0.25)) continue;
    const v = rng.float();
    if (name in EXPORT_LISTS) {
      const allowed = EXPORT_LISTS[name]!;
      if (v < 0.6) {
        const n = rng.chance(0.1) ? rng.int(100, 300) : rng.int(1, 4);
        const values = Array.from({ length: n }, () => rng.pick(allowed));
        const joined = values.join(rng.pick([',', ', ', ',,']));
        const into = n > 4 ? bulky : params;
        if (rng.chance(0.3)) values.forEach((value) => into.push([name, value]));
        else into.push([name, joined]);
      } else if (v < 0.8) {
        params.push([name, bad(rng.pick(PROTO_NAMES))]);
      } else {
        const wrong = rng.pick([
          'nope',
          `${rng.text(4)}9`,
          name === 'provinces' ? 'NL-XX' : allowed[0]!.toLowerCase(),
          '\u0000',
        ]);
        params.push([name, `${rng.pick(allowed)},${bad(wrong)}`]);
      }
    } else if (name in EXPORT_CHOICES) {
      if (v < 0.6) params.push([name, rng.pick(EXPORT_CHOICES[name]!)]);
      else if (v < 0.85) params.push([name, bad(rng.pick(PROTO_NAMES))]);
      else params.push([name, bad(rng.pick(['|', 'pipe', 'TAB', '\t', 'both ', rng.text(3)]))]);
    } else if (EXPORT_FLAGS.includes(name)) {
      if (v < 0.6) params.push([name, rng.pick(FLAG_VALUES)]);
      else if (v < 0.85) params.push([name, bad(rng.pick(PROTO_NAMES))]);
      else params.push([name, bad(rng.pick(['yes', 'TRUE', 'on', '2', '-1', 'null']))]);
    } else {
      if (v < 0.5) params.push([name, rng.pick(VALID_DAYS)]);
      else if (v < 0.75) params.push([name, bad(rng.pick(PROTO_NAMES))]);
      else params.push([name, bad(rng.pick(INVALID_DAYS))]);
    }
  }
  if (rng.chance(0.1))
    params.push([bad(rng.pick([...PROTO_NAMES, 'Format', 'query', `x${identifier(rng, 8)}`])), '1']);
  for (let i = params.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [params[i], params[j]] = [params[j]!, params[i]!];
  }
  for (const entry of bulky) {
    if (new URLSearchParams([...params, entry]).toString().length > 12_000) break;
    params.push(entry);
  }
  // A list holds at most 50 values, repeats included (server/infra/validation.ts, enumList), counted as the
  // export counts them: repeated and comma-separated, empty ones left out.
  for (const name of Object.keys(EXPORT_LISTS)) {
    const count = params
      .filter(([key]) => key === name)
      .flatMap(([, value]) => value.split(','))
      .filter((value) => value.trim()).length;
    if (count > 50) bad(`${count} ${name}`);
  }
  const method = rng.chance(0.9)
    ? rng.pick(['GET', 'GET', 'GET', 'HEAD'])
    : rng.pick(['POST', 'PUT', 'DELETE', 'PATCH']);
  const headers: Record<string, string> = {};
  if (rng.chance(0.2)) headers.authorization = `Bearer ${rng.chance(0.5) ? fx.editorA : fx.viewerA}`;
  // Within Node's 16 kB header limit (beyond it is 431, which the URL-length cases of get-requests cover).
  const search = new URLSearchParams(params).toString();
  const expect: HttpExpect =
    method !== 'GET' && method !== 'HEAD'
      ? { status: [405] }
      : invalid !== null
        ? { status: [400], ...(method === 'GET' ? { codes: ['BAD_USER_INPUT'] } : {}) }
        : { status: [200] };
  return {
    kind: 'http',
    category: 'export-params',
    note: `${invalid !== null ? `(invalid: ${JSON.stringify(invalid)}) ` : ''}${method} ?${search.slice(0, 200)}`,
    method,
    path: `/export/graph?${search}`,
    headers,
    body: method === 'POST' || method === 'PUT' ? Buffer.from('{}') : undefined,
    expect,
  };
}

function getRequests(rng: Rng): FuzzCase {
  const query = '{ ' + rng.pick(READS) + ' }';
  const preflight = { 'apollo-require-preflight': 'true' };
  const variants: (() => HttpCase)[] = [
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'mutation by GET',
      method: 'GET',
      path: `/graphql?${new URLSearchParams({ query: 'mutation { revokeApiKey(id: "x") }' })}`,
      headers: preflight,
      expect: { status: [400, 405], codes: ['BAD_REQUEST'] },
    }),
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'variables not JSON',
      method: 'GET',
      path: `/graphql?${new URLSearchParams({ query, variables: rng.pick(['{', 'x', "{'a':1}", '[1', 'NaN']) })}`,
      headers: preflight,
      expect: { status: [400], codes: ['BAD_REQUEST'] },
    }),
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'extensions not JSON or odd',
      method: 'GET',
      path: `/graphql?${new URLSearchParams({ query, extensions: rng.pick(['{', '[]', '"x"', '{"persistedQuery":[]}', '{"persistedQuery":{"version":1,"sha256Hash":"zz"}}']) })}`,
      headers: preflight,
      expect: { status: [200, 400] },
    }),
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'without the preflight header',
      method: 'GET',
      path: `/graphql?${new URLSearchParams({ query })}`,
      headers: rng.chance(0.5)
        ? ({} as Record<string, string>)
        : { 'content-type': rng.pick(['text/plain', 'application/x-www-form-urlencoded']) },
      expect: { status: [400], codes: ['BAD_REQUEST'] },
    }),
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'documentId that is not registered',
      method: 'GET',
      path: `/graphql?${new URLSearchParams({ documentId: rng.pick(['sha256:' + 'a'.repeat(64), 'a'.repeat(64), 'sha256:zz', '', rng.pick(PROTO_NAMES), 'x'.repeat(rng.int(65, 3000))]) })}`,
      headers: preflight,
      expect: { status: [400, 404] },
    }),
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'no query',
      method: 'GET',
      path: rng.pick([
        '/graphql',
        '/graphql?',
        '/graphql?query=',
        '/graphql?variables={}',
        '/graphql?operationName=x',
      ]),
      headers: preflight,
      expect: { status: [400] },
    }),
    () => {
      const n = rng.int(2, 50);
      const params = Array.from({ length: n }, () => `query=${encodeURIComponent(query)}`).join('&');
      return {
        kind: 'http',
        category: 'get-requests',
        note: `query given ${n} times`,
        method: 'GET',
        path: `/graphql?${params}`,
        headers: preflight,
        expect: { status: [200, 400] },
      };
    },
    () => {
      const n = rng.size(10_001, 40_000);
      return {
        kind: 'http',
        category: 'get-requests',
        note: `URL of ${n}`,
        method: 'GET',
        path: `/graphql?${new URLSearchParams({ query: `{ organisation(code: "${'u'.repeat(n)}") { id } }` })}`,
        headers: preflight,
        expect: { status: [400, 414, 431] },
      };
    },
    () => ({
      kind: 'http',
      category: 'get-requests',
      note: 'odd method',
      method: rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']),
      path: `/graphql?${new URLSearchParams({ query })}`,
      headers: preflight,
      expect: { status: [204, 400, 404, 405] },
    }),
    () => {
      const doc = rng.pick([wrongTypeDoc, unknownDoc, fragmentDoc])(rng);
      return {
        kind: 'http',
        category: 'get-requests',
        note: `GET ${doc.note}`,
        method: 'GET',
        path: getPath(doc).slice(0, 14_000),
        headers: preflight,
        expect: { status: [200, 400, 405] },
      };
    },
  ];
  return rng.pick(variants)();
}

// --------------------------------------------------------------------------------------------------------
// WebSocket categories
// --------------------------------------------------------------------------------------------------------

const INIT: WsStep = {
  data: JSON.stringify({ type: 'connection_init', payload: {} }),
  hostile: false,
  awaitAck: true,
};
const LIVE = 'subscription { events { cursor } }';

/** connection_init as a caller of its own (a token with a subject nobody else uses): per-caller limits stay its own. */
function initAsOwnCaller(rng: Rng, fx: Fixtures, role = 'VIEWER'): WsStep {
  const token = jwt(
    { alg: 'HS256', typ: 'JWT' },
    {
      sub: `fuzz-own-${rng.int(0, 2 ** 30)}`,
      org: fx.orgA.code,
      role,
      iss: 'romgraph',
      exp: nowSeconds() + 3600,
    },
    fx.secret,
  );
  return {
    ...INIT,
    data: JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
  };
}

function frame(message: unknown, hostile = true): WsStep {
  return { data: JSON.stringify(message), hostile };
}

function subscribe(
  id: string,
  query: string,
  variables?: unknown,
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify({
    id,
    type: 'subscribe',
    payload: { query, ...(variables === undefined ? {} : { variables }), ...extra },
  });
}

function ws(category: string, note: string, steps: WsStep[], rest: Partial<WsCase> = {}): WsCase {
  return { kind: 'ws', category, note, steps, ...rest };
}

function wsUnknownType(rng: Rng): FuzzCase {
  const before = rng.chance(0.25);
  const variants: (() => [unknown, string])[] = [
    () => [{ type: `x_${identifier(rng, 12)}` }, 'unknown type'],
    () => [
      {
        type: rng.pick([
          'Subscribe',
          'CONNECTION_INIT',
          'subscribe ',
          'ping\u0000',
          'start',
          'stop',
          'connection_terminate',
          'ka',
          'data',
          'gql_start',
        ]),
        id: '1',
        payload: {},
      },
      'near-miss or legacy type',
    ],
    () => [{ type: rng.pick<unknown>([1, null, true, [], {}, '']) }, 'type not a string'],
    () => [{ id: '1', payload: { query: '{ __typename }' } }, 'no type'],
    () => [{ type: rng.pick(PROTO_NAMES) }, 'type named like Object.prototype'],
    // Types only a server may send: the protocol has the server close with 4400 on them too.
    () => [{ type: 'next', id: identifier(rng, 5), payload: { data: {} } }, 'server type next'],
    () => [{ type: 'error', id: identifier(rng, 5), payload: [{ message: 'x' }] }, 'server type error'],
    () => [
      { type: 'connection_ack', ...(rng.chance(0.5) ? { payload: {} } : {}) },
      'server type connection_ack',
    ],
  ];
  const [message, note] = rng.pick(variants)();
  return ws(
    'ws-unknown-type',
    `${note}${before ? ', before init' : ''}`,
    [...(before ? [] : [INIT]), frame(message)],
    {
      close: [4400],
    },
  );
}

function wsBeforeInit(rng: Rng): FuzzCase {
  switch (rng.int(0, 4)) {
    case 0:
      return ws(
        'ws-before-init',
        'subscribe before init',
        [frame({ id: 'a', type: 'subscribe', payload: { query: rng.pick([LIVE, '{ __typename }']) } })],
        {
          close: [4401],
        },
      );
    case 1:
    case 2:
      return ws('ws-before-init', 'complete before init', [
        frame({ id: identifier(rng, 5), type: 'complete' }),
      ]);
    case 3: {
      const marker = `b${rng.int(0, 1e9)}`;
      return ws('ws-before-init', 'ping before init', [
        { ...frame({ type: 'ping', payload: { marker } }), pong: marker },
      ]);
    }
    default:
      return ws('ws-before-init', 'pong before init', [
        frame({ type: 'pong', ...(rng.chance(0.5) ? { payload: { a: 1 } } : {}) }),
      ]);
  }
}

/** Never sends connection_init: the server closes after its 3 s wait (4408). */
function wsNoInit(): FuzzCase {
  return ws('ws-before-init', 'no init at all', [], { close: [4408], closeWithinMs: 6000 });
}

function wsDuplicateInit(rng: Rng): FuzzCase {
  const payload = rng.pick<unknown>([{}, undefined, { authorization: 'Bearer x' }, { a: 1 }]);
  const again = { type: 'connection_init', ...(payload === undefined ? {} : { payload }) };
  return rng.chance(0.5)
    ? ws('ws-duplicate-init', 'init after ack', [INIT, frame(again)], { close: [4429] })
    : ws('ws-duplicate-init', 'two inits at once', [{ ...INIT, awaitAck: false }, frame(again)], {
        close: [4429],
      });
}

function wsDuplicateId(rng: Rng, fx: Fixtures): FuzzCase {
  const id = rng.chance(0.8) ? identifier(rng, 10) : rng.pick(PROTO_NAMES);
  const second = rng.pick([LIVE, '{ __typename }', 'garbage', 'subscription { partnerJoined { cursor } }']);
  return ws(
    'ws-duplicate-id',
    `id ${JSON.stringify(id)} twice`,
    [
      initAsOwnCaller(rng, fx),
      { data: subscribe(id, LIVE), hostile: false },
      { data: subscribe(id, second), hostile: true },
    ],
    { close: [4409] },
  );
}

function wsInvalidPayload(rng: Rng): FuzzCase {
  const query = '{ __typename }';
  const variants: (() => [unknown, string])[] = [
    () => [{ type: 'subscribe', payload: { query } }, 'no id'],
    () => [
      { type: 'subscribe', id: rng.pick<unknown>([1, null, {}, [], true, '']), payload: { query } },
      'id not a non-empty string',
    ],
    () => [{ type: 'subscribe', id: 'x'.repeat(rng.size(129, 100_000)), payload: { query } }, 'id over 128'],
    () => [
      {
        type: 'subscribe',
        id: 'a',
        ...(rng.chance(0.5) ? {} : { payload: rng.pick<unknown>([null, 'x', [], 1]) }),
      },
      'payload missing or not an object',
    ],
    () => [
      {
        type: 'subscribe',
        id: 'a',
        payload: rng.chance(0.3) ? {} : { query: rng.pick<unknown>([null, 1, {}, [], true]) },
      },
      'query not a string',
    ],
    () => [
      {
        type: 'subscribe',
        id: 'a',
        payload: { query, variables: rng.pick<unknown>(['x', [], 1, true, [{}]]) },
      },
      'variables not an object',
    ],
    () => [
      { type: 'subscribe', id: 'a', payload: { query, operationName: rng.pick<unknown>([1, {}, [], true]) } },
      'operationName not a string',
    ],
    () => [
      { type: 'subscribe', id: 'a', payload: { query, extensions: rng.pick<unknown>(['x', [], 1]) } },
      'extensions not an object',
    ],
    () => [
      { type: 'complete', ...(rng.chance(0.5) ? {} : { id: rng.pick<unknown>(['', 1, null]) }) },
      'complete without an id',
    ],
    () => [
      { type: rng.pick(['ping', 'pong', 'connection_init']), payload: rng.pick<unknown>(['x', 1, [], true]) },
      'payload of the wrong type',
    ],
  ];
  const [message, note] = rng.pick(variants)();
  const init = !(message as { type?: string }).type?.startsWith('connection_init') || rng.chance(0.5);
  return ws('ws-invalid-payload', note, [...(init ? [INIT] : []), frame(message)], { close: [4400] });
}

/** Subscription documents that are the caller's mistakes: each must end with an error (a terminal message). */
function badSubscription(
  rng: Rng,
  fx: Fixtures,
  signedIn: boolean,
): { query: string; variables?: unknown; operationName?: string } {
  return rng.pick<() => { query: string; variables?: unknown; operationName?: string }>([
    () => ({ query: 'subscription { ...F } fragment F on Subscription { events { cursor } }' }),
    () => ({ query: 'subscription { ... on Subscription { events { cursor } } }' }),
    () => ({ query: 'subscription S { events { cursor } }', operationName: identifier(rng, 6) }),
    () => ({ query: 'subscription A { events { cursor } } subscription B { events { cursor } }' }),
    () => ({ query: 'subscription { events { cursor } partnerJoined { cursor } }' }),
    () => ({ query: 'subscription { __typename }' }),
    () => ({
      query: 'subscription ($a: String) { events(after: $a) { cursor } }',
      variables: { a: rng.pick<unknown>([1, true, {}, [1], 1.5, -0]) },
    }),
    () => ({ query: 'subscription { events(after: "bm90IGEgY3Vyc29y") { cursor } }' }),
    () => ({ query: `subscription { milestoneChanged(initiativeId: "${rng.text(8)}") { cursor } }` }),
    () => ({
      query: 'subscription ($t: [EventType!]) { events(filter: { types: $t }) { cursor } }',
      variables: { t: [rng.text(6).toUpperCase()] },
    }),
    () =>
      signedIn
        ? { query: 'subscription { notifications(after: "x") { id } }' }
        : { query: 'subscription { notifications { id } }' },
    () => ({ query: `subscription { events(filter: { initiativeIds: ["${fx.orgA.id}"] }) { cursor } }` }),
    () => ({ query: `subscription { ${identifier(rng)} { cursor } }` }),
  ])();
}

function wsBadDocuments(rng: Rng, fx: Fixtures): FuzzCase {
  const n = rng.int(5, 30);
  const signedIn = rng.chance(0.5);
  const steps: WsStep[] = [signedIn ? initAsOwnCaller(rng, fx) : INIT];
  const gens = [
    deepDoc,
    aliasDoc,
    directiveDoc,
    fragmentDoc,
    wrongTypeDoc,
    unknownDoc,
    hugeListDoc,
    (r: Rng) => hugeStringDoc(r, 200_000),
  ];
  for (let i = 0; i < n; i++) {
    const id = `d${i}`;
    let doc: Pick<Doc, 'query' | 'variables' | 'variablesJson' | 'operationName'> | undefined;
    if (rng.chance(0.35)) doc = badSubscription(rng, fx, signedIn);
    // A valid subscription would stay live: those are the other categories' business.
    while (!doc) {
      const made = rng.pick(gens)(rng);
      const objectVariables =
        made.variablesJson !== undefined ||
        made.variables === undefined ||
        (typeof made.variables === 'object' && made.variables !== null && !Array.isArray(made.variables));
      if (!made.subscription && objectVariables) doc = made;
    }
    steps.push({
      data: `{"id":"${id}","type":"subscribe","payload":${payloadJson(doc)}}`,
      hostile: true,
      terminal: id,
    });
  }
  return ws(
    'ws-bad-documents',
    `${n} hostile documents on one socket${signedIn ? ', signed in' : ''}`,
    steps,
  );
}

function wsNonJson(rng: Rng): FuzzCase {
  const text = rng.pick([
    () => rng.text(rng.int(1, 500), PRINTABLE),
    () => '',
    () => 'undefined',
    () => 'NaN',
    () => '{"type":"connection_init"',
    () => "{'type':'connection_init'}",
    () => 'null',
    () => '[]',
    () => '123',
    () => '"connection_init"',
    () => '\uFEFF{"type":"connection_init"}',
    () => '{"type":"subscribe","id":"1","payload":{"query":"{ __typename }"}}}',
    () => '😀'.repeat(rng.int(1, 100)),
    () => '{"type":"connection_init"}' + '\u0000'.repeat(rng.int(1, 5)),
  ])();
  const before = rng.chance(0.3);
  // A BOM or trailing NULs before/after valid JSON still do not make valid JSON.
  return ws(
    'ws-non-json',
    `${JSON.stringify(text.slice(0, 30))}${before ? ', before init' : ''}`,
    [...(before ? [] : [INIT]), { data: text, hostile: true }],
    {
      close: [4400],
    },
  );
}

function wsBinary(rng: Rng, fx: Fixtures): FuzzCase {
  switch (rng.int(0, 3)) {
    case 0:
      return ws(
        'ws-binary',
        'random binary frame',
        [
          ...(rng.chance(0.7) ? [INIT] : []),
          { data: rng.bytes(rng.size(1, 5000)), binary: true, hostile: true },
        ],
        {
          close: [4400],
        },
      );
    case 1:
      // A binary frame holding valid JSON is read as text: the session works.
      return ws('ws-binary', 'init and subscribe as binary', [
        {
          data: Buffer.from(JSON.stringify({ type: 'connection_init' })),
          binary: true,
          hostile: true,
          awaitAck: true,
        },
        {
          data: Buffer.from(subscribe('b', '{ viewer { role } }')),
          binary: true,
          hostile: true,
          terminal: 'b',
        },
      ]);
    case 2: {
      const bytes = Buffer.concat([
        Buffer.from('{"type":"connection_init","payload":{"authorization":"Bearer '),
        Buffer.from(rng.pick(INVALID_UTF8)),
        Buffer.from(fx.editorA),
        Buffer.from('"}}'),
      ]);
      return ws(
        'ws-binary',
        'init with invalid UTF-8 in the credentials',
        [{ data: bytes, binary: true, hostile: true, awaitAck: true }],
        { close: [4403] },
      );
    }
    default: {
      // Inside the code literal: the JSON stays valid, the code holds U+FFFD, the answer is a result.
      const [before, after] = subscribe('u', '{ organisation(code: "B#OM") { code } }').split('#');
      const bytes = Buffer.concat([
        Buffer.from(before!),
        Buffer.from(rng.pick(INVALID_UTF8)),
        Buffer.from(after!),
      ]);
      return ws('ws-binary', 'subscribe with invalid UTF-8 in a string', [
        INIT,
        { data: bytes, binary: true, hostile: true, terminal: 'u' },
      ]);
    }
  }
}

const MIB = 1_048_576;

function wsOversized(rng: Rng): FuzzCase {
  const size = rng.size(MIB + 1, 1_500_000);
  const before = rng.chance(0.3);
  const text = rng.chance(0.5)
    ? subscribe('big', '{ __typename }', undefined, { extensions: { pad: 'o'.repeat(size) } }).slice(0, size)
    : rng.text(64) + 'z'.repeat(size - 64);
  return ws(
    'ws-oversized-frame',
    `frame of ${text.length}${before ? ', before init' : ''}`,
    [...(before ? [] : [INIT]), { data: text, hostile: true }],
    {
      close: [1009],
    },
  );
}

/** Frames just under the limit, each with a long string of its own: refused one by one, the socket open. */
function wsHugeStrings(rng: Rng): FuzzCase {
  const n = rng.int(3, 8);
  const steps: WsStep[] = [INIT];
  for (let i = 0; i < n; i++) {
    const id = `h${i}`;
    const size = rng.size(10_001, MIB - 2_000);
    const unique = `${rng.text(12)}${'s'.repeat(size)}`;
    const data = rng.chance(0.5)
      ? subscribe(id, `subscription { events(after: "${unique}") { cursor } }`)
      : subscribe(id, 'query ($s: String) { organisations(filter: { search: $s }) { totalCount } }', {
          s: unique,
        });
    steps.push({ data, hostile: true, terminal: id });
  }
  return ws('ws-huge-strings', `${n} frames with strings up to 1 MiB`, steps, {
    minCodes: { BAD_USER_INPUT: n },
  });
}

function wsManySubscriptions(rng: Rng, fx: Fixtures): FuzzCase {
  if (rng.chance(0.3)) {
    // One caller over several sockets: 5 x 45 = 225 over the 200 a caller may run.
    const subject = `fuzz-many-${rng.int(0, 1e9)}`;
    const token = jwt(
      { alg: 'HS256', typ: 'JWT' },
      { sub: subject, org: 'BOM', role: 'VIEWER', iss: 'romgraph', exp: nowSeconds() + 3600 },
      fx.secret,
    );
    const sockets = Array.from({ length: 5 }, (_, s) =>
      ws('ws-many-subscriptions', `socket ${s}`, [
        {
          ...INIT,
          data: JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
        },
        ...Array.from({ length: 45 }, (_, i) => ({ data: subscribe(`s${s}-${i}`, LIVE), hostile: true })),
      ]),
    );
    return {
      kind: 'ws-group',
      category: 'ws-many-subscriptions',
      note: '225 subscriptions of one caller on 5 sockets',
      sockets,
      minCodes: { SUBSCRIPTION_LIMIT: 25 },
    };
  }
  const n = rng.int(55, 90);
  const steps: WsStep[] = [initAsOwnCaller(rng, fx)];
  for (let i = 0; i < n; i++) {
    steps.push({
      data: subscribe(`m${i}`, rng.chance(0.8) ? LIVE : 'subscription { partnerJoined { cursor } }'),
      hostile: true,
      terminal: i >= 50 ? `m${i}` : undefined,
    });
  }
  // Completing a few gives their places back.
  for (let i = 0; i < 5; i++)
    steps.push({ data: JSON.stringify({ id: `m${i}`, type: 'complete' }), hostile: false });
  steps.push({ data: subscribe('again', '{ viewer { role } }'), hostile: true, terminal: 'again' });
  return ws('ws-many-subscriptions', `${n} subscriptions on one socket`, steps, {
    minCodes: { SUBSCRIPTION_LIMIT: n - 50 },
  });
}

function wsPingPong(rng: Rng): FuzzCase {
  const n = rng.int(40, 120);
  const init = rng.chance(0.7);
  const steps: WsStep[] = init ? [INIT] : [];
  for (let i = 0; i < n; i++) {
    const r = rng.float();
    if (r < 0.55) {
      const marker = `p${i}`;
      const payload: Record<string, unknown> = { marker };
      if (rng.chance(0.2)) payload.pad = 'q'.repeat(rng.int(1, 100_000));
      if (rng.chance(0.2)) payload.nested = weirdValue(rng);
      steps.push({ data: JSON.stringify({ type: 'ping', payload }), hostile: true, pong: marker });
    } else if (r < 0.75) steps.push(frame({ type: 'ping', ...(rng.chance(0.5) ? { payload: null } : {}) }));
    else steps.push(frame({ type: 'pong', ...(rng.chance(0.5) ? { payload: { marker: `u${i}` } } : {}) }));
  }
  return ws('ws-ping-pong', `${n} pings and pongs${init ? '' : ' before init'}`, steps);
}

function wsBadCredentials(rng: Rng, fx: Fixtures): FuzzCase {
  const claims = claimsFor(rng);
  const refused: (() => [unknown, string])[] = [
    () => [`Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, claims, rng.text(40))}`, 'forged JWT'],
    () => [
      `Bearer ${jwt({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: nowSeconds() - rng.int(1, 10 ** 6) }, fx.secret)}`,
      'expired JWT',
    ],
    () => [`Bearer ${jwt({ alg: rng.pick(['none', 'None']), typ: 'JWT' }, claims, null)}`, 'alg none'],
    () => [`ApiKey rgk_${rng.text(10)}_${rng.text(43, B64URL)}`, 'unknown API key'],
    () => [`ApiKey ${fx.keys.revoked}`, 'revoked API key'],
    () => [`ApiKey ${rng.text(rng.int(1, 100))}`, 'garbage API key'],
    () => [
      rng.pick(['Bearer', 'Basic abc', 'token', 'Bearer a b', 'x'.repeat(rng.int(1, 200_000))]),
      'malformed value',
    ],
    () => [rng.pick<unknown>([1, true, {}, [], { token: 'x' }, null, ['Bearer x']]), 'not a string'],
    () => [`Bearer ${alterSignature(rng, fx.editorA)}`, 'valid token, signature altered'],
  ];
  if (rng.chance(0.12)) {
    // Not credentials at all: anonymous, acknowledged.
    const payload = rng.pick<unknown>([
      { authorization: '' },
      { Authorization: 'Bearer x' },
      { headers: { authorization: 'Bearer x' } },
      {},
      null,
    ]);
    return ws('ws-bad-credentials', `no credentials (${JSON.stringify(payload)})`, [
      { data: JSON.stringify({ type: 'connection_init', payload }), hostile: true, awaitAck: true },
    ]);
  }
  const [authorization, note] = rng.pick(refused)();
  return ws(
    'ws-bad-credentials',
    note,
    [
      {
        data: JSON.stringify({ type: 'connection_init', payload: { authorization } }),
        hostile: true,
        awaitAck: true,
      },
    ],
    {
      close: [4403],
    },
  );
}

function wsHandshake(rng: Rng): FuzzCase {
  switch (rng.int(0, 3)) {
    case 0:
      return ws('ws-handshake', 'no subprotocol', [], { protocols: [], close: [4406] });
    case 1: {
      const protocol = rng.pick([
        'graphql-ws',
        'graphql-transport-ws2',
        'GRAPHQL-TRANSPORT-WS',
        'subscriptions-transport-ws',
        'x',
      ]);
      return ws('ws-handshake', `subprotocol ${protocol}`, [], { protocols: [protocol], close: [4406] });
    }
    case 2:
      return ws('ws-handshake', 'foreign Origin', [], {
        headers: { origin: rng.pick(['https://evil.example', 'null', 'http://127.0.0.1.evil.example']) },
        handshake: [403],
      });
    default:
      return rawTcp(rng, 'ws-handshake', true);
  }
}

// --------------------------------------------------------------------------------------------------------
// The whole run
// --------------------------------------------------------------------------------------------------------

export interface Category {
  name: string;
  /** Cases in a full run (the hostile inputs are as many, or more for WebSocket sessions). */
  cases: number;
  make(rng: Rng, fx: Fixtures): FuzzCase;
}

export const CATEGORIES: readonly Category[] = [
  { name: 'deep-nesting', cases: 380, make: docCategory('deep-nesting', deepDoc) },
  { name: 'alias-bomb', cases: 300, make: docCategory('alias-bomb', aliasDoc) },
  { name: 'directive-bomb', cases: 300, make: docCategory('directive-bomb', directiveDoc) },
  { name: 'fragment-bomb', cases: 360, make: docCategory('fragment-bomb', fragmentDoc) },
  { name: 'huge-strings', cases: 300, make: (rng) => post('huge-strings', hugeStringDoc(rng)) },
  { name: 'huge-lists', cases: 240, make: (rng) => post('huge-lists', hugeListDoc(rng)) },
  { name: 'invalid-utf8', cases: 360, make: invalidUtf8 },
  { name: 'wrong-variable-types', cases: 500, make: docCategory('wrong-variable-types', wrongTypeDoc) },
  { name: 'unknown-fields-args', cases: 420, make: docCategory('unknown-fields-args', unknownDoc) },
  { name: 'batched-json', cases: 240, make: batched },
  { name: 'content-types', cases: 400, make: contentTypes },
  { name: 'body-size', cases: 170, make: bodySize },
  { name: 'malformed-json', cases: 460, make: malformedJson },
  { name: 'forged-jwt', cases: 300, make: forgedJwt },
  { name: 'expired-jwt', cases: 170, make: expiredJwt },
  { name: 'alg-none-jwt', cases: 170, make: algNoneJwt },
  { name: 'garbage-api-keys', cases: 300, make: garbageApiKey },
  { name: 'cross-org', cases: 500, make: crossOrg },
  { name: 'random-bytes', cases: 340, make: randomBytes },
  { name: 'export-params', cases: 500, make: exportParams },
  { name: 'get-requests', cases: 280, make: getRequests },
  { name: 'ws-unknown-type', cases: 120, make: wsUnknownType },
  { name: 'ws-before-init', cases: 90, make: (rng) => wsBeforeInit(rng) },
  { name: 'ws-duplicate-init', cases: 80, make: wsDuplicateInit },
  { name: 'ws-duplicate-id', cases: 70, make: wsDuplicateId },
  { name: 'ws-invalid-payload', cases: 240, make: wsInvalidPayload },
  { name: 'ws-bad-documents', cases: 40, make: wsBadDocuments },
  { name: 'ws-non-json', cases: 130, make: wsNonJson },
  { name: 'ws-binary', cases: 100, make: wsBinary },
  { name: 'ws-oversized-frame', cases: 24, make: wsOversized },
  { name: 'ws-huge-strings', cases: 12, make: wsHugeStrings },
  { name: 'ws-many-subscriptions', cases: 8, make: wsManySubscriptions },
  { name: 'ws-ping-pong', cases: 30, make: wsPingPong },
  { name: 'ws-bad-credentials', cases: 180, make: wsBadCredentials },
  { name: 'ws-handshake', cases: 40, make: wsHandshake },
];

/**
 * The cases of a run: each category's share (times `scale`), each case from its own stream of the seed, then
 * shuffled so categories interleave as concurrent callers would. `extra` adds the few slow designed cases;
 * `only` keeps the categories whose names it matches (the same seed gives them the same cases).
 */
export function generateCases(
  seed: number,
  fx: Fixtures,
  scale = 1,
  extra = true,
  only: RegExp = /./,
): FuzzCase[] {
  const root = new Rng(seed);
  const cases: FuzzCase[] = [];
  for (const category of CATEGORIES) {
    const stream = root.fork();
    if (!only.test(category.name)) continue;
    const n = Math.max(1, Math.round(category.cases * scale));
    for (let i = 0; i < n; i++) cases.push(category.make(stream.fork(), fx));
  }
  if (extra && only.test('ws-before-init')) for (let i = 0; i < 3; i++) cases.push(wsNoInit());
  const order = root.fork();
  for (let i = cases.length - 1; i > 0; i--) {
    const j = order.int(0, i);
    [cases[i], cases[j]] = [cases[j]!, cases[i]!];
  }
  return cases;
}
