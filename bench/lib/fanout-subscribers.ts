/**
 * Child process of bench/fanout.ts: a share of the live subscribers, on raw `ws` sockets speaking
 * graphql-transport-ws (connection_init, then one subscribe each). For every `next` it notes the time of
 * receipt and counts the delivery per subscriber by the event's cursor (its seq): new, duplicate, or out of
 * order. Latencies are kept per step of the run (the writer puts `s=<step> t=<send time>` in the milestone
 * title, or the activity's, for subscriptions that select `activity { title }` too) and per server, and handed
 * to the parent on request. Driven over IPC (messages below); exits when the parent goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';

export type ToWorker =
  | { type: 'open'; urls: string[]; sockets: number; query: string; concurrency: number }
  /** Starts counting: seqs at or below `baseSeq` (warm-up) are no longer counted as measured deliveries. */
  | { type: 'measure'; baseSeq: number }
  | { type: 'progress' }
  /** Hands over (and forgets) the latencies and counts of one step. */
  | { type: 'collect'; step: number }
  | { type: 'close' };

export interface StepShare {
  step: number;
  server: number;
  /** Distinct events received, summed over subscribers. */
  deliveries: number;
  duplicates: number;
  outOfOrder: number;
  /** Epoch ms of the first and last receipt. */
  firstAt: number;
  lastAt: number;
  /** Milliseconds from the event's occurredAt to receipt, one per delivery. */
  fromOccurred: Float32Array;
  /** Milliseconds from the writer's send to receipt. */
  fromSend: Float32Array;
}

export type FromWorker =
  | { type: 'opened'; ok: number; failed: number; errors: string[]; seconds: number }
  | {
      type: 'progress';
      /** Measured distinct deliveries per step. */
      perStep: Record<number, number>;
      /** Subscribers that have received at least one warm-up event. */
      warmed: number;
      open: number;
      /** CPU time of this process since it started, s (the parent takes differences). */
      cpuSeconds: number;
    }
  | {
      type: 'collected';
      shares: StepShare[];
      /** Measured distinct deliveries per subscriber (all steps so far), and the server each is on. */
      perSubscriber: Uint32Array;
      serverOf: Uint8Array;
      /**
       * Mean commit-to-receipt latency of each subscriber over the step, in the order they subscribed (which
       * is the order the server's cohort delivers in): shows whether delivery is one serial pass.
       */
      meanBySubscriber: Float32Array;
      /** Close codes of subscribers closed by the server, with counts. */
      closes: Record<string, number>;
      /** `next` messages with errors or without the expected data. */
      badMessages: number;
      /** Event-loop delay since 'measure' or the last collect, ms: how late this process was to read what arrived. */
      loopDelay: { p50: number; p99: number; max: number };
    }
  | { type: 'closed' };

