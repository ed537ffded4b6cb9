/**
 * Where the CPU went during a measured run: each server process, the PostgreSQL backends serving the bench
 * database, the load generator (this process) and the whole machine. Linux /proc only; elsewhere the
 * PostgreSQL and machine figures are left out. Also a process's resident memory, as /proc says it.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import type { ServerProcess } from './servers.js';

/** Clock ticks per second for /proc times; 100 on every Linux this runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

export interface CpuSnapshot {
  at: number;
  servers: Record<string, number>;
  self: number;
  /** PostgreSQL backend pid -> CPU seconds. */
  postgres: Map<number, number>;
  machine: { busy: number; total: number } | null;
}

export interface CpuUse {
  /** Cores used on average over the run (1.0 = one core busy all the time). */
  servers: Record<string, number>;
  loadGenerator: number;
  postgres: number | null;
  machine: number | null;
  machineCores: number;
}

function procSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * A process's resident memory as the kernel counts it (/proc/<pid>/status: VmRSS now, VmHWM its peak), in
 * bytes; null where there is no /proc or the process is gone.
 */
export function procMemory(pid: number): { rssBytes: number; peakBytes: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kB = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    const rss = kB('VmRSS');
    return Number.isFinite(rss) ? { rssBytes: rss * 1024, peakBytes: kB('VmHWM') * 1024 } : null;
  } catch {
    return null;
  }
}

function machineTimes(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    const idle = values[3] + (values[4] ?? 0);
    return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

export async function snapshot(client: pg.Client, servers: ServerProcess[]): Promise<CpuSnapshot> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  const postgres = new Map<number, number>();
  for (const { pid } of rows) {
    const seconds = procSeconds(pid);
    if (seconds !== null) postgres.set(pid, seconds);
  }
  const serverCpu: Record<string, number> = {};
  for (const server of servers) serverCpu[server.name] = (await server.cpu()).micros / 1e6;
  const self = process.cpuUsage();
  return {
    at: performance.now(),
    servers: serverCpu,
    self: (self.user + self.system) / 1e6,
    postgres,
    machine: machineTimes(),
  };
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot, machineCores: number): CpuUse {
  const wall = (after.at - before.at) / 1000;
  const servers: Record<string, number> = {};
  for (const name of Object.keys(after.servers)) {
    servers[name] = (after.servers[name] - (before.servers[name] ?? 0)) / wall;
  }
  let postgres: number | null = null;
  if (after.postgres.size > 0) {
    // A backend that appeared during the run counts from zero; one that ended during it is lost (rare).
    let seconds = 0;
    for (const [pid, end] of after.postgres) seconds += end - (before.postgres.get(pid) ?? 0);
    postgres = seconds / wall;
  }
  const machine =
    before.machine && after.machine
      ? ((after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)) *
        machineCores
      : null;
  return { servers, loadGenerator: (after.self - before.self) / wall, postgres, machine, machineCores };
}
