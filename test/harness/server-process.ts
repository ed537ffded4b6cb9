/**
 * The real server as its own process (`server/main.ts` under tsx), for tests that signal or kill it as an
 * orchestrator would. Resolves once it listens; keeps what it logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** Everything it wrote to stdout and stderr so far. */
  log(): string;
  /** Its exit code once it exits (null when a signal ended it). */
  exited: Promise<number | null>;
}

/** @param env settings over a development server on 127.0.0.1, a free port and no Redis */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      // Vitest's NODE_ENV=test would hide Apollo's own signal handlers, which are on in every other environment.
      NODE_ENV: 'development',
      REDIS_URL: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
      // Load and fault tests are one caller sending as fast as they can.
      RATE_LIMIT: 'false',
      WS_MAX_CONNECTIONS_PER_CALLER: '100000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  for (let i = 0; !log.includes('listens on'); i++) {
    if (i > 600 || child.exitCode !== null) throw new Error(`the server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url: `http://127.0.0.1:${port}`, log: () => log, exited };
}
