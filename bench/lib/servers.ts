/**
 * The servers under test, each in a child process of its own (run through tsx unless compiled), so that neither shares an
 * event loop with the other or with the load generator. They report their URL over IPC, answer 'cpu' with
 * their process.cpuUsage(), and stop cleanly on 'stop'.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CpuSample {
  /** Microseconds of user + system CPU since the process started. */
  micros: number;
  rssBytes: number;
  /** V8 heap figures (bytes), from servers that send them (ours). */
  heap?: HeapFigures;
  /** Live-feed figures, from servers that have one (ours). */
  live?: { subscribers: number; sockets: number };
  /** SQL statements the server has sent since it started, from servers that count them (ours). */
  statements?: number;
}

export interface HeapFigures {
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export interface ServerProcess {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /**
   * CPU time and memory. `collectGarbage`: a full garbage collection first, in servers started with
   * --expose-gc that support it (ours), to tell live memory from garbage not yet collected.
   */
  cpu(collectGarbage?: boolean): Promise<CpuSample>;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  /** Module path relative to bench/ (e.g. 'servers/romgraph.ts'), or absolute. */
  entry: string;
  env: Record<string, string>;
  /** Extra Node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Run the entry through tsx (default); false for compiled JavaScript. */
  tsx?: boolean;
  /** A file the server's standard output goes to (its log; default: the bench's own output). */
  stdoutTo?: string;
  timeoutMs?: number;
}

type Message =
  | { type: 'listening'; url: string }
  | {
      type: 'cpu';
      /** The request's id, from servers that echo it (ours). */
      id?: number;
      usage: NodeJS.CpuUsage;
      memory: number;
      heap?: HeapFigures;
      live?: { subscribers: number; sockets: number };
      statements?: number;
    };

export async function startServer(options: StartOptions): Promise<ServerProcess> {
  const entry = path.isAbsolute(options.entry)
    ? options.entry
    : fileURLToPath(new URL(`../${options.entry}`, import.meta.url));
  const stdout = options.stdoutTo ? openSync(options.stdoutTo, 'w') : undefined;
  const child: ChildProcess = fork(entry, [], {
    execArgv: [
      ...(options.tsx === false ? [] : ['--import', import.meta.resolve('tsx')]),
      ...(options.nodeArgs ?? []),
    ],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', stdout ?? 'inherit', 'inherit', 'ipc'],
  });
  // The child has its own copy of the descriptor.
  if (stdout !== undefined) closeSync(stdout);
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

  let requests = 0;
  return {
    name: options.name,
    url,
    pid: child.pid ?? -1,
    cpu(collectGarbage = false) {
      const id = ++requests;
      return new Promise<CpuSample>((resolve, reject) => {
        const timer = setTimeout(
          () => {
            child.off('message', onMessage);
            reject(new Error(`[bench] ${options.name} did not report its CPU`));
          },
          collectGarbage ? 30_000 : 5000,
        );
        const onMessage = (message: Message) => {
          // Several requests may be out at once: take our own answer (servers that send no id get the first).
          if (message.type !== 'cpu' || (message.id !== undefined && message.id !== id)) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve({
            micros: message.usage.user + message.usage.system,
            rssBytes: message.memory,
            heap: message.heap,
            live: message.live,
            statements: message.statements,
          });
        };
        child.on('message', onMessage);
        child.send({ type: 'cpu', id, gc: collectGarbage });
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
