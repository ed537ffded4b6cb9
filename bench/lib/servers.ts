/**
 * The servers under test, each in a child process of its own (run through tsx), so that neither shares an
 * event loop with the other or with the load generator. They report their URL over IPC, answer 'cpu' with
 * their process.cpuUsage(), and stop cleanly on 'stop'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface CpuSample {
  /** Microseconds of user + system CPU since the process started. */
  micros: number;
  rssBytes: number;
  /** Live-feed figures, from servers that have one (ours). */
  live?: { subscribers: number; sockets: number };
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  cpu(): Promise<CpuSample>;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** Module path relative to bench/ (e.g. 'servers/romgraph.ts'). */
  entry: string;
  env: Record<string, string>;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  timeoutMs?: number;
}

type Message =
  | { type: 'listening'; url: string }
  | {
      type: 'cpu';
      usage: NodeJS.CpuUsage;
      memory: number;
      live?: { subscribers: number; sockets: number };
    };

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const entry = fileURLToPath(new URL(`../${options.entry}`, import.meta.url));
  const child: ChildProcess = fork(entry, [], {
    execArgv: ['--import', import.meta.resolve('tsx'), ...(options.nodeArgs ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`[bench] ${options.name} did not start within ${(options.timeoutMs ?? 60_000) / 1000} s`),
      );
    }, options.timeoutMs ?? 60_000);
    const onMessage = (message: Message) => {
      if (message.type !== 'listening') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message.url);
    };
    child.on('message', onMessage);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`[bench] ${options.name} exited with code ${code} before it was listening`));
    });
  });

  return {
    name: options.name,
    url,
    pid: child.pid ?? -1,
    cpu() {
      return new Promise<CpuSample>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`[bench] ${options.name} did not report its CPU`)),
          5000,
        );
        const onMessage = (message: Message) => {
          if (message.type !== 'cpu') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({
            micros: message.usage.user + message.usage.system,
            rssBytes: message.memory,
            live: message.live,
          });
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu' });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
