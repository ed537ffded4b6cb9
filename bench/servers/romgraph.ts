/**
 * Child process: our server (createApp) against BENCH_DATABASE_URL, as bench/queries.ts and bench/fanout.ts
 * measure it. Runs in its own process so that it shares no event loop with PostGraphile or the load generator.
 * Reports its URL over IPC and stops cleanly on a 'stop' message (which also lets --cpu-prof write its
 * profile). Answers 'cpu' with its CPU time, memory and live-feed figures (subscribers, WebSocket connections).
 *
 * Optional settings (unset: what bench/queries.ts wants): BENCH_SEED_ON_START (import the reference network
 * into an empty database), BENCH_JWT_SECRET (so the bench can sign tokens; else a random one), BENCH_REDIS_URL
 * (wake-ups between instances; else in-process), BENCH_EVENTS_POLL_MS (the live feed's catch-up poll),
 * BENCH_WEBHOOK_ALLOW_LOOPBACK (webhooks to a local receiver), BENCH_GRAPH_MAX_EDGES (a larger graph per
 * answer, for the web bench's drawing), BENCH_RATE_LIMIT (rate limits on, with budgets no run exhausts),
 * BENCH_LOG_LEVEL (LOG_LEVEL; else warn: no access log).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is required');

const config = loadConfig({
  DATABASE_URL: url,
  DB_POOL_SIZE: process.env.BENCH_PG_POOL_SIZE ?? '10',
  SEED_ON_START: process.env.BENCH_SEED_ON_START ?? 'false',
  REDIS_URL: process.env.BENCH_REDIS_URL,
  HOST: '127.0.0.1',
  PORT: '0',
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
  JWT_SECRET: process.env.BENCH_JWT_SECRET ?? randomBytes(48).toString('base64'),
  DATA_DIR: path.join(os.tmpdir(), 'romgraph-bench'),
  // The fan-out bench's thousands of subscribers stand for as many people, but all connect anonymously from
  // 127.0.0.1: the per-caller cap, a defence against one caller, would refuse all but its first 200.
  WS_MAX_SUBSCRIPTIONS_PER_CALLER: '1000000',
  WS_MAX_CONNECTIONS_PER_CALLER: '1000000',
  // The questions bench counts each request's statements: no catch-up poll may fall between.
  EVENTS_POLL_MS: process.env.BENCH_EVENTS_POLL_MS,
  // Computing the network metrics at start takes minutes of a core at 10,000 organisations: it would weigh on
  // every other measurement. The graph bench asks for them and waits.
  GRAPH_WARM_METRICS: 'false',
  // The load generators are one caller sending thousands of operations a second.
  RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? 'false',
  // BENCH_RATE_LIMIT=true measures what the limits cost, not what they refuse: budgets no run exhausts.
  RATE_LIMIT_POINTS_PER_HOUR: '1000000000',
  RATE_LIMIT_BURST_PER_MINUTE: '1000000000',
  RATE_LIMIT_ANONYMOUS_POINTS_PER_HOUR: '1000000000',
  RATE_LIMIT_KEY_PREFIX: `bench:${randomBytes(6).toString('hex')}:`,
  // The web bench draws the whole synthetic network's partnerships (92,754 at 10,000 organisations).
  GRAPH_MAX_EDGES: process.env.BENCH_GRAPH_MAX_EDGES,
  // The notifications bench's webhooks point at a receiver on 127.0.0.1, which production refuses by default.
  WEBHOOK_ALLOW_LOOPBACK: process.env.BENCH_WEBHOOK_ALLOW_LOOPBACK,
});
const app = await createApp(config);
const where = await app.start(0);
if (process.send) process.send({ type: 'listening', url: where });
else console.log(`[romgraph] listening on ${where}/graphql`);

process.on('message', (message: { type?: string; id?: number; gc?: boolean }) => {
  if (message?.type === 'cpu') {
    // Only when asked and started with --expose-gc: tells live memory from garbage not yet collected.
    if (message.gc) (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send?.({
      type: 'cpu',
      id: message.id,
      usage: process.cpuUsage(),
      memory: rss,
      heap: { heapUsed, heapTotal, external, arrayBuffers },
      live: { subscribers: app.feed.size, sockets: app.websocket.connections() },
      statements: app.db.statementCount,
    });
  }
  if (message?.type === 'stop') {
    void app.stop().then(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
