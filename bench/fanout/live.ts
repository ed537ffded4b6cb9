/** Scenarios one, two and ramp: subscribers on one or two instances, a writer at a rate, latency and loss per step. */
import { cpuBetween, snapshot, type CpuSnapshot } from '../lib/cpu.js';
import type { StepShare } from '../lib/fanout-subscribers.js';
import { percentile } from '../lib/load.js';
import { Subscribers } from '../lib/fanout-cohort.js';
import {
  ADD_MILESTONE,
  Scenario,
  cores,
  epochMs,
  gql,
  int,
  mb,
  ms,
  sleep,
  ScenarioContext,
} from '../lib/fanout-common.js';
import { MemoryFigures, memoryNow, peakRss, startServers, stopServers } from '../lib/fanout-servers.js';

export interface WriteResult {
  rate: number;
  seconds: number;
  planned: number;
  committed: number;
  failed: number;
  errors: string[];
  /** Epoch ms of the first send, and when the last response came back. */
  firstSendAt: number;
  doneAt: number;
  /** Round trip of the mutation (send to response), ms. */
  mutation: Summary;
}

export async function write(
  url: string,
  token: string,
  initiativeId: string,
  rate: number,
  seconds: number,
  step: number,
): Promise<WriteResult> {
  const planned = Math.max(1, Math.round(rate * seconds));
  const roundTrips: number[] = [];
  const errors: string[] = [];
  let committed = 0;
  const sendOne = async (i: number) => {
    const sentAt = epochMs();
    const title = `fanout n=${i} s=${step} t=${sentAt.toFixed(3)}`;
    try {
      await gql(url, ADD_MILESTONE, { input: { initiativeId, title } }, token);
      committed++;
      roundTrips.push(epochMs() - sentAt);
    } catch (err) {
      if (errors.length < 5) errors.push((err as Error).message);
    }
  };
  const began = performance.now();
  const firstSendAt = epochMs();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < planned; i++) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(sendOne(i));
  }
  await Promise.all(pending);
  return {
    rate,
    seconds,
    planned,
    committed,
    failed: planned - committed,
    errors,
    firstSendAt,
    doneAt: epochMs(),
    mutation: summarise(Float64Array.from(roundTrips)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Statistics

export interface Summary {
  count: number;
  min: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

export function summarise(values: Float32Array | Float64Array): Summary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    min: round(sorted.length ? sorted[0]! : NaN),
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    p999: round(percentile(sorted, 99.9)),
    max: round(sorted.length ? sorted[sorted.length - 1]! : NaN),
    mean: round(sorted.length ? sum / sorted.length : NaN),
  };
}

export function concat(arrays: Float32Array[]): Float32Array {
  const out = new Float32Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

export interface StepResult {
  step: number;
  rate: number;
  seconds: number;
  subscribers: number;
  write: WriteResult;
  events: number;
  expected: number;
  deliveries: number;
  lost: number;
  duplicated: number;
  outOfOrder: number;
  /** Subscribers that missed at least one event of the step. */
  subscribersMissing: number;
  deliveriesPerSecond: number;
  /** Event occurredAt (transaction start in PostgreSQL, ms precision) to receipt. */
  fromCommit: Summary;
  /** Writer's send to receipt. */
  fromSend: Summary;
  /**
   * Mean latency of the tenth of subscribers that subscribed first and of the tenth that subscribed last:
   * a cohort delivers to its members one after the other, in the order they joined.
   */
  byJoinOrder: { firstTenthMs: number; lastTenthMs: number };
  /** The same per server (two-instance run). */
  perServer: { server: string; subscribers: number; deliveries: number; fromCommit: Summary }[];
  drained: boolean;
  drainSeconds: number;
  cpu: {
    servers: Record<string, number>;
    postgres: number | null;
    machine: number | null;
    machineCores: number;
    bench: number;
    loadGenerator: number[];
    /** The machine's busy cores minus ours (servers, PostgreSQL, subscriber processes, writer): other work. */
    other: number | null;
  };
  loadGeneratorLoopDelay: { p50: number; p99: number; max: number }[];
  rssPeakMB: Record<string, number>;
  closes: Record<string, number>;
  badMessages: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  label: string;
  instances: number;
  subscribers: number;
  openSeconds: number;
  steps: StepResult[];
  rssPeakMB: Record<string, number>;
  /** Per server: before the subscribers connected, once they were all live, and peaks over the whole run. */
  memory: Record<
    string,
    {
      idle: MemoryFigures;
      subscribed: MemoryFigures;
      /** After the last step, subscribers still connected, after a full garbage collection. */
      afterGc: MemoryFigures;
      peakHeapUsedMB: number;
      peakHeapTotalMB: number;
      /** One sample a second: seconds since the server started sampling, RSS and heap used in MB. */
      timeline: [number, number, number][];
    }
  >;
  /** Ramp: why it stopped. */
  stoppedBecause?: string;
}

// ---------------------------------------------------------------------------------------------------------
// One live scenario: subscribers, warm-up, then one or more measured steps

export async function liveScenario(
  params: ScenarioContext & {
    scenario: Scenario;
    label: string;
    instances: number;
    machineCores: number;
    steps: { rate: number; seconds: number }[];
    stopWhen?: (step: StepResult) => string | null;
  },
): Promise<ScenarioResult> {
  const { options, client, label } = params;
  const set = await startServers(params.instances, params.env, params.nodeArgs, label);
  const { servers } = set;
  try {
    if (params.env.BENCH_REDIS_URL) {
      for (const s of servers) {
        const ready = await waitFor(async () => {
          const res = await fetch(`${s.url}/readyz`);
          return res.ok;
        }, 15_000);
        if (!ready) throw new Error(`[bench] ${s.name} is not ready (Redis wake-ups unavailable?)`);
      }
    }
    await sleep(1000);
    const idleMemory = await memoryNow(servers);
    process.stdout.write(`[bench] ${label}: opening ${int(options.subscribers)} subscribers ... `);
    const subscribers = await Subscribers.open(
      servers.map((s) => s.url),
      options.subscribers,
      options.workers,
    );
    const live = await waitFor(async () => {
      const stats = await Promise.all(servers.map((s) => s.cpu()));
      return stats.reduce((n, s) => n + (s.live?.subscribers ?? 0), 0) >= subscribers.opened;
    }, 60_000);
    if (!live)
      throw new Error(`[bench] the servers did not report all ${subscribers.opened} subscribers live`);
    const subscribedMemory = await memoryNow(servers);
    console.log(
      `${int(subscribers.opened)} live in ${subscribers.openSeconds.toFixed(1)} s; RSS ` +
        servers
          .map(
            (s) =>
              `${s.name} ${idleMemory[s.name]!.rssMB} MB idle, ${subscribedMemory[s.name]!.rssMB} MB now`,
          )
          .join(', '),
    );

    // Warm-up: everyone must have received one event before measuring starts.
    const warmRate = params.steps[0]!.rate;
    process.stdout.write(`[bench] ${label}: warm-up ${options.warmup} s at ${warmRate}/s ... `);
    const warm = await write(
      servers[0]!.url,
      params.token,
      params.initiativeId,
      warmRate,
      options.warmup,
      -1,
    );
    if (warm.committed === 0) throw new Error(`[bench] the writer failed: ${warm.errors.join('; ')}`);
    const warmed = await waitFor(
      async () => (await subscribers.progress()).warmed >= subscribers.opened,
      30_000,
    );
    if (!warmed) throw new Error('[bench] not every subscriber received a warm-up event within 30 s');
    const [{ seq: baseSeq }] = (
      await client.query<{ seq: number }>('SELECT coalesce(max(seq), 0)::int AS seq FROM events')
    ).rows;
    subscribers.measure(baseSeq);
    console.log('done');

    const results: StepResult[] = [];
    let stoppedBecause: string | undefined;
    let committedSoFar = 0;
    for (let index = 0; index < params.steps.length; index++) {
      const { rate, seconds } = params.steps[index]!;
      const startingOpen = (await subscribers.progress()).open;
      process.stdout.write(
        `[bench] ${label}: ${rate} events/s for ${seconds} s to ${int(startingOpen)} subscribers ... `,
      );
      const before: CpuSnapshot = await snapshot(client, servers);
      const lgBefore = (await subscribers.progress()).cpuSeconds;
      const lgAt = performance.now();
      const written = await write(servers[0]!.url, params.token, params.initiativeId, rate, seconds, index);
      const after = await snapshot(client, servers);
      const lgAfter = (await subscribers.progress()).cpuSeconds;
      const lgWall = (performance.now() - lgAt) / 1000;
      const expected = written.committed * startingOpen;
      committedSoFar += written.committed;
      const drainBegan = performance.now();
      const drained = await waitFor(
        async () => ((await subscribers.progress()).perStep[index] ?? 0) >= expected,
        options.drain * 1000,
        100,
      );
      const drainSeconds = (performance.now() - drainBegan) / 1000;
      const collected = await subscribers.collect(index);
      const cpu = cpuBetween(before, after, params.machineCores);
      const result = stepResult({
        index,
        rate,
        seconds,
        subscribers: startingOpen,
        written,
        committedSoFar,
        collected,
        serverNames: servers.map((s) => s.name),
        drained,
        drainSeconds,
        cpu: withOther({
          ...cpu,
          bench: cpu.loadGenerator,
          loadGenerator: lgAfter.map((c, i) => (c - lgBefore[i]!) / lgWall),
          other: null,
        }),
        rssPeakMB: Object.fromEntries(
          servers.map((s, i) => [s.name, mb(peakRss(set.rss[i]!, written.firstSendAt, Date.now()))]),
        ),
      });
      results.push(result);
      console.log(describeStep(result));
      const stop = params.stopWhen?.(result);
      if (stop) {
        stoppedBecause = stop;
        console.log(`[bench] ${label}: stopping: ${stop}`);
        break;
      }
    }
    const afterGc = await memoryNow(servers, true);
    await subscribers.close();
    return {
      scenario: params.scenario,
      label,
      instances: params.instances,
      subscribers: subscribers.opened,
      openSeconds: subscribers.openSeconds,
      steps: results,
      rssPeakMB: Object.fromEntries(servers.map((s, i) => [s.name, mb(peakRss(set.rss[i]!))])),
      memory: Object.fromEntries(
        servers.map((s, i) => [
          s.name,
          {
            idle: idleMemory[s.name]!,
            subscribed: subscribedMemory[s.name]!,
            afterGc: afterGc[s.name]!,
            timeline: set.rss[i]!.map((m): [number, number, number] => [
              Math.round((m.at - set.rss[i]![0]!.at) / 1000),
              mb(m.bytes),
              mb(m.heapUsed),
            ]),
            peakHeapUsedMB: mb(peakRss(set.rss[i]!, 0, Infinity, 'heapUsed')),
            peakHeapTotalMB: mb(peakRss(set.rss[i]!, 0, Infinity, 'heapTotal')),
          },
        ]),
      ),
      stoppedBecause,
    };
  } finally {
    await stopServers(set);
  }
}

export function withOther(cpu: StepResult['cpu']): StepResult['cpu'] {
  if (cpu.machine === null) return cpu;
  const ours =
    Object.values(cpu.servers).reduce((a, b) => a + b, 0) +
    (cpu.postgres ?? 0) +
    cpu.loadGenerator.reduce((a, b) => a + b, 0) +
    cpu.bench;
  return { ...cpu, other: Math.max(0, Math.round((cpu.machine - ours) * 100) / 100) };
}

export async function waitFor(
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 250,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return true;
    } catch {
      // not yet
    }
    if (Date.now() >= deadline) return false;
    await sleep(everyMs);
  }
}

