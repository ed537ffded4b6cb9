/** Scenario catch-up: a subscriber resuming far behind, timed to its last event. */
import WebSocket from 'ws';
import {
  ADD_MILESTONE,
  CATCHUP_SUBSCRIPTION,
  cleanups,
  cursorOf,
  gql,
  int,
  mb,
  seqOf,
  ScenarioContext,
} from '../lib/fanout-common.js';
import { peakRss, startServers, stopServers } from '../lib/fanout-servers.js';

export interface CatchupRun {
  run: number;
  events: number;
  received: number;
  inOrder: boolean;
  duplicated: number;
  /** From sending `subscribe` (connection already acknowledged) to the first and last event, s. */
  firstSeconds: number;
  lastSeconds: number;
  /** From opening the socket to the last event, s. */
  withConnectSeconds: number;
  eventsPerSecond: number;
}

export interface CatchupResult {
  behind: number;
  writeSeconds: number;
  writesPerSecond: number;
  writeFailures: number;
  runs: CatchupRun[];
  rssPeakMB: number;
}

export async function catchupScenario(params: ScenarioContext): Promise<CatchupResult> {
  const { options, client } = params;
  const set = await startServers(1, params.env, params.nodeArgs, 'catch-up');
  const server = set.servers[0]!;
  try {
    const [{ seq: baseSeq }] = (
      await client.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM events')
    ).rows;
    // The events to catch up on, written through the API: concurrent addMilestone mutations.
    process.stdout.write(`[bench] catch-up: writing ${int(options.catchup)} events ... `);
    const began = performance.now();
    let next = 0;
    let failures = 0;
    const lane = async () => {
      while (next < options.catchup) {
        const i = next++;
        try {
          await gql(
            server.url,
            ADD_MILESTONE,
            { input: { initiativeId: params.initiativeId, title: `fanout catch-up n=${i}` } },
            params.token,
          );
        } catch (err) {
          if (failures++ === 0) console.error(`\n[bench] catch-up write failed: ${(err as Error).message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    const writeSeconds = (performance.now() - began) / 1000;
    const [{ n: behind }] = (
      await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM events WHERE seq > $1 AND type = 'MILESTONE_ADDED'`,
        [baseSeq],
      )
    ).rows;
    console.log(`${int(behind)} in ${writeSeconds.toFixed(1)} s (${int(behind / writeSeconds)}/s)`);
    if (failures) throw new Error(`[bench] ${failures} catch-up writes failed`);

    const runs: CatchupRun[] = [];
    for (let run = 1; run <= options.catchupRuns; run++) {
      const result = await catchUpOnce(server.url, baseSeq, behind, run);
      runs.push(result);
      console.log(
        `[bench] catch-up ${run}: ${int(result.received)} of ${int(behind)} events, ` +
          `${result.inOrder ? 'in order' : 'OUT OF ORDER'}, ${result.duplicated} duplicated; ` +
          `first after ${(result.firstSeconds * 1000).toFixed(0)} ms, last after ${result.lastSeconds.toFixed(2)} s ` +
          `(${int(result.eventsPerSecond)} events/s; ${result.withConnectSeconds.toFixed(2)} s with the connection)`,
      );
    }
    return {
      behind,
      writeSeconds: Math.round(writeSeconds * 10) / 10,
      writesPerSecond: Math.round(behind / writeSeconds),
      writeFailures: failures,
      runs,
      rssPeakMB: mb(peakRss(set.rss[0]!)),
    };
  } finally {
    await stopServers(set);
  }
}

/** One subscriber resuming after `baseSeq`, until it holds `behind` events (or 60 s pass). */
export async function catchUpOnce(
  url: string,
  baseSeq: number,
  behind: number,
  run: number,
): Promise<CatchupRun> {
  const opened = performance.now();
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
    perMessageDeflate: false,
  });
  cleanups.push(() => ws.terminate());
  return new Promise((resolve, reject) => {
    let subscribedAt = 0;
    let firstAt = 0;
    let lastSeq = baseSeq;
    let received = 0;
    let duplicated = 0;
    let inOrder = true;
    const seen = new Set<number>();
    const timer = setTimeout(() => finish(), 60_000);
    const finish = () => {
      clearTimeout(timer);
      const lastAt = performance.now();
      ws.terminate();
      resolve({
        run,
        events: behind,
        received,
        inOrder,
        duplicated,
        firstSeconds: (firstAt - subscribedAt) / 1000,
        lastSeconds: (lastAt - subscribedAt) / 1000,
        withConnectSeconds: (lastAt - opened) / 1000,
        eventsPerSecond: received / ((lastAt - subscribedAt) / 1000),
      });
    };
    ws.on('open', () => ws.send('{"type":"connection_init","payload":{}}'));
    ws.on('error', reject);
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'connection_ack') {
        subscribedAt = performance.now();
        ws.send(
          JSON.stringify({
            id: '1',
            type: 'subscribe',
            payload: { query: CATCHUP_SUBSCRIPTION, variables: { after: cursorOf(baseSeq) } },
          }),
        );
        return;
      }
      if (message.type !== 'next') {
        if (message.type !== 'pong')
          reject(new Error(`catch-up: unexpected ${data.toString().slice(0, 300)}`));
        return;
      }
      const cursor = message.payload?.data?.events?.cursor;
      if (!cursor) return reject(new Error(`catch-up: ${JSON.stringify(message.payload).slice(0, 300)}`));
      const seq = seqOf(cursor);
      if (received === 0) firstAt = performance.now();
      if (seen.has(seq)) duplicated++;
      else {
        seen.add(seq);
        received++;
      }
      if (seq <= lastSeq) inOrder = false;
      lastSeq = Math.max(lastSeq, seq);
      if (received >= behind) finish();
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Report
