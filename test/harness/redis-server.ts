/** A redis-server of the test's own on a spare port, so the test can take it away and bring it back. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { startTestServer, type TestServer } from './app.js';
import { freePort } from './free-port.js';

export class RedisServer {
  private process: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    const redis = new RedisServer(await freePort());
    await redis.restart();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts it (again) on the same port; resolves once the port is taken. */
  async restart(): Promise<void> {
    if (this.process) return;
    this.process = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    for (let i = 0; i < 50; i++) {
      if (await portTaken(this.port)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** An outage, not a shutdown: SIGKILL, as when the host or the network goes away. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running) return;
    this.process = null;
    if (running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  /**
   * A Redis that stops answering but keeps its connections open (SIGSTOP: the kernel still holds the sockets),
   * as with a frozen host or a network that drops packets without resetting: nothing tells the client it is gone.
   */
  pause(): void {
    this.process?.kill('SIGSTOP');
  }

  /** Answers again (SIGCONT) after `pause()`. */
  resume(): void {
    this.process?.kill('SIGCONT');
  }
}

function portTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(true));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)));
  });
}

/**
 * A test server on a Redis of the test's own (to kill or freeze), with the rate limits on under a key prefix of
 * its own, as a production instance runs them.
 */
export async function serverOnOwnRedis(
  env: Record<string, string> = {},
): Promise<{ redis: RedisServer; server: TestServer }> {
  const redis = await RedisServer.start();
  const server = await startTestServer({
    REDIS_URL: redis.url,
    RATE_LIMIT: 'true',
    RATE_LIMIT_KEY_PREFIX: `test:${randomUUID()}:`,
    EVENTS_POLL_MS: '200',
    ...env,
  });
  return { redis, server };
}
