import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { createTestDatabase } from '../harness/postgres.js';
import { spawnServer, type ServerProcess } from '../harness/server-process.js';
import { TestSubscriber } from '../harness/subscriber.js';
import { freePort } from '../harness/free-port.js';
import { sample } from '../harness/metrics.js';

// The operator's view: GET /metrics in the Prometheus text format with what to alert on, closed in production
// unless protected, and one structured log line per request with its id, caller, operation, duration and code.
const FEED = `subscription ($filter: EventFilter) { events(filter: $filter) { cursor type } }`;

describe('GET /metrics', () => {
  let server: TestServer;
  const subscribers: TestSubscriber[] = [];
  beforeAll(async () => {
    server = await startTestServer({ EVENTS_POLL_MS: '200' });
  });
  afterAll(async () => {
    subscribers.forEach((s) => s.close());
    await server?.close();
  });

  const scrape = async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.text();
  };

  it('counts requests and errors by operation and code, with latency histograms', async () => {
    for (let i = 0; i < 3; i++)
      await server.gql(`query MetricsProbe { organisations(first: 1) { nodes { code } } }`);
    await server.gql(`query MetricsBroken { nope }`);
    await server.gql(`{ organisation(code: "${'X'.repeat(80)}") { code } }`);
    const text = await scrape();
    expect(sample(text, 'romgraph_http_requests_total', { operation: 'MetricsProbe', code: 'OK' })).toBe(3);
    expect(
      sample(text, 'romgraph_http_requests_total', {
        operation: 'MetricsBroken',
        code: 'GRAPHQL_VALIDATION_FAILED',
      }),
    ).toBe(1);
    expect(sample(text, 'romgraph_graphql_errors_total', { code: 'BAD_USER_INPUT', transport: 'http' })).toBe(
      1,
    );
    expect(sample(text, 'romgraph_http_request_duration_seconds_count', { operation: 'MetricsProbe' })).toBe(
      3,
    );
    expect(
      sample(text, 'romgraph_http_request_duration_seconds_bucket', {
        operation: 'MetricsProbe',
        le: '+Inf',
      }),
    ).toBe(3);
    // The database pool and prom-client's process metrics.
    expect(sample(text, 'romgraph_db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('gives client-chosen operation names a bounded set of labels', async () => {
    await server.gql(`query ${'Long'.repeat(20)} { taxonomy { themes { code } } }`);
    const text = await scrape();
    expect(text).not.toContain('Long'.repeat(20));
    expect(
      sample(text, 'romgraph_http_requests_total', { operation: 'other', code: 'OK' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('shows live connections and subscriptions, and the lag of each event to its delivery', async () => {
    const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } }`);
    const socket = await TestSubscriber.connect(server.url);
    subscribers.push(socket);
    socket.subscribe('m', FEED, { filter: { initiativeIds: [data.initiative.id] } });
    await socket.silence(300);
    let text = await scrape();
    expect(sample(text, 'romgraph_ws_connections')).toBe(1);
    expect(sample(text, 'romgraph_ws_subscriptions')).toBe(1);
    const before = sample(text, 'romgraph_event_delivery_lag_seconds_count') ?? 0;
    await server.app.services.milestones.add(new RequestScope(systemViewer), {
      initiativeId: data.initiative.id,
      title: 'Measured',
    });
    await socket.nexts(1);
    text = await scrape();
    expect(sample(text, 'romgraph_event_delivery_lag_seconds_count')).toBe(before + 1);
    // Delivered within the wake-up, far below the poll's bound.
    expect(sample(text, 'romgraph_event_delivery_lag_seconds_bucket', { le: '1' })).toBe(before + 1);
    socket.close();
    await expect.poll(async () => sample(await scrape(), 'romgraph_ws_connections')).toBe(0);
  });
});

describe('GET /metrics in production', () => {
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
  };
  let servers: TestServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it('answers 404 unless METRICS_TOKEN or METRICS_PORT protects it', async () => {
    const server = await startTestServer(production);
    servers.push(server);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(server.logs.some((l) => l.includes('without METRICS_TOKEN or METRICS_PORT'))).toBe(true);
  });

  it('with METRICS_TOKEN, answers only its bearer', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const server = await startTestServer({ ...production, METRICS_TOKEN: token });
    servers.push(server);
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}x` } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('romgraph_http_requests_total');
  });

  it('with METRICS_PORT, serves them on that port only', async () => {
    const port = await freePort();
    const server = await startTestServer({ ...production, METRICS_PORT: String(port) });
    servers.push(server);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect(server.app.metricsUrl).toBe(`http://127.0.0.1:${port}`);
    const res = await fetch(`${server.app.metricsUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('romgraph_ws_connections');
    expect((await fetch(`${server.app.metricsUrl}/graphql`)).status).toBe(404);
  });
});

describe('structured logs', () => {
  let child: ServerProcess | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => {
    child?.child.kill('SIGTERM');
    await child?.exited;
    await drop?.();
  });

  it('are one JSON object per line, with a line per request naming its id, caller, operation, duration and code, and SQL in the same log', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    child = await spawnServer({
      DATABASE_URL: database.url,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'debug',
      LOG_SQL: 'true',
    });
    const post = (query: string, requestId: string) =>
      fetch(`${child!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ query }),
      });
    await post(`query LoggedLookup { organisation(code: "BOM") { name } }`, 'log-test-ok-0001');
    await post(
      `query LoggedRefusal { organisation(code: "${'Y'.repeat(80)}") { name } }`,
      'log-test-bad-0002',
    );
    const entries = () =>
      child!
        .log()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, any>);
    await expect.poll(() => entries().filter((e) => e.requestId?.startsWith('log-test-')).length).toBe(2);
    const all = entries();
    for (const entry of all) {
      expect(entry).toMatchObject({
        service: 'romgraph',
        level: expect.any(String),
        msg: expect.any(String),
      });
      expect(Date.parse(entry.time)).toBeGreaterThan(0);
    }
    const ok = all.find((e) => e.requestId === 'log-test-ok-0001')!;
    expect(ok).toMatchObject({
      level: 'info',
      component: 'http',
      caller: 'address:127.0.0.1',
      operation: 'LoggedLookup',
      operationType: 'query',
      status: 200,
      durationMs: expect.any(Number),
    });
    expect(ok.code).toBeUndefined();
    const bad = all.find((e) => e.requestId === 'log-test-bad-0002')!;
    expect(bad).toMatchObject({ operation: 'LoggedRefusal', code: 'BAD_USER_INPUT' });
    // TypeORM's statements (the migrations' checks at start) and the raw reads, through the same logger.
    const sql = all.filter((e) => e.component === 'sql');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.some((e) => /FROM organisations/.test(e.msg))).toBe(true);
    expect(sql.every((e) => e.level === 'debug' && typeof e.parameters === 'number')).toBe(true);
  });
});
