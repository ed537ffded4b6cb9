/** The subscribers of the fan-out benchmark, in child processes, and what they received. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker } from './fanout-subscribers.js';
import { SUBSCRIPTION, cleanups } from './fanout-common.js';

export class Subscribers {
  opened = 0;
  openSeconds = 0;
  private constructor(private readonly workers: ChildProcess[]) {}

  /** `query`: the subscription every socket holds (one cohort); the fan-out bench's by default. */
  static async open(
    urls: string[],
    total: number,
    processes: number,
    query: string = SUBSCRIPTION,
  ): Promise<Subscribers> {
    const entry = fileURLToPath(new URL('./fanout-subscribers.ts', import.meta.url));
    const workers: ChildProcess[] = [];
    for (let i = 0; i < processes; i++) {
      const child = fork(entry, [], {
        execArgv: ['--import', import.meta.resolve('tsx')],
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      child.on('error', (err) => console.error(`[bench] subscriber process: ${err.message}`));
      workers.push(child);
    }
    const set = new Subscribers(workers);
    cleanups.push(() => set.close());
    const began = Date.now();
    const replies = await Promise.all(
      workers.map((w, i) => {
        const sockets = Math.floor(total / processes) + (i < total % processes ? 1 : 0);
        return set.ask<'opened'>(
          w,
          { type: 'open', urls, sockets, query, concurrency: 100 },
          'opened',
          300_000,
        );
      }),
    );
    set.opened = replies.reduce((n, r) => n + r.ok, 0);
    set.openSeconds = (Date.now() - began) / 1000;
    const failed = replies.reduce((n, r) => n + r.failed, 0);
    if (failed > 0)
      console.warn(
        `[bench] ${failed} subscribers could not connect: ${replies.flatMap((r) => r.errors).join('; ')}`,
      );
    return set;
  }

  private ask<T extends FromWorker['type']>(
    worker: ChildProcess,
    message: ToWorker,
    reply: T,
    timeoutMs = 30_000,
  ): Promise<Extract<FromWorker, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        worker.off('message', onMessage);
        reject(new Error(`[bench] a subscriber process did not answer ${message.type}`));
      }, timeoutMs);
      const onMessage = (m: FromWorker) => {
        if (m.type !== reply) return;
        clearTimeout(timer);
        worker.off('message', onMessage);
        resolve(m as Extract<FromWorker, { type: T }>);
      };
      worker.on('message', onMessage);
      worker.send(message);
    });
  }

  measure(baseSeq: number): void {
    for (const w of this.workers) w.send({ type: 'measure', baseSeq } satisfies ToWorker);
  }

  async progress() {
    const replies = await Promise.all(this.workers.map((w) => this.ask(w, { type: 'progress' }, 'progress')));
    const perStep: Record<number, number> = {};
    for (const r of replies)
      for (const [step, n] of Object.entries(r.perStep)) perStep[+step] = (perStep[+step] ?? 0) + n;
    return {
      perStep,
      warmed: replies.reduce((n, r) => n + r.warmed, 0),
      open: replies.reduce((n, r) => n + r.open, 0),
      cpuSeconds: replies.map((r) => r.cpuSeconds),
    };
  }

  async collect(step: number) {
    const replies = await Promise.all(
      this.workers.map((w) => this.ask(w, { type: 'collect', step }, 'collected', 120_000)),
    );
    const closes: Record<string, number> = {};
    for (const r of replies)
      for (const [code, n] of Object.entries(r.closes)) closes[code] = (closes[code] ?? 0) + n;
    return {
      shares: replies.flatMap((r) => r.shares),
      perSubscriber: replies.map((r) => ({ counts: r.perSubscriber, servers: r.serverOf })),
      meanBySubscriber: replies.map((r) => r.meanBySubscriber),
      closes,
      badMessages: replies.reduce((n, r) => n + r.badMessages, 0),
      loopDelay: replies.map((r) => r.loopDelay),
    };
  }

  private closed = false;
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.workers.map(async (w) => {
        if (w.exitCode !== null || w.signalCode !== null) return;
        const exited = new Promise((resolve) => w.once('exit', resolve));
        try {
          w.send({ type: 'close' } satisfies ToWorker);
        } catch {
          w.kill('SIGKILL');
        }
        const timer = setTimeout(() => w.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The writer: open loop, one addMilestone per event, at a fixed rate
