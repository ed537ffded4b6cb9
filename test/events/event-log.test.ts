import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemViewer } from '../../server/infra/auth/viewer.js';
import { RequestScope } from '../../server/infra/request-scope.js';
import { EventType, Role } from '../../server/vocabulary.js';
import { firstCode, startTestServer, type TestServer } from '../harness/app.js';
import { appendEvent, onEventsCommitted } from '../../server/live/index.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ DB_POOL_SIZE: '16' });
});
afterAll(() => server?.close());

const counts = () =>
  server.app.db.read(`SELECT (SELECT count(*)::int FROM milestones) AS milestones,
    (SELECT count(*)::int FROM initiatives) AS initiatives, (SELECT count(*)::int FROM events) AS events`);

describe('transaction and event atomicity', () => {
  it('leaves neither change nor event when the event cannot be written', async () => {
    const admin = await server.token('ROMNL', Role.ADMIN);
    const { data } = await server.gql(`{ initiative(code: "ESMEE") { id } }`);
    // The milestone row is written first; then the event insert fails.
    await server.app.db.read(
      `ALTER TABLE events ADD CONSTRAINT test_refuse_milestones CHECK (type <> 'MILESTONE_ADDED') NOT VALID`,
    );
    try {
      const before = await counts();
      const res = await server.gql(
        `mutation ($id: ID!) { addMilestone(input: { initiativeId: $id, title: "Never stored" }) { id } }`,
        { id: data.initiative.id },
        admin,
      );
      expect(firstCode(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0]!.message).toBe('Unexpected error.');
      expect(res.errors![0]!.extensions!.requestId).toBeTruthy();
      expect(await counts()).toEqual(before);
      expect(await server.app.db.read(`SELECT 1 FROM milestones WHERE title = 'Never stored'`)).toEqual([]);
      expect(server.logs.some((l) => l.includes(res.errors![0]!.extensions!.requestId as string))).toBe(true);
    } finally {
      await server.app.db.read(`ALTER TABLE events DROP CONSTRAINT test_refuse_milestones`);
    }
  });

  it('leaves neither the initiative, its lead participation nor any event when a later step fails', async () => {
    const before = await counts();
    const seqBefore = (await server.app.db.read(`SELECT last_value FROM events_seq_seq`))[0]!.last_value;
    await expect(
      server.app.db.transaction(async (tx) => {
        const [row] = await tx.query(
          `INSERT INTO initiatives (code, title) VALUES ('HALF_WAY', 'Half way') RETURNING id`,
        );
        await appendEvent(tx, systemViewer, { type: EventType.INITIATIVE_CREATED, initiativePk: row!.id });
        throw new Error('simulated crash after the event');
      }),
    ).rejects.toThrow('simulated crash');
    expect(await counts()).toEqual(before);
    // The rolled-back seq is a gap, never reused and never visible.
    expect((await server.app.db.read(`SELECT last_value FROM events_seq_seq`))[0]!.last_value).not.toBe(
      seqBefore,
    );
  });

  it('tells commit listeners only about committed events', async () => {
    const heard: string[][] = [];
    const off = onEventsCommitted(server.app.db, (seqs) => heard.push(seqs));
    try {
      await server.app.db
        .transaction(async (tx) => {
          await appendEvent(tx, systemViewer, { type: EventType.ORGANISATION_UPDATED });
          throw new Error('rollback');
        })
        .catch(() => undefined);
      expect(heard).toEqual([]);
      await server.app.db.transaction((tx) =>
        appendEvent(tx, systemViewer, { type: EventType.ORGANISATION_UPDATED }),
      );
      expect(heard).toHaveLength(1);
    } finally {
      off();
    }
  });
});

describe('commit-ordered cursor', () => {
  it('never lets a reader see a smaller seq appear after a larger one, under many concurrent writers', async () => {
    const db = server.app.db;
    const [{ start }] = await db.read<{ start: string }>(
      `SELECT coalesce(max(seq), 0)::text AS start FROM events`,
    );
    const writers = 12;
    const perWriter = 25;
    let writing = true;
    const violations: string[] = [];
    let previous: bigint[] = [];
    let polls = 0;

    const reader = (async () => {
      while (writing || polls === 0) {
        const rows = await db.read<{ seq: string }>(
          `SELECT seq::text FROM events WHERE seq > $1 ORDER BY seq`,
          [start],
        );
        const current = rows.map((r) => BigInt(r.seq));
        // Every earlier observation must be a prefix of this one: nothing new may sort before what was seen.
        const seenMax = previous.at(-1) ?? 0n;
        const newOnes = current.slice(previous.length);
        if (
          current.slice(0, previous.length).some((s, i) => s !== previous[i]) ||
          newOnes.some((s) => s <= seenMax)
        ) {
          violations.push(`after ${previous.length} events seen up to ${seenMax}, got ${current.join(',')}`);
        }
        previous = current;
        polls++;
        await new Promise((r) => setTimeout(r, 1));
      }
    })();

    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < perWriter; i++) {
            await db.transaction(async (tx) => {
              await appendEvent(tx, systemViewer, {
                type: EventType.ORGANISATION_UPDATED,
                payload: { w, i },
              });
              // Widen the window between taking a seq and committing, where an unordered scheme goes wrong.
              await tx.query(`SELECT pg_sleep(random() * 0.004)`);
            });
          }
        })(),
      ),
    );
    writing = false;
    await reader;
    const final = await db.read<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE seq > $1`, [
      start,
    ]);
    expect(violations).toEqual([]);
    expect(final[0]!.n).toBe(writers * perWriter);
    expect(polls).toBeGreaterThan(10);
  });

  it('keeps seq order consistent with commit order through the API as well', async () => {
    const scope = new RequestScope(systemViewer);
    const { data } = await server.gql(`{ initiative(code: "MJS_2024_2027") { id } }`);
    const [{ start }] = await server.app.db.read<{ start: string }>(
      `SELECT coalesce(max(seq), 0)::text AS start FROM events`,
    );
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        server.app.services.milestones.add(scope, {
          initiativeId: data.initiative.id,
          title: `Parallel ${i}`,
        }),
      ),
    );
    const rows = await server.app.db.read(
      `SELECT seq, milestone_id FROM events WHERE seq > $1 ORDER BY seq`,
      [start],
    );
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((r) => r.milestone_id)).size).toBe(20);
  });
});