/** A growable Float32Array. */
class Samples {
  private data = new Float32Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  take(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

interface Share {
  step: number;
  server: number;
  deliveries: number;
  duplicates: number;
  outOfOrder: number;
  firstAt: number;
  lastAt: number;
  fromOccurred: Samples;
  fromSend: Samples;
}

interface Subscriber {
  ws: WebSocket;
  server: number;
  /** Highest seq received (measured or not). */
  lastSeq: number;
  /** One bit per seq above baseSeq: received already. */
  seen: Uint8Array;
  measured: number;
  /** Sum and count of commit-to-receipt latencies since the last collect. */
  latencySum: number;
  latencyCount: number;
  warmed: boolean;
  closedWith: number | null;
}

const send = (message: FromWorker) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();

const subscribers: Subscriber[] = [];
const shares = new Map<number, Share>();
const closes: Record<string, number> = {};
let baseSeq = Number.MAX_SAFE_INTEGER;
let measuring = false;
let badMessages = 0;
let closing = false;
/** The histogram records whole timer intervals; the delay is what exceeds the resolution. */
const LOOP_RESOLUTION_MS = 5;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

function shareOf(step: number, server: number): Share {
  const key = step * 16 + server;
  let share = shares.get(key);
  if (!share) {
    share = {
      step,
      server,
      deliveries: 0,
      duplicates: 0,
      outOfOrder: 0,
      firstAt: Infinity,
      lastAt: 0,
      fromOccurred: new Samples(),
      fromSend: new Samples(),
    };
    shares.set(key, share);
  }
  return share;
}

/** The seq in an event cursor: base64url of the JSON sort key, `["<seq>"]` (server/infra/graphql/connection.ts). */
function seqOf(cursor: string): number {
  const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
  return Number(key[0]);
}

/** `s=<step> t=<epoch ms>` from the writer's title; NaN when absent. */
function tagOf(title: string, name: 's' | 't'): number {
  const at = title.indexOf(` ${name}=`);
  if (at === -1) return NaN;
  const end = title.indexOf(' ', at + 3);
  return Number(title.slice(at + 3, end === -1 ? undefined : end));
}

function onNext(sub: Subscriber, payload: any, receivedAt: number): void {
  const event = payload?.data?.events;
  // The writer's tags are in the title of what it wrote: a milestone (fanout, soak) or an activity (soak).
  const title: unknown = event?.milestone?.title ?? event?.activity?.title;
  if (payload?.errors || !event?.cursor || typeof title !== 'string') {
    badMessages++;
    return;
  }
  const seq = seqOf(event.cursor);
  const outOfOrder = seq <= sub.lastSeq;
  if (!outOfOrder) sub.lastSeq = seq;
  if (!measuring || seq <= baseSeq) {
    sub.warmed = true;
    return;
  }
  const share = shareOf(tagOf(title, 's'), sub.server);
  const bit = seq - baseSeq;
  const byte = bit >> 3;
  if (byte >= sub.seen.length) {
    const bigger = new Uint8Array(Math.max(byte + 1, sub.seen.length * 2));
    bigger.set(sub.seen);
    sub.seen = bigger;
  }
  const mask = 1 << (bit & 7);
  if (sub.seen[byte]! & mask) {
    share.duplicates++;
    return;
  }
  sub.seen[byte]! |= mask;
  if (outOfOrder) share.outOfOrder++;
  sub.measured++;
  share.deliveries++;
  if (receivedAt < share.firstAt) share.firstAt = receivedAt;
  if (receivedAt > share.lastAt) share.lastAt = receivedAt;
  const latency = receivedAt - Date.parse(event.occurredAt);
  share.fromOccurred.push(latency);
  sub.latencySum += latency;
  sub.latencyCount++;
  share.fromSend.push(receivedAt - tagOf(title, 't'));
}

function openOne(url: string, server: number, query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    const sub: Subscriber = {
      ws,
      server,
      lastSeq: 0,
      seen: new Uint8Array(64),
      measured: 0,
      latencySum: 0,
      latencyCount: 0,
      warmed: false,
      closedWith: null,
    };
    let acked = false;
    ws.on('open', () => ws.send('{"type":"connection_init","payload":{}}'));
    ws.on('message', (data) => {
      const receivedAt = now();
      const message = JSON.parse(data.toString()) as { type: string; id?: string; payload?: unknown };
      if (message.type === 'next') return onNext(sub, message.payload, receivedAt);
      if (message.type === 'connection_ack' && !acked) {
        acked = true;
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
        subscribers.push(sub);
        resolve();
      } else if (message.type === 'ping') ws.send('{"type":"pong"}');
      else if (message.type === 'error' || message.type === 'complete') badMessages++;
    });
    ws.on('error', (err) => {
      if (!acked) reject(err);
    });
    ws.on('close', (code) => {
      if (!acked) reject(new Error(`closed with ${code} before connection_ack`));
      else if (!closing) {
        sub.closedWith = code;
        closes[code] = (closes[code] ?? 0) + 1;
      }
    });
  });
}

async function open(urls: string[], count: number, query: string, concurrency: number): Promise<void> {
  const began = now();
  let next = 0;
  let ok = 0;
  const errors: string[] = [];
  const lane = async () => {
    while (next < count) {
      const i = next++;
      try {
        await openOne(urls[i % urls.length]!, i % urls.length, query);
        ok++;
      } catch (err) {
        if (errors.length < 5) errors.push((err as Error).message);
        else errors.length++;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  send({
    type: 'opened',
    ok,
    failed: count - ok,
    errors: errors.slice(0, 5),
    seconds: (now() - began) / 1000,
  });
}

function progress(): void {
  const cpu = process.cpuUsage();
  const perStep: Record<number, number> = {};
  for (const share of shares.values()) perStep[share.step] = (perStep[share.step] ?? 0) + share.deliveries;
  send({
    type: 'progress',
    perStep,
    warmed: subscribers.filter((s) => s.warmed).length,
    open: subscribers.filter((s) => s.closedWith === null).length,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  });
}

function collect(step: number): void {
  const taken: StepShare[] = [];
  for (const [key, share] of shares) {
    if (share.step !== step) continue;
    shares.delete(key);
    taken.push({
      step: share.step,
      server: share.server,
      deliveries: share.deliveries,
      duplicates: share.duplicates,
      outOfOrder: share.outOfOrder,
      firstAt: share.firstAt,
      lastAt: share.lastAt,
      fromOccurred: share.fromOccurred.take(),
      fromSend: share.fromSend.take(),
    });
  }
  const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4) / 100 - LOOP_RESOLUTION_MS);
  send({
    type: 'collected',
    shares: taken,
    perSubscriber: Uint32Array.from(subscribers, (s) => s.measured),
    serverOf: Uint8Array.from(subscribers, (s) => s.server),
    meanBySubscriber: Float32Array.from(subscribers, (s) =>
      s.latencyCount ? s.latencySum / s.latencyCount : NaN,
    ),
    closes: { ...closes },
    badMessages,
    loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
  });
  loop.reset();
  for (const sub of subscribers) {
    sub.latencySum = 0;
    sub.latencyCount = 0;
  }
}

process.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'open':
      void open(message.urls, message.sockets, message.query, message.concurrency);
      break;
    case 'measure':
      baseSeq = message.baseSeq;
      measuring = true;
      loop.reset();
      break;
    case 'progress':
      progress();
      break;
    case 'collect':
      collect(message.step);
      break;
    case 'close': {
      closing = true;
      for (const sub of subscribers) sub.ws.terminate();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
      break;
    }
  }
});
process.on('disconnect', () => process.exit(0));
