/**
 * Allowances (points an instance takes from a caller's shared counter ahead of use), against a redis-server of
 * this test's own so its command counts are this test's alone: two RateLimits on one Redis are two instances.
 * They never allow more than a budget together, a busy caller costs far fewer round trips than operations,
 * the headers of one instance stay exact, and what is unspent goes back.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError, RateLimits, type RateLimitSettings } from '../../server/infra/http/rate-limit.js';
import { LIFETIME_MS } from '../../server/infra/http/rate-limit-allowances.js';
import { RedisServer } from '../harness/redis-server.js';
import { waitFor } from '../harness/wait.js';

const quiet = { info() {}, warn() {}, error() {}, debug() {} } as never;
let redis: RedisServer;
let probe: ReturnType<typeof createClient>;
const opened: RateLimits[] = [];
let prefixes = 0;

beforeAll(async () => {
  redis = await RedisServer.start();
  probe = createClient({ url: redis.url });
  await probe.connect();
});
afterAll(async () => {
  for (const limits of opened) await limits.close();
  await probe?.close();
  await redis?.stop();
});

async function instances(n: number, settings: Partial<RateLimitSettings>): Promise<RateLimits[]> {
  const all: RateLimits[] = [];
  const keyPrefix = `t${++prefixes}:`;
  for (let i = 0; i < n; i++) {
    const limits = new RateLimits(
      {
        enabled: true,
        pointsPerHour: 1_000_000,
        anonymousPointsPerHour: 1_000_000,
        burstPerMinute: 1_000_000,
        keyPrefix,
        ...settings,
      },
      redis.url,
      quiet,
    );
    limits.start();
    opened.push(limits);
    all.push(limits);
  }
  // Connected: a first answer from Redis, not the memory fallback.
  await waitFor(
    async () => (await probe.ping()) === 'PONG',
    2000,
    () => 'no Redis',
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  return all;
}

/** EVAL commands Redis has answered so far (each counter's consume is one). */
async function evals(): Promise<number> {
  const info = await probe.info('commandstats');
  return Number(/cmdstat_eval:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

const counter = async (prefix: string, caller: string) => Number(await probe.get(`${prefix}:${caller}`));

describe('rate-limit allowances', () => {
  it('count a busy caller in a handful of round trips, with exact headers on one instance', async () => {
    const [only] = await instances(1, {});
    const before = await evals();
    const used: number[] = [];
    for (let i = 0; i < 300; i++) used.push((await only!.consume('key:busy', false, 1)).used);
    // Every answer says exactly what was spent so far, though the counter is ahead of it.
    expect(used).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const trips = ((await evals()) - before) / 2;
    expect(trips).toBeLessThan(30);
    expect(await counter(`t${prefixes}:hour`, 'key:busy')).toBeGreaterThanOrEqual(300);
    // What was taken ahead and not spent goes back once its lifetime is over.
    await waitFor(
      async () => (await counter(`t${prefixes}:hour`, 'key:busy')) === 300,
      LIFETIME_MS * 4,
      () => 'the unspent points did not go back',
    );
    expect(await counter(`t${prefixes}:minute`, 'key:busy')).toBe(300);
  });

  it('count a caller that comes back slowly one operation at a time, exactly', async () => {
    const [only] = await instances(1, {});
    const before = await evals();
    for (let i = 0; i < 3; i++) {
      expect((await only!.consume('key:slow', false, 5)).used).toBe(5 * (i + 1));
      await new Promise((resolve) => setTimeout(resolve, LIFETIME_MS + 100));
    }
    expect(((await evals()) - before) / 2).toBe(3);
    expect(await counter(`t${prefixes}:hour`, 'key:slow')).toBe(15);
  });

  it('never allow two instances together more than the budget, however the operations come', async () => {
    const [a, b] = await instances(2, { burstPerMinute: 500 });
    let allowed = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: 16 }, async (_, worker) => {
        for (let i = 0; i < 50; i++) {
          try {
            await (worker % 2 ? a! : b!).consume('key:both', false, 1);
            allowed++;
          } catch (err) {
            if (!(err instanceof RateLimitedError)) throw err;
            refused++;
          }
        }
      }),
    );
    expect(allowed + refused).toBe(800);
    expect(allowed).toBeLessThanOrEqual(500);
    // Refused early by at most what the other instance held when the budget ran out (an eighth of what was
    // left when it took it, taken while far from the end).
    expect(allowed).toBeGreaterThan(450);
    // What either held goes back; the counter then says what was spent (refused operations count against the
    // minute, as without allowances).
    await a!.close();
    await b!.close();
    expect(await counter(`t${prefixes}:hour`, 'key:both')).toBe(allowed);
  });

  it('refuse on the hour exactly when a costly operation no longer fits, the cheap one still fitting', async () => {
    const [only] = await instances(1, { pointsPerHour: 100 });
    for (let i = 0; i < 9; i++) await only!.consume('key:costly', false, 10);
    const err = await only!.consume('key:costly', false, 20).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitedError);
    expect((err as RateLimitedError).state).toMatchObject({ used: 90, remaining: 10 });
    expect((await only!.consume('key:costly', false, 10)).remaining).toBe(0);
  });
});
