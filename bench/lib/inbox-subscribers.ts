/**
 * Child process of `npm run bench -- notifications` (its live part): a share of the personal live feeds, on raw
 * `ws` sockets speaking graphql-transport-ws. Each socket signs in as one person (`connectionParams`) and
 * subscribes to `notifications(after:)` from the same cursor, so every notification after it is owed to it
 * whenever the subscription became live. For every `next` it notes the seq (from the cursor), whether it was
 * new, a duplicate or out of order, and the milliseconds from the event's `occurredAt` to receipt. Driven over
 * IPC (messages below); exits when the parent goes away.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';

export type ToInboxWorker =
  | { type: 'open'; url: string; tokens: string[]; after: string; query: string; concurrency: number }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

export type FromInboxWorker =
  | { type: 'opened'; ok: number; failed: number; errors: string[] }
  | { type: 'progress'; deliveries: number; lastAt: number }
  | {
      type: 'collected';
      /** Per subscriber, in the order of `tokens`: the distinct seqs received. */
      seqs: number[][];
      duplicates: number;
      outOfOrder: number;
      /** Milliseconds from occurredAt to receipt, one per distinct delivery, and the seq of each. */
      latencies: Float32Array;
      latencySeqs: Float64Array;
      /** Per event (seq): deliveries and the slowest of them, ms. */
      bySeq: [number, number, number][];
      badMessages: number;
      closes: Record<string, number>;
      loopDelay: { p50: number; p99: number; max: number };
    }
  | { type: 'closed' };

interface Subscriber {
  ws: WebSocket;
  seen: Set<number>;
  seqs: number[];
  last: number;
}

const send = (message: FromInboxWorker) => process.send?.(message);
const now = () => performance.timeOrigin + performance.now();
const LOOP_RESOLUTION_MS = 5;
const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
loop.enable();

let subscribers: Subscriber[] = [];
const latencies: number[] = [];
const latencySeqs: number[] = [];
const bySeq = new Map<number, [number, number]>();
const closes: Record<string, number> = {};
let duplicates = 0;
let outOfOrder = 0;
let badMessages = 0;
let deliveries = 0;
let lastAt = 0;
let closing = false;

/** The seq in a cursor: base64url of the JSON sort key, `["<seq>"]`. */
const seqOf = (cursor: string) =>
  Number((JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[0]);

function onNext(sub: Subscriber, payload: any, receivedAt: number): void {
  const notification = payload?.data?.notifications;
  if (payload?.errors || !notification?.cursor) {
    badMessages++;
    return;
  }
  const seq = seqOf(notification.cursor);
  if (sub.seen.has(seq)) {
    duplicates++;
    return;
  }
  if (seq < sub.last) outOfOrder++;
  sub.last = Math.max(sub.last, seq);
  sub.seen.add(seq);
  sub.seqs.push(seq);
  deliveries++;
  lastAt = receivedAt;
  const latency = receivedAt - Date.parse(notification.event.occurredAt);
  latencies.push(latency);
  latencySeqs.push(seq);
  const per = bySeq.get(seq);
  if (per) {
    per[0]++;
    per[1] = Math.max(per[1], latency);
  } else bySeq.set(seq, [1, latency]);
}

function openOne(sub: Subscriber, url: string, token: string, after: string, query: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    sub.ws = ws;
    let acked = false;
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    ws.on('message', (data) => {
      const receivedAt = now();
      const message = JSON.parse(data.toString()) as { type: string; payload?: unknown };
      if (message.type === 'next') return onNext(sub, message.payload, receivedAt);
      if (message.type === 'connection_ack' && !acked) {
        acked = true;
        ws.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables: { after } } }));
        resolve();
      } else if (message.type === 'ping') ws.send('{"type":"pong"}');
      else if (message.type === 'error' || message.type === 'complete') badMessages++;
    });
    ws.on('error', (err) => {
      if (!acked) reject(err);
    });
    ws.on('close', (code) => {
      if (!acked) reject(new Error(`closed with ${code} before connection_ack`));
      else if (!closing) closes[code] = (closes[code] ?? 0) + 1;
    });
  });
}

async function open(message: Extract<ToInboxWorker, { type: 'open' }>): Promise<void> {
  subscribers = message.tokens.map(() => ({
    ws: null as unknown as WebSocket,
    seen: new Set<number>(),
    seqs: [],
    last: 0,
  }));
  let next = 0;
  let ok = 0;
  const errors: string[] = [];
  const lane = async () => {
    while (next < subscribers.length) {
      const i = next++;
      try {
        await openOne(subscribers[i]!, message.url, message.tokens[i]!, message.after, message.query);
        ok++;
      } catch (err) {
        if (errors.length < 5) errors.push((err as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(message.concurrency, subscribers.length) }, lane));
  loop.reset();
  send({ type: 'opened', ok, failed: subscribers.length - ok, errors });
}

process.on('message', (message: ToInboxWorker) => {
  switch (message.type) {
    case 'open':
      void open(message);
      break;
    case 'progress':
      send({ type: 'progress', deliveries, lastAt });
      break;
    case 'collect': {
      const ms = (ns: number) => Math.max(0, Math.round(ns / 1e4) / 100 - LOOP_RESOLUTION_MS);
      send({
        type: 'collected',
        seqs: subscribers.map((s) => s.seqs),
        duplicates,
        outOfOrder,
        latencies: Float32Array.from(latencies),
        latencySeqs: Float64Array.from(latencySeqs),
        bySeq: [...bySeq].map(([seq, [n, max]]) => [seq, n, max]),
        badMessages,
        closes: { ...closes },
        loopDelay: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      });
      break;
    }
    case 'close':
      closing = true;
      for (const sub of subscribers) sub.ws?.terminate();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
