/**
 * Child process of `npm run bench -- notifications` (its webhook part): the partner systems' endpoints, on one
 * HTTP server on 127.0.0.1. `POST /ok/<n>` answers 204 at once and notes, for webhook n, the event's seq (its
 * `webhook-id` is the event's cursor) and the milliseconds from the event's `occurredAt` to receipt;
 * `POST /hang/<n>` reads the request and never answers (the deliverer's timeout ends it). A sample of the
 * signatures is checked with node:crypto against the secrets the parent hands over. Driven over IPC.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type ToReceiver =
  | { type: 'listen' }
  | { type: 'secrets'; secrets: Record<number, string> }
  | { type: 'progress' }
  | { type: 'collect' }
  | { type: 'close' };

export type FromReceiver =
  | { type: 'listening'; url: string }
  | { type: 'secrets' }
  | { type: 'progress'; received: number; hanging: number; lastAt: number }
  | {
      type: 'collected';
      /** Per webhook n: the seqs received, in order of receipt. */
      seqs: Record<number, number[]>;
      /** Per delivery to a healthy endpoint: seq and ms from occurredAt to receipt. */
      latencySeqs: Float64Array;
      latencies: Float32Array;
      signaturesChecked: number;
      signaturesBad: number;
      hanging: number;
    }
  | { type: 'closed' };

const send = (message: FromReceiver) => process.send?.(message);
const seqs: Record<number, number[]> = {};
const latencies: number[] = [];
const latencySeqs: number[] = [];
let secrets: Record<number, string> = {};
let received = 0;
let hanging = 0;
let lastAt = 0;
let signaturesChecked = 0;
let signaturesBad = 0;
const held = new Set<http.ServerResponse>();

const seqOf = (cursor: string) =>
  Number((JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[0]);

function verify(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((part) => {
    const [version, signature] = part.split(',');
    const given = Buffer.from(signature ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  const [, kind, n] = (req.url ?? '').split('/');
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    if (kind === 'hang') {
      hanging++;
      held.add(res);
      res.on('close', () => held.delete(res));
      return;
    }
    const webhook = Number(n);
    const body = Buffer.concat(chunks).toString('utf8');
    const id = String(req.headers['webhook-id']);
    const seq = seqOf(id);
    (seqs[webhook] ??= []).push(seq);
    received++;
    lastAt = at;
    latencySeqs.push(seq);
    // The first occurredAt of the body is the event's (data.occurredAt): found, not parsed, to keep this cheap.
    const from = body.indexOf('"occurredAt":"') + 14;
    latencies.push(at - Date.parse(body.slice(from, body.indexOf('"', from))));
    // One delivery in a hundred has its signature checked (all of them would weigh on this process).
    const secret = secrets[webhook];
    if (secret && received % 100 === 0) {
      signaturesChecked++;
      const ok = verify(
        secret,
        id,
        String(req.headers['webhook-timestamp']),
        body,
        String(req.headers['webhook-signature']),
      );
      if (!ok) signaturesBad++;
    }
    res.writeHead(204).end();
  });
});
server.headersTimeout = 120_000;
server.requestTimeout = 0;

process.on('message', (message: ToReceiver) => {
  switch (message.type) {
    case 'listen':
      server.listen(0, '127.0.0.1', () =>
        send({ type: 'listening', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
      );
      break;
    case 'secrets':
      secrets = message.secrets;
      send({ type: 'secrets' });
      break;
    case 'progress':
      send({ type: 'progress', received, hanging, lastAt });
      break;
    case 'collect':
      send({
        type: 'collected',
        seqs,
        latencySeqs: Float64Array.from(latencySeqs),
        latencies: Float32Array.from(latencies),
        signaturesChecked,
        signaturesBad,
        hanging,
      });
      break;
    case 'close':
      for (const res of held) res.destroy();
      server.closeAllConnections();
      server.close();
      send({ type: 'closed' });
      setTimeout(() => process.exit(0), 100);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
