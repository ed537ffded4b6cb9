/** What the live and webhook parts of `npm run bench -- notifications` share: IPC with their child processes, GraphQL over HTTP, the log's head. */
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The p-th percentile of sorted samples (NaN when there are none). */
export const percentileOf = (sorted: Float32Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

/**
 * An `ask` for one kind of child: sends a message and waits for the child's reply of the given type. (Made per
 * kind so that the reply's type follows from its name.)
 */
export function asker<To extends { type: string }, From extends { type: string }>() {
  return <T extends From['type']>(
    child: ChildProcess,
    message: To,
    reply: T,
    timeoutMs = 60_000,
  ): Promise<Extract<From, { type: T }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        reject(new Error(`[bench] a child process did not answer ${message.type}`));
      }, timeoutMs);
      const onMessage = (m: From) => {
        if (m.type !== reply) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(m as Extract<From, { type: T }>);
      };
      child.on('message', onMessage);
      child.send(message);
    });
}

/** One GraphQL request over HTTP; throws the first error's message. */
export async function graphql(url: string, token: string, query: string, variables: object): Promise<any> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: any; errors?: { message: string }[] };
  if (body.errors) throw new Error(`[bench] ${body.errors[0]!.message}`);
  return body.data;
}

/** The seq of the newest event. */
export async function headSeq(databaseUrl: string): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return Number((await db.query(`SELECT coalesce(max(seq), 0)::text AS head FROM events`)).rows[0].head);
  } finally {
    await db.end();
  }
}

const ADD_MILESTONE = 'mutation ($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }';

/**
 * The benchmarks' writer: milestones added through the API at a steady rate, round the `targets` (initiative
 * ids). `write(seconds, counted)` resolves once every write of those seconds has answered; `events` counts the
 * counted ones that succeeded.
 */
export function milestoneWriter(options: {
  url: string;
  token: string;
  targets: string[];
  rate: number;
  title: string;
}) {
  const state = { written: 0, events: 0, failures: 0 };
  const write = async (seconds: number, counted: boolean) => {
    const startedAt = Date.now();
    const writes: Promise<void>[] = [];
    const total = Math.round(options.rate * seconds);
    for (let i = 0; i < total; i++) {
      const wait = startedAt + (i * 1000) / options.rate - Date.now();
      if (wait > 0) await sleep(wait);
      const n = state.written++;
      const input = {
        initiativeId: options.targets[n % options.targets.length],
        title: `${options.title} ${n}`,
      };
      writes.push(
        graphql(options.url, options.token, ADD_MILESTONE, { input }).then(
          () => {
            if (counted) state.events++;
          },
          (err: Error) => {
            if (state.failures++ === 0) console.warn(`[bench] a write failed: ${err.message}`);
          },
        ),
      );
    }
    await Promise.all(writes);
  };
  return { write, state };
}