export function stepResult(p: {
  index: number;
  rate: number;
  seconds: number;
  subscribers: number;
  written: WriteResult;
  committedSoFar: number;
  collected: Awaited<ReturnType<Subscribers['collect']>>;
  serverNames: string[];
  drained: boolean;
  drainSeconds: number;
  cpu: StepResult['cpu'];
  rssPeakMB: Record<string, number>;
}): StepResult {
  const { shares } = p.collected;
  const sum = (f: (s: StepShare) => number) => shares.reduce((n, s) => n + f(s), 0);
  const deliveries = sum((s) => s.deliveries);
  const expected = p.written.committed * p.subscribers;
  const lastAt = shares.reduce((m, s) => Math.max(m, s.lastAt), 0);
  const window = (lastAt - p.written.firstSendAt) / 1000;
  let subscribersMissing = 0;
  // Every subscriber should hold all committed events of every step so far.
  for (const { counts } of p.collected.perSubscriber)
    for (const n of counts) if (n < p.committedSoFar) subscribersMissing++;
  const perServer = p.serverNames.map((server, i) => {
    const mine = shares.filter((s) => s.server === i);
    return {
      server,
      subscribers: p.collected.perSubscriber.reduce((n, w) => n + w.servers.filter((x) => x === i).length, 0),
      deliveries: mine.reduce((n, s) => n + s.deliveries, 0),
      fromCommit: summarise(concat(mine.map((s) => s.fromOccurred))),
    };
  });
  const tenths = (pick: (means: Float32Array, tenth: number) => Float32Array) => {
    let sum = 0;
    let n = 0;
    for (const means of p.collected.meanBySubscriber) {
      for (const v of pick(means, Math.max(1, Math.floor(means.length / 10)))) {
        if (Number.isFinite(v)) {
          sum += v;
          n++;
        }
      }
    }
    return n ? Math.round((sum / n) * 10) / 10 : NaN;
  };
  return {
    step: p.index,
    rate: p.rate,
    seconds: p.seconds,
    subscribers: p.subscribers,
    write: p.written,
    events: p.written.committed,
    expected,
    deliveries,
    lost: Math.max(0, expected - deliveries),
    duplicated: sum((s) => s.duplicates),
    outOfOrder: sum((s) => s.outOfOrder),
    subscribersMissing,
    deliveriesPerSecond: window > 0 ? deliveries / window : NaN,
    fromCommit: summarise(concat(shares.map((s) => s.fromOccurred))),
    fromSend: summarise(concat(shares.map((s) => s.fromSend))),
    byJoinOrder: {
      firstTenthMs: tenths((m, t) => m.subarray(0, t)),
      lastTenthMs: tenths((m, t) => m.subarray(m.length - t)),
    },
    perServer,
    drained: p.drained,
    drainSeconds: Math.round(p.drainSeconds * 100) / 100,
    cpu: p.cpu,
    loadGeneratorLoopDelay: p.collected.loopDelay,
    rssPeakMB: p.rssPeakMB,
    closes: p.collected.closes,
    badMessages: p.collected.badMessages,
  };
}

