/**
 * Counting semaphores for shared capacity (pool connections, replay slots): FIFO, so nobody waits forever
 * behind later arrivals, and keyed, so one caller cannot take what all callers share.
 */

/** A FIFO counting semaphore. */
export class Semaphore {
  private used = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Resolves with a release function once a slot is free; call it exactly once. */
  async acquire(): Promise<() => void> {
    if (this.used < this.limit) this.used++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.used--;
    };
  }

  /** Runs `work` in a slot. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  get inUse(): number {
    return this.used;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/** One semaphore per key, created on first use and dropped when idle. */
export class KeyedSemaphore {
  private readonly semaphores = new Map<string, Semaphore>();

  constructor(readonly limit: number) {}

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    let semaphore = this.semaphores.get(key);
    if (!semaphore) this.semaphores.set(key, (semaphore = new Semaphore(this.limit)));
    try {
      return await semaphore.run(work);
    } finally {
      if (semaphore.inUse === 0 && semaphore.queued === 0) this.semaphores.delete(key);
    }
  }

  /** Keys holding or waiting for a slot now (for tests and metrics). */
  get size(): number {
    return this.semaphores.size;
  }
}
