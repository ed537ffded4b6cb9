/**
 * npm run bench -- notifications: the inbox at scale. On the synthetic network of 10,000 organisations, the
 * event log is filled to 100,000 events and 5,000 people get three follows each (a theme, an initiative, an
 * organisation), from random points of the log. Then, at concurrency 1 over HTTP, people drawn at random read
 * their inbox's first page with its unread count, and its second page: p50, p95 and p99 against the issue's
 * target (p95 <= 20 ms), with the statements one read takes.
 *
 * The live half of the issue's targets (5,000 personal feeds at 2 events/s) and the webhook one (1,000
 * webhooks at 10 events/s) are not measured here yet: bench/README.md says so beside the results.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { TokenService } from '../server/infra/auth/tokens.js';
import { EVENT_LOG_LOCK_KEY } from '../server/live/index.js';
import { EventType, Role, Theme } from '../server/vocabulary.js';
import { parseCli } from './lib/cli.js';
import { benchDatabaseUrl, ensureSyntheticData, migrateWithReferenceData } from './lib/database.js';
import {
  RESULTS_DIR,
  describeMachine,
  machineLine,
  markdownTable,
  replaceReadmeSection,
  writeJson,
} from './lib/report.js';
import { startServer } from './lib/servers.js';
import { liveInboxes, type LiveResult } from './notifications/live.js';
import { webhookDeliveries, type WebhookBenchResult } from './notifications/webhooks.js';

const USAGE = `Usage: npm run bench -- notifications [options]

  --requests N        inbox reads per measurement at concurrency 1 (default 300)
  --events N          events the log holds at least (default 100000)
  --people N          people with three follows each (default 5000)
  --organisations N   size of the synthetic network to seed if the database has none (default 10000)
  --parts LIST        what to measure, of inbox,live,webhooks (default all three)
  --rate N            live part: events a second (default 2)
  --duration S        live and webhook parts: seconds measured (default 60)
  --warmup S          seconds written before the measured ones, checked but not timed (default 5)
  --processes N       live part: subscriber processes (default 2)
  --webhooks N        webhook part: webhooks (default 1000)
  --webhook-rate N    webhook part: events a second (default 10)
  --hanging LIST      webhook part: shares of never-answering endpoints, one run each (default 0,0.1)
  --cpu-prof          write the server's CPU profile to bench/results/
  --readme / --no-readme   record the results in bench/README.md (default runs are recorded)

Needs DATABASE_URL (see bench/README.md). Quick check:
  npm run bench -- notifications --requests 30 --duration 10 --webhooks 100 --no-readme`;

const TARGET_P95_MS = 20;
const TARGET_LIVE_P99_MS = 150;
const TARGET_WEBHOOK_P99_MS = 1000;
const PARTS = ['inbox', 'live', 'webhooks'] as const;
/** What a request costs that reads no inbox: the floor under every row (HTTP, token, GraphQL). */
const BASELINE = 'baseline: viewer { role }';
const WITH_OBJECTS = 'with initiative { code title } and milestone { title }';
/** The inbox as a notification list reads it: the payload names the initiative and milestone. */
const INBOX = `query Inbox($after: String) { viewer { unreadCount notifications(first: 20, after: $after) {
  pageInfo { endCursor } nodes { id cursor reason readAt event { type occurredAt payload } } } } }`;
/** The same with the initiative and milestone as objects: two loaders more. */
const INBOX_WITH_OBJECTS = `query Inbox($after: String) { viewer { unreadCount notifications(first: 20, after: $after) {
  pageInfo { endCursor } nodes { id cursor reason readAt event { type occurredAt payload initiative { code title }
  milestone { title } } } } } }`;

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-');

