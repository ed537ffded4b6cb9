import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UnauthenticatedError } from '../../client-sdk/src/index.js';
import { Role } from '../../server/vocabulary.js';
import { caught, startTestServer, type TestServer } from '../harness/app.js';
import { organisationIds } from '../harness/graph.js';

// Follows and the inbox, through the SDK against a real server on the reference network: reasons, windows
// (a follow or a participation brings what comes after it), read state, and access decided at read time.
let server: TestServer;
let ids: Map<string, string>;
let admin: string;

beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '60000' });
  ids = await organisationIds(server);
  admin = await server.token('ROMNL', Role.ADMIN);
});
afterAll(() => server?.close());

const INBOX = `query ($first: Int, $after: String, $unreadOnly: Boolean) { viewer { unreadCount
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { totalCount
    pageInfo { hasNextPage endCursor }
    nodes { id cursor reason readAt event { type initiative { code } milestone { title } payload } } } } }`;

interface Inbox {
  unreadCount: number;
  totalCount: number;
  nodes: {
    id: string;
    cursor: string;
    reason: string;
    readAt: string | null;
    event: { type: string; initiative: { code: string } | null; milestone: { title: string } | null };
  }[];
}

async function inbox(token: string, variables: Record<string, unknown> = {}): Promise<Inbox> {
  const { viewer } = await server
    .client(token)
    .request<{ viewer: any }, any>(INBOX, { first: 50, ...variables });
  return { unreadCount: viewer.unreadCount, ...viewer.notifications };
}

/** A person of an organisation, with a fresh subject (so a fresh inbox). */
let people = 0;
const person = (org: string, role: Role = Role.EDITOR) =>
  server.app.tokens.sign({ subject: `person-${++people}`, organisationCode: org, role }, 3600);

async function createInitiative(
  token: string,
  lead: string,
  input: Record<string, unknown>,
): Promise<{ id: string; code: string }> {
  return server.client(token).createInitiative({
    input: { title: 'Notified', leadOrganisationId: ids.get(lead)!, ...input } as never,
  });
}

/** Everyone's inbox starts with what their organisation's participations brought: read it all first. */
async function readAll(token: string): Promise<void> {
  const { nodes } = await inbox(token, { first: 1 });
  if (nodes[0]) await server.client(token).markNotificationsRead({ upTo: nodes[0].cursor });
}

