/**
 * The facts as loaded from PostgreSQL hold one copy of each repeated value: partnerships and initiatives with the
 * same themes share one frozen list (pg gives every row its own, and 100,000 copies were most of the heap).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkFacts } from '../../server/graph/facts.js';
import { startTestServer, type TestServer } from '../harness/app.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('facts loaded from the database', () => {
  it('share one frozen list per set of themes, with the same contents as the rows', async () => {
    const facts = await NetworkFacts.load(server.app.db);
    const lists = [
      ...[...facts.partnerships.values()].map((p) => p.themes),
      ...[...facts.initiatives.values()].map((i) => i.themes),
    ];
    const byContents = new Map<string, Set<readonly string[]>>();
    for (const list of lists) {
      const key = list.join(',');
      if (!byContents.has(key)) byContents.set(key, new Set());
      byContents.get(key)!.add(list);
    }
    expect(lists.length).toBeGreaterThan(byContents.size); // the reference data repeats theme sets
    for (const same of byContents.values()) expect(same.size).toBe(1);
    for (const list of lists) expect(Object.isFrozen(list)).toBe(true);
    const rows = await server.app.db.transaction((tx) =>
      tx.query(`SELECT id, themes FROM partnerships ORDER BY id LIMIT 20`),
    );
    for (const row of rows) expect(facts.partnerships.get(row.id)!.themes).toEqual(row.themes);
  });
});