/** Fills the log to `events` (one statement, under the log's lock) and gives `people` three follows each. */
async function prepare(
  url: string,
  events: number,
  people: number,
): Promise<{ events: number; people: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [EVENT_LOG_LOCK_KEY]);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM events`)).rows;
    if (n < events) {
      console.log(`[bench] appending ${(events - n).toLocaleString('en')} events to the log`);
      await client.query(
        `WITH i AS (SELECT array_agg(id ORDER BY id) AS a FROM initiatives),
              o AS (SELECT array_agg(id ORDER BY id) AS a FROM organisations)
         INSERT INTO events (seq, type, actor_id, organisation_id, organisation_ids, initiative_id, payload,
                             themes, pillars)
         SELECT nextval('events_seq_seq'), (ARRAY[$2, $3, $4])[1 + (g.g % 3)], g.org, g.org, ARRAY[g.org], g.ini,
                jsonb_build_object('title', 'Synthetic ' || g.g, 'initiativeCode', x.code, 'initiativeTitle', x.title),
                x.themes, x.pillars
           FROM (SELECT g, o.a[1 + ((g * 104729) % array_length(o.a, 1))::int] AS org,
                        i.a[1 + ((g * 7919) % array_length(i.a, 1))::int] AS ini
                   FROM generate_series(1::bigint, $1::bigint) g, i, o) g
           JOIN initiatives x ON x.id = g.ini
          ORDER BY g.g`,
        [events - n, EventType.MILESTONE_ADDED, EventType.MILESTONE_CHANGED, EventType.PARTNER_JOINED],
      );
    }
    const [{ p }] = (
      await client.query(
        `SELECT count(DISTINCT follower)::int AS p FROM follows WHERE follower LIKE 'person:%:bench-%'`,
      )
    ).rows;
    if (p < people) {
      console.log(`[bench] giving ${people.toLocaleString('en')} people three follows each`);
      await client.query(`DELETE FROM follows WHERE follower LIKE 'person:%:bench-%'`);
      const themes = Object.values(Theme);
      await client.query(
        `WITH i AS (SELECT array_agg(id ORDER BY id) AS a FROM initiatives),
              o AS (SELECT array_agg(id ORDER BY id) AS a FROM organisations),
              r AS (SELECT array_agg(id ORDER BY id) AS a FROM organisations WHERE kind = 'ROM'),
              who AS (
           SELECT g, r.a[1 + g % array_length(r.a, 1)] AS org, (SELECT max(seq) FROM events) AS head
             FROM generate_series(1, $1::int) g, r)
         INSERT INTO follows (follower, organisation_id, theme, initiative_id, target_organisation_id, since_seq)
         SELECT 'person:' || org || ':bench-' || g, org, ($2::text[])[1 + g % array_length($2::text[], 1)], NULL::int, NULL::int,
                (head * ((g * 31) % 100) / 100)::bigint FROM who
         UNION ALL
         SELECT 'person:' || org || ':bench-' || g, org, NULL::text,
                i.a[1 + (g * 13) % array_length(i.a, 1)], NULL::int,
                (head * ((g * 17) % 100) / 100)::bigint FROM who, i
         UNION ALL
         SELECT 'person:' || org || ':bench-' || g, org, NULL::text, NULL::int,
                o.a[1 + (g * 101) % array_length(o.a, 1)],
                (head * ((g * 7) % 100) / 100)::bigint FROM who, o`,
        [people, themes],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE events; ANALYZE follows');
    const [{ e }] = (await client.query(`SELECT count(*)::int AS e FROM events`)).rows;
    return { events: e, people };
  } finally {
    await client.end();
  }
}

export async function run(args: string[]): Promise<void> {
  const values = parseCli(USAGE, () =>
    parseArgs({
      args,
      options: {
        requests: { type: 'string', default: '300' },
        events: { type: 'string', default: '100000' },
        people: { type: 'string', default: '5000' },
        organisations: { type: 'string', default: '10000' },
        parts: { type: 'string', default: PARTS.join(',') },
        rate: { type: 'string', default: '2' },
        duration: { type: 'string', default: '60' },
        warmup: { type: 'string', default: '5' },
        processes: { type: 'string', default: '2' },
        webhooks: { type: 'string', default: '1000' },
        'webhook-rate': { type: 'string', default: '10' },
        hanging: { type: 'string', default: '0,0.1' },
        'webhook-filter': { type: 'string', default: 'theme' },
        'stress-rates': { type: 'string', default: '5,10' },
        'cpu-prof': { type: 'boolean', default: false },
        readme: { type: 'boolean', default: false },
        'no-readme': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }),
  );
  const requests = Number(values.requests);
  const rate = Number(values.rate);
  const webhookRate = Number(values['webhook-rate']);
  const duration = Number(values.duration);
  const parts = values.parts.split(',').map((p) => p.trim());
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part)) {
      console.error(`[bench] unknown part ${part}; choose from ${PARTS.join(', ')}`);
      process.exit(2);
    }
  }
  const isDefault =
    requests === 300 &&
    values.events === '100000' &&
    values.people === '5000' &&
    rate === 2 &&
    duration === 60;
  const url = benchDatabaseUrl();
  const organisations = await ensureSyntheticData(url, Number(values.organisations), true);
  const postgres = await migrateWithReferenceData(url);
  const prepared = await prepare(url, Number(values.events), Number(values.people));
  const machine = describeMachine(postgres);

  const secret = randomBytes(48).toString('base64');
  const server = await startServer({
    name: 'romgraph',
    entry: 'servers/romgraph.ts',
    env: {
      BENCH_DATABASE_URL: url,
      BENCH_JWT_SECRET: secret,
      BENCH_EVENTS_POLL_MS: '60000',
      BENCH_WEBHOOK_ALLOW_LOOPBACK: 'true',
    },
    nodeArgs: values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}`] : [],
    timeoutMs: 120_000,
  });
  const tokens = new TokenService(secret);
  /** Every prepared person, with a token: a VIEWER of the ROM their follows were given under. */
  const personTokens = await (async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT DISTINCT ON (f.follower) f.follower, o.code FROM follows f
           JOIN organisations o ON o.id = f.organisation_id
          WHERE f.follower LIKE 'person:%:bench-%' ORDER BY f.follower`,
      );
      const byN = new Map<number, string>();
      for (const r of rows as { follower: string; code: string }[]) {
        const n = Number(r.follower.slice(r.follower.lastIndexOf('-') + 1));
        if (n <= prepared.people) {
          byN.set(
            n,
            await tokens.sign(
              { subject: `bench-${n}`, organisationCode: r.code, role: Role.VIEWER },
              3600 * 4,
            ),
          );
        }
      }
      return byN;
    } finally {
      await client.end();
    }
  })();
  const post = async (token: string, variables: Record<string, unknown> = {}, query = INBOX) => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(`[bench] the inbox failed: ${body.errors[0]!.message}`);
    return body.data.viewer;
  };

  const people = Array.from({ length: requests }, (_, i) => 1 + ((i * 7919) % prepared.people));
  const rows: {
    read: string;
    p50: number;
    p95: number;
    p99: number;
    statements: number;
    notifications: number;
  }[] = [];
  let live: LiveResult | null = null;
  const hooks: WebhookBenchResult[] = [];
  try {
    if (parts.includes('inbox')) {
      for (let i = 0; i < 20; i++) await post(personTokens.get(people[i % people.length]!)!);
      for (const read of [
        BASELINE,
        'first page and unread count',
        'second page and unread count',
        `first page and unread count, ${WITH_OBJECTS}`,
      ]) {
        const times: number[] = [];
        let notifications = 0;
        let statements = 0;
        for (let i = 0; i < people.length; i++) {
          const token = personTokens.get(people[i]!)!;
          const after = read.startsWith('second')
            ? (await post(token)).notifications.pageInfo.endCursor
            : null;
          const before = i === 0 ? (await server.cpu()).statements! : 0;
          const began = performance.now();
          const viewer =
            read === BASELINE
              ? await post(token, {}, '{ viewer { role } }')
              : await post(
                  token,
                  after ? { after } : {},
                  read.endsWith(WITH_OBJECTS) ? INBOX_WITH_OBJECTS : INBOX,
                );
          times.push(performance.now() - began);
          if (i === 0) statements = (await server.cpu()).statements! - before;
          notifications += viewer.notifications?.nodes.length ?? 0;
        }
        times.sort((a, b) => a - b);
        const row = {
          read,
          p50: percentile(times, 50),
          p95: percentile(times, 95),
          p99: percentile(times, 99),
          statements,
          notifications: Math.round(notifications / people.length),
        };
        rows.push(row);
        console.log(
          `[bench] inbox, ${read}: p50 ${ms(row.p50)} ms, p95 ${ms(row.p95)} ms, ${statements} statements`,
        );
      }
    }
    if (parts.includes('live')) {
      console.log(
        `[bench] live: ${prepared.people.toLocaleString('en')} personal feeds, ${rate} events/s for ${duration} s`,
      );
      live = await liveInboxes({
        url: server.url,
        databaseUrl: url,
        tokens: [...personTokens.values()],
        writerToken: await tokens.sign(
          { subject: 'bench-writer', organisationCode: 'ROMNL', role: Role.ADMIN },
          3600 * 4,
        ),
        rate,
        durationS: duration,
        warmupS: Number(values.warmup),
        processes: Number(values.processes),
        cpu: () => server.cpu(),
      });
      console.log(
        `[bench] live: p50 ${ms(live.p50)} ms, p99 ${ms(live.p99)} ms; ${live.lost} lost, ${live.duplicated} duplicated, ${live.extra} extra of ${live.expected.toLocaleString('en')} owed`,
      );
    }
    if (parts.includes('webhooks')) {
      const adminToken = await tokens.sign(
        { subject: 'bench-webhooks', organisationCode: 'ROMNL', role: Role.ADMIN },
        3600 * 4,
      );
      const runs: { share: number; filter: 'theme' | 'none'; rate: number }[] = [
        ...values.hanging.split(',').map((share) => ({
          share: Number(share),
          filter: values['webhook-filter'] === 'none' ? ('none' as const) : ('theme' as const),
          rate: webhookRate,
        })),
        // Stress: every webhook owed every event, at rising rates, to show where one instance saturates.
        ...values['stress-rates']
          .split(',')
          .filter(Boolean)
          .map((r) => ({ share: 0, filter: 'none' as const, rate: Number(r) })),
      ];
      for (const { share, filter, rate: hookRate } of runs) {
        console.log(
          `[bench] webhooks: ${values.webhooks} webhooks (${filter === 'theme' ? 'one theme each' : 'every event'}), ${Math.round(share * 100)} % never answering, ${hookRate} events/s for ${duration} s`,
        );
        const result = await webhookDeliveries({
          url: server.url,
          databaseUrl: url,
          adminToken,
          webhooks: Number(values.webhooks),
          hanging: share,
          filter,
          rate: hookRate,
          durationS: duration,
          warmupS: Number(values.warmup),
          cpu: () => server.cpu(),
        });
        hooks.push(result);
        console.log(
          `[bench] webhooks: p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms; ${result.lost} lost, ${result.duplicated} duplicated, ${result.outOfOrder} out of order of ${result.owed.toLocaleString('en')} owed`,
        );
      }
    }
  } finally {
    await server.stop();
  }
  const hooksTable =
    hooks.length > 0 &&
    markdownTable(
      [
        'webhooks',
        'each owed',
        'never answering',
        'events',
        'deliveries owed',
        'lost',
        'duplicated',
        'out of order',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'signatures checked',
        'server CPU',
        `p99 <= ${TARGET_WEBHOOK_P99_MS} ms, 0 lost`,
      ],
      hooks.map((h) => [
        h.webhooks.toLocaleString('en'),
        h.filter === 'theme' ? 'its theme' : 'every event',
        String(h.hanging),
        `${h.events} (${h.rate}/s)`,
        h.owed.toLocaleString('en'),
        String(h.lost),
        String(h.duplicated),
        String(h.outOfOrder),
        ms(h.p50),
        ms(h.p95),
        ms(h.p99),
        ms(h.max),
        `${h.signaturesChecked}, ${h.signaturesBad} bad`,
        `${h.serverCpuPercent.toFixed(0)} %`,
        h.p99 <= TARGET_WEBHOOK_P99_MS && h.lost === 0 && h.signaturesBad === 0 ? 'yes' : 'no',
      ]),
    );
  const inboxTable = markdownTable(
    [
      'read',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'statements',
      'notifications per page',
      `p95 <= ${TARGET_P95_MS} ms`,
    ],
    rows.map((r) => [
      r.read,
      ms(r.p50),
      ms(r.p95),
      ms(r.p99),
      String(r.statements),
      String(r.notifications),
      r.read === BASELINE ? '' : r.p95 <= TARGET_P95_MS ? 'yes' : 'no',
    ]),
  );
  const liveTable =
    live &&
    markdownTable(
      [
        'personal feeds',
        'events',
        'notifications owed',
        'lost',
        'duplicated',
        'extra',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'server CPU',
        'server RSS',
        `p99 <= ${TARGET_LIVE_P99_MS} ms, 0 lost, 0 duplicated`,
      ],
      [
        [
          `${live.opened.toLocaleString('en')} of ${live.subscribers.toLocaleString('en')}`,
          `${live.events} (${rate}/s)`,
          live.expected.toLocaleString('en'),
          String(live.lost),
          String(live.duplicated),
          String(live.extra),
          ms(live.p50),
          ms(live.p95),
          ms(live.p99),
          ms(live.max),
          `${live.serverCpuPercent.toFixed(0)} %`,
          `${live.serverRssMB.toFixed(0)} MB`,
          live.p99 <= TARGET_LIVE_P99_MS && live.lost === 0 && live.duplicated === 0 && live.extra === 0
            ? 'yes'
            : 'no',
        ],
      ],
    );
  const file = writeJson('notifications', {
    machine,
    organisations,
    ...prepared,
    requests,
    rows,
    live,
    webhooks: hooks,
  });
  console.log(
    `\n${inboxTable}\n${liveTable ? `\n${liveTable}\n` : ''}${hooksTable ? `\n${hooksTable}\n` : ''}\n[bench] results in ${file}`,
  );
  const complete = parts.length === PARTS.length;
  if (((isDefault && complete) || values.readme) && !values['no-readme']) {
    await replaceReadmeSection(
      'notifications',
      [
        `${machineLine(machine)}; ${organisations.toLocaleString('en')} synthetic organisations, ${prepared.events.toLocaleString('en')} events in the log,`,
        `${prepared.people.toLocaleString('en')} people with three follows each (a theme, an initiative, an organisation).`,
        '',
        `**Inbox**: ${requests} reads per row at concurrency 1 over HTTP, each by a person drawn at random (a VIEWER of a ROM).`,
        '',
        inboxTable,
        ...(live && liveTable
          ? [
              '',
              `**Live**: every person holds \`notifications(after:)\` from one cursor (${values.processes} subscriber processes, event-loop delay p99 ${ms(live.subscriberLoopDelayP99)} ms);`,
              `a writer adds ${rate} milestones a second for ${duration} s; latency from the event's occurredAt to receipt; what was owed is each person's inbox above the cursor.`,
              '',
              liveTable,
            ]
          : []),
        ...(hooksTable
          ? [
              '',
              `**Webhooks**: ${values.webhooks} webhooks of network organisations, every event type, to one receiver process on 127.0.0.1; a writer adds milestones to public`,
              `initiatives for ${duration} s. Each webhook follows one theme of seven (an event reaches the webhooks of its initiative's themes), or, in the stress rows, every event;`,
              `latency from the event's occurredAt to receipt, of the answering webhooks; the target is the issue's (10 events/s, p99 <= 1 s, also with 10 % never answering).`,
              '',
              hooksTable,
            ]
          : []),
      ].join('\n'),
    );
    console.log('[bench] bench/README.md updated');
  }
}