describe('follows and the inbox', () => {
  it('brings a new initiative of a followed theme with FOLLOWING_THEME; unreadCount goes 0 -> 1 -> 0', async () => {
    const follower = await person('BOM', Role.VIEWER);
    await readAll(follower);
    const follow = await server.client(follower).follow({ input: { theme: 'HEALTH' } });
    expect(follow).toMatchObject({ theme: 'HEALTH', pillar: null });
    expect((await inbox(follower)).unreadCount).toBe(0);

    const liof = await person('LIOF');
    await createInitiative(liof, 'LIOF', {
      code: 'NOTIFY_HEALTH',
      themes: ['HEALTH'],
      visibility: 'NETWORK',
    });
    const after = await inbox(follower);
    expect(after.unreadCount).toBe(1);
    expect(after.nodes[0]).toMatchObject({
      reason: 'FOLLOWING_THEME',
      readAt: null,
      event: { type: 'INITIATIVE_CREATED', initiative: { code: 'NOTIFY_HEALTH' } },
    });
    // The event says enough to be read on its own.
    expect(after.nodes[0]!.event).toMatchObject({ payload: { code: 'NOTIFY_HEALTH', themes: ['HEALTH'] } });

    expect(await server.client(follower).markNotificationsRead({ upTo: after.nodes[0]!.cursor })).toBe(1);
    const read = await inbox(follower);
    expect(read.unreadCount).toBe(0);
    expect(read.nodes[0]!.readAt).toEqual(expect.any(String));
    expect(await server.client(follower).markNotificationsRead({ upTo: after.nodes[0]!.cursor })).toBe(0);
  });

  it('brings a PARTICIPANTS initiative of that theme only to its participants', async () => {
    const outsider = await person('BOM');
    const insider = await person('LIOF');
    for (const token of [outsider, insider]) {
      await readAll(token);
      await server.client(token).follow({ input: { theme: 'SECURITY' } });
    }
    const secret = await createInitiative(insider, 'LIOF', {
      code: 'NOTIFY_SECRET',
      themes: ['SECURITY'],
      visibility: 'PARTICIPANTS',
    });
    await server.client(insider).addMilestone({ input: { initiativeId: secret.id, title: 'Secret step' } });

    expect((await inbox(outsider, { unreadOnly: true })).nodes).toEqual([]);
    expect((await inbox(outsider)).unreadCount).toBe(0);
    const theirs = await inbox(insider, { unreadOnly: true });
    expect(theirs.nodes.map((n) => [n.event.type, n.reason])).toEqual([
      ['MILESTONE_ADDED', 'PARTICIPATING'], // after the lead's join: participation wins over the theme
      ['INITIATIVE_CREATED', 'FOLLOWING_THEME'],
    ]);
    expect(theirs.unreadCount).toBe(2);
  });

  it('starts a participation’s notifications when the organisation joins, and ends them when it leaves', async () => {
    const lead = await person('IQ');
    const member = await person('OOSTNL', Role.VIEWER);
    const oost = await person('OOSTNL');
    await readAll(member);
    const joint = await createInitiative(lead, 'IQ', { code: 'NOTIFY_JOINT', visibility: 'NETWORK' });
    const add = (title: string) =>
      server.client(lead).addMilestone({ input: { initiativeId: joint.id, title } });
    await add('Before Oost NL joined');
    await server.client(oost).joinInitiative({
      input: { initiativeId: joint.id, organisationId: ids.get('OOSTNL')! },
    });
    await add('While Oost NL takes part');
    await server.client(oost).leaveInitiative({
      input: { initiativeId: joint.id, organisationId: ids.get('OOSTNL')! },
    });
    await add('After Oost NL left');
    const { nodes } = await inbox(member);
    const titles = nodes.filter((n) => n.event.initiative?.code === 'NOTIFY_JOINT');
    expect(titles.map((n) => [n.event.type, n.event.milestone?.title ?? null, n.reason])).toEqual([
      ['PARTNER_LEFT', null, 'PARTICIPATING'],
      ['MILESTONE_ADDED', 'While Oost NL takes part', 'PARTICIPATING'],
    ]);
  });

  it('never shows what became hidden, also not what a follow brought before', async () => {
    const lead = await person('NOM');
    const watcher = await person('BOM');
    await readAll(watcher);
    const later = await createInitiative(lead, 'NOM', { code: 'NOTIFY_HIDDEN', visibility: 'NETWORK' });
    await server.client(watcher).follow({ input: { initiativeId: later.id } });
    await server.client(lead).addMilestone({ input: { initiativeId: later.id, title: 'Seen while open' } });
    const before = await inbox(watcher);
    expect(before.nodes[0]).toMatchObject({ reason: 'FOLLOWING_INITIATIVE' });
    const { id: notificationId } = before.nodes[0]!;
    await server.client(lead).updateInitiative({ input: { id: later.id, visibility: 'PARTICIPANTS' } });
    const hidden = await inbox(watcher);
    expect(hidden.nodes.filter((n) => n.event.initiative?.code === 'NOTIFY_HIDDEN')).toEqual([]);
    expect(hidden.unreadCount).toBe(0);
    expect(hidden.totalCount).toBe(before.totalCount - 1);
    // Not by id either.
    const { node } = await server
      .client(watcher)
      .request<{ node: unknown }, any>(`query ($id: ID!) { node(id: $id) { id } }`, { id: notificationId });
    expect(node).toBeNull();
  });

  it('keeps what an ended follow brought, brings nothing new, and knows an organisation follow', async () => {
    const lead = await person('INWEST');
    const reader = await person('BOM', Role.VIEWER);
    await readAll(reader);
    const follow = await server.client(reader).follow({ input: { organisationId: ids.get('INWEST')! } });
    // Following again is the same follow.
    expect((await server.client(reader).follow({ input: { organisationId: ids.get('INWEST')! } })).id).toBe(
      follow.id,
    );
    await createInitiative(lead, 'INWEST', { code: 'NOTIFY_ORG_1', visibility: 'PUBLIC' });
    expect(await server.client(reader).unfollow({ id: follow.id })).toBe(true);
    expect(await server.client(reader).unfollow({ id: follow.id })).toBe(false);
    await createInitiative(lead, 'INWEST', { code: 'NOTIFY_ORG_2', visibility: 'PUBLIC' });
    const { nodes } = await inbox(reader);
    const codes = nodes.map((n) => n.event.initiative?.code);
    expect(codes).toContain('NOTIFY_ORG_1');
    expect(codes).not.toContain('NOTIFY_ORG_2');
    expect(nodes.find((n) => n.event.initiative?.code === 'NOTIFY_ORG_1')!.reason).toBe(
      'FOLLOWING_ORGANISATION',
    );
    expect((await server.client(reader).viewer()).follows).toEqual([]);
  });

  it('marks one notification read by id, pages newest first, and counts one statement per page', async () => {
    const lead = await person('ROMUR');
    const reader = await person('BOM', Role.VIEWER);
    await readAll(reader);
    await server.client(reader).follow({ input: { pillar: 'STRENGTHEN_BASE' } });
    const made = await createInitiative(lead, 'ROMUR', {
      code: 'NOTIFY_PILLAR',
      pillars: ['STRENGTHEN_BASE'],
      visibility: 'NETWORK',
    });
    for (let i = 0; i < 4; i++) {
      await server.client(lead).addMilestone({ input: { initiativeId: made.id, title: `Step ${i}` } });
    }
    const first = await inbox(reader, { first: 2 });
    expect(first.nodes.map((n) => n.event.milestone?.title)).toEqual(['Step 3', 'Step 2']);
    expect(first.nodes.every((n) => n.reason === 'FOLLOWING_PILLAR')).toBe(true);
    const second = await inbox(reader, { first: 2, after: first.nodes[1]!.cursor });
    expect(second.nodes.map((n) => n.event.milestone?.title)).toEqual(['Step 1', 'Step 0']);

    const marked = await server.client(reader).markNotificationRead({ id: first.nodes[1]!.id });
    expect(marked.readAt).toEqual(expect.any(String));
    const unread = await inbox(reader, { unreadOnly: true });
    expect(unread.nodes.map((n) => n.event.milestone?.title ?? n.event.type)).toEqual([
      'Step 3',
      'Step 1',
      'Step 0',
      'INITIATIVE_CREATED',
    ]);
    expect(unread.unreadCount).toBe(4);

    // A page is two statements more than asking who one is: its windows, then its events.
    const statements = async (query: string) => {
      const before = server.app.db.statementCount;
      await server.client(reader).request(query);
      return server.app.db.statementCount - before;
    };
    const baseline = await statements(`{ viewer { role } }`);
    expect(
      (await statements(`{ viewer { role notifications(first: 20) { nodes { reason event { type } } } } }`)) -
        baseline,
    ).toBe(2);
  });

  it('counts unread notifications up to a limit; totalCount counts all of them', async () => {
    const follower = await person('BOM', Role.VIEWER);
    await readAll(follower);
    await server.client(follower).follow({ input: { theme: 'CLIMATE_ENERGY' } });
    const lead = await person('IQ');
    const made = await createInitiative(lead, 'IQ', { code: 'NOTIFY_COUNTED', themes: ['CLIMATE_ENERGY'] });
    for (let i = 0; i < 4; i++) {
      await server.client(lead).addMilestone({ input: { initiativeId: made.id, title: `Counted ${i}` } });
    }
    const count = async (limit?: number) => {
      const { viewer } = await server.client(follower).request<{ viewer: any }, any>(
        `query ($limit: Int!) { viewer { unreadCount(limit: $limit)
             notifications(unreadOnly: true) { totalCount } } }`,
        { limit: limit ?? 100 },
      );
      return [viewer.unreadCount, viewer.notifications.totalCount];
    };
    expect((await inbox(follower)).unreadCount).toBe(5); // the default limit is 100
    expect(await count(3)).toEqual([3, 5]); // 3 means "3 or more"
    expect(await count(5)).toEqual([5, 5]);
    expect(await count(1000)).toEqual([5, 5]);
    for (const limit of [0, 1001]) {
      expect((await caught(count(limit))).code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses what it cannot do with a clear error', async () => {
    const reader = await person('BOM', Role.VIEWER);
    const anonymous = server.client();
    expect(await caught(anonymous.follow({ input: { theme: 'HEALTH' } }))).toBeInstanceOf(
      UnauthenticatedError,
    );
    expect((await anonymous.viewer()).unreadCount).toBe(0);
    const two = await caught(
      server.client(reader).follow({ input: { theme: 'HEALTH', pillar: 'STRENGTHEN_BASE' } }),
    );
    expect(two.code).toBe('BAD_USER_INPUT');
    const none = await caught(server.client(reader).follow({ input: {} }));
    expect(none.code).toBe('BAD_USER_INPUT');
    expect(
      await caught(server.client(reader).follow({ input: { initiativeId: 'SW5pdGlhdGl2ZTo5OTk5OTk' } })),
    ).toBeInstanceOf(NotFoundError);
    expect((await caught(server.client(reader).markNotificationsRead({ upTo: 'not-a-cursor' }))).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      await caught(server.client(reader).markNotificationRead({ id: 'Tm90aWZpY2F0aW9uOjE' })),
    ).toBeInstanceOf(NotFoundError);
    // At most 200 follows at once (rows written here directly: 200 follow calls would only be slower).
    const many = await person('BOM', Role.VIEWER);
    const key = `person:${Number(Buffer.from(ids.get('BOM')!, 'base64url').toString().split(':')[1])}:person-${people}`;
    await server.app.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO organisations (code, name, kind)
         SELECT 'FOLLOWED_' || n, 'Followed ' || n, 'COMPANY' FROM generate_series(1, 200) n`,
      );
      await tx.query(
        `INSERT INTO follows (follower, organisation_id, target_organisation_id, since_seq)
         SELECT $1, (SELECT id FROM organisations WHERE code = 'BOM'), id, 0 FROM organisations
          WHERE code LIKE 'FOLLOWED\\_%'`,
        [key],
      );
    });
    expect((await server.client(many).viewer()).follows).toHaveLength(200);
    // The most follows one may have keep an inbox read bounded: one index seek per window.
    const began = performance.now();
    await inbox(many, { unreadOnly: true });
    expect(performance.now() - began).toBeLessThan(2_000);
    const capped = await caught(server.client(many).follow({ input: { theme: 'HEALTH' } }));
    expect(capped.code).toBe('BAD_USER_INPUT');
    expect(capped.message).toMatch(/200 things already/);
    // Someone else's follow cannot be ended.
    const other = await person('BOM', Role.VIEWER);
    const theirs = await server.client(other).follow({ input: { theme: 'AGRI_FOOD' } });
    expect(await server.client(reader).unfollow({ id: theirs.id })).toBe(false);
  });

  it('keeps FOLLOWED and UNFOLLOWED events to their follower', async () => {
    const follower = await person('BOM', Role.VIEWER);
    const follow = await server.client(follower).follow({ input: { theme: 'CIRCULAR_ECONOMY' } });
    const QUERY = `{ events(first: 100, filter: { types: [FOLLOWED] }) { nodes { id payload } } }`;
    const own = await server.client(follower).request<{ events: { nodes: { payload: any }[] } }, any>(QUERY);
    expect(own.events.nodes.map((e) => e.payload.followId)).toContain(follow.id);
    for (const token of [admin, await person('BOM', Role.VIEWER), undefined]) {
      const seen = await server.client(token).request<{ events: { nodes: { payload: any }[] } }, any>(QUERY);
      expect(seen.events.nodes.map((e) => e.payload.followId)).not.toContain(follow.id);
    }
  });
});
