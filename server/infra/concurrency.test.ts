import { describe, expect, it } from 'vitest';
import { anonymousViewer } from './auth/viewer.js';
import { KeyedSemaphore, Semaphore } from './concurrency.js';
import { RequestScope } from './request-scope.js';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** Runs `count` jobs through `run`, each waiting on its own signal; reports how many ran at once at most. */
async function peakOf(count: number, run: (job: () => Promise<void>) => Promise<void>) {
  let running = 0;
  let peak = 0;
  const gates = Array.from({ length: count }, deferred);
  const done = gates.map((gate) =>
    run(async () => {
      running++;
      peak = Math.max(peak, running);
      await gate.promise;
      running--;
    }),
  );
  await new Promise((r) => setTimeout(r, 5));
  const peakWhileBlocked = peak;
  for (const gate of gates) gate.resolve();
  await Promise.all(done);
  return { peakWhileBlocked, peak };
}

describe('Semaphore', () => {
  it('runs at most `limit` jobs at once, the rest in arrival order', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const { peak } = await peakOf(6, (job) => semaphore.run(job));
    expect(peak).toBe(2);
    const gates = [deferred(), deferred(), deferred()];
    const runs = gates.map((gate, i) => semaphore.run(async () => (order.push(i), gate.promise)));
    gates[0]!.resolve();
    gates[1]!.resolve();
    gates[2]!.resolve();
    await Promise.all(runs);
    expect(order).toEqual([0, 1, 2]);
    expect(semaphore.inUse).toBe(0);
  });

  it('frees the slot of a job that throws', async () => {
    const semaphore = new Semaphore(1);
    await expect(semaphore.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(semaphore.run(async () => 'next')).resolves.toBe('next');
  });
});

describe('KeyedSemaphore', () => {
  it('bounds each key on its own and forgets idle keys', async () => {
    const callers = new KeyedSemaphore(1);
    const [a, b] = await Promise.all([
      peakOf(4, (job) => callers.run('a', job)),
      peakOf(4, (job) => callers.run('b', job)),
    ]);
    expect(a.peak).toBe(1);
    expect(b.peak).toBe(1);
    expect(callers.size).toBe(0);
  });
});

describe('RequestScope budget', () => {
  const budget = (deadline: number) => ({
    deadline,
    connections: 2,
    callers: new KeyedSemaphore(3),
    caller: 'address:127.0.0.1',
  });

  it('runs at most its connections at once, however many reads its resolvers start', async () => {
    const scope = new RequestScope(anonymousViewer).limit(budget(Date.now() + 60_000));
    const { peakWhileBlocked } = await peakOf(10, (job) => scope.guard(job));
    expect(peakWhileBlocked).toBe(2);
  });

  it('shares the caller limit between its requests', async () => {
    const shared = budget(Date.now() + 60_000);
    const scopes = Array.from({ length: 4 }, () => new RequestScope(anonymousViewer).limit(shared));
    let i = 0;
    const { peakWhileBlocked } = await peakOf(8, (job) => scopes[i++ % 4]!.guard(job));
    expect(peakWhileBlocked).toBe(3);
  });

  it('refuses reads once its deadline has passed, also those that waited for a slot', async () => {
    const scope = new RequestScope(anonymousViewer).limit({
      ...budget(Date.now() + 30),
      timeoutMs: 30,
      connections: 1,
    });
    const slow = scope.guard(() => new Promise((r) => setTimeout(r, 60)));
    const queued = scope.guard(async () => 'too late');
    await slow;
    await expect(queued).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    await expect(scope.guard(async () => 'later still')).rejects.toThrow(/ran longer than 30 ms/);
  });

  it('puts loader batches through the same budget', async () => {
    const scope = new RequestScope(anonymousViewer).limit(budget(Date.now() - 1));
    const loader = scope.loader<number, number>('x', async (keys) => keys.map((k) => k * 2));
    await expect(loader.load(1)).rejects.toMatchObject({ extensions: { code: 'TIMEOUT' } });
    const unbounded = new RequestScope(anonymousViewer).loader<number, number>('x', async (keys) =>
      keys.map((k) => k * 2),
    );
    await expect(unbounded.load(2)).resolves.toBe(4);
  });
});
