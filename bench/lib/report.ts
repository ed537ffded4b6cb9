/** Machine description, raw JSON results (bench/results/, git-ignored) and the results section of README.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
const README = path.join(BENCH_DIR, 'README.md');

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  loadAverage: number[];
  commit: string;
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, {
      cwd: BENCH_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

export function describeMachine(postgresVersion: string): Machine {
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgresVersion,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
  };
}

export function machineLine(m: Machine): string {
  return (
    `${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; PostgreSQL ${m.postgres} on the same ` +
    `machine; commit ${m.commit}; load average before the run ${m.loadAverage.join(' / ')}`
  );
}

export function writeJson(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return file;
}

/** A markdown table; numbers are right-aligned. */
export function markdownTable(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (rows.some((r) => /^[\d.,×x-]+/.test(r[i] ?? '')) ? '---:' : '---'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/**
 * Replaces the text between the `results:<name>` markers in bench/README.md (adds them if missing), then
 * formats the file with the project's Prettier settings so that `prettier --check` stays clean.
 */
export async function replaceReadmeSection(name: string, content: string): Promise<void> {
  const begin = `<!-- results:${name}:begin -->`;
  const end = `<!-- results:${name}:end -->`;
  const readme = existsSync(README) ? readFileSync(README, 'utf8') : '# Benchmarks\n';
  const block = `${begin}\n${content.trim()}\n${end}`;
  const start = readme.indexOf(begin);
  const stop = readme.indexOf(end);
  const next =
    start !== -1 && stop > start
      ? readme.slice(0, start) + block + readme.slice(stop + end.length)
      : `${readme.trimEnd()}\n\n## Results: ${name}\n\n${block}\n`;
  const config = (await prettier.resolveConfig(README)) ?? {};
  writeFileSync(README, await prettier.format(next, { ...config, filepath: README }));
}
