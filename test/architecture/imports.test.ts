import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The layers of server/ run downhill: main -> app -> {modules, live, ...} -> infra -> vocabulary. Read from the
// sources' own import statements (type imports included), so a new upward arrow or a cycle fails here.
const root = path.resolve(import.meta.dirname, '../../server');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [file] : [];
  });
}

const SPECIFIER =
  /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** file -> the files of server/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(root)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(SPECIFIER)) {
      const spec = match[1] ?? match[2]!;
      const target = path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts');
      if (target.startsWith(root + path.sep)) targets.push(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component);
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) connect(v);
  return found;
}

const relative = (file: string) => path.relative(root, file);

describe('the import graph of server/', () => {
  const graph = importGraph();

  it('has no cycle, type imports included', () => {
    expect(cycles(graph).map((c) => c.map(relative).sort())).toEqual([]);
  });

  it('runs downhill from infra: it imports nothing of the modules, the seed or the top files', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      if (!relative(file).startsWith(`infra${path.sep}`)) continue;
      for (const target of targets) {
        const to = relative(target);
        if (!to.startsWith(`infra${path.sep}`) && to !== 'vocabulary.ts')
          upward.push(`${relative(file)} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the network engine under the modules: server/graph imports only itself, infra and the vocabulary', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      if (!relative(file).startsWith(`graph${path.sep}`)) continue;
      for (const target of targets) {
        const to = relative(target);
        if (!/^(graph|infra)[\\/]/.test(to) && to !== 'vocabulary.ts')
          upward.push(`${relative(file)} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the vocabulary a leaf', () => {
    expect(graph.get(path.join(root, 'vocabulary.ts'))).toEqual([]);
  });
});