export function describeStep(r: StepResult): string {
  const c = r.fromCommit;
  const servers = Object.entries(r.cpu.servers)
    .map(([name, v]) => `${name} ${cores(v)}`)
    .join(', ');
  const rss = Object.entries(r.rssPeakMB)
    .map(([name, v]) => `${name} ${v} MB`)
    .join(', ');
  const closes = Object.entries(r.closes);
  return (
    `${int(r.deliveries)} of ${int(r.expected)} deliveries (${int(r.deliveriesPerSecond)}/s); ` +
    `commit→receipt min ${ms(c.min)} p50 ${ms(c.p50)} p95 ${ms(c.p95)} p99 ${ms(c.p99)} max ${ms(c.max)} ms; ` +
    `send→receipt p99 ${ms(r.fromSend.p99)} ms; mean of the first/last tenth to subscribe ` +
    `${ms(r.byJoinOrder.firstTenthMs)}/${ms(r.byJoinOrder.lastTenthMs)} ms; lost ${int(r.lost)}, duplicated ${r.duplicated}, ` +
    `out of order ${r.outOfOrder}; CPU: ${servers}, PostgreSQL ${cores(r.cpu.postgres)}, ` +
    `subscriber processes ${r.cpu.loadGenerator.map(cores).join(' + ')}, writer ${cores(r.cpu.bench)}, ` +
    `machine ${cores(r.cpu.machine)} of ${r.cpu.machineCores} (other work ${cores(r.cpu.other)}); RSS peak ${rss}` +
    (r.write.failed ? `; ${r.write.failed} writes failed: ${r.write.errors[0]}` : '') +
    (closes.length ? `; subscribers closed: ${closes.map(([code, n]) => `${n}× ${code}`).join(', ')}` : '') +
    (r.badMessages ? `; ${r.badMessages} bad messages` : '') +
    (r.drained ? '' : `; not all delivered ${r.drainSeconds} s after the writer stopped`)
  );
}

// ---------------------------------------------------------------------------------------------------------
// Catch-up
