import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/vocabulary.js';
import { startTestServer, type TestServer } from '../harness/app.js';
import { organisationIds } from '../harness/graph.js';
import { TestSubscriber } from '../harness/subscriber.js';

// The personal live feed (`Subscription.notifications`) against a real server, through the SDK: it equals the
// inbox - the same events, reasons and order - live, after a resume from a cursor, and while the subscriber's
// follows and its organisation's participations change under it.
let server: TestServer;
let ids: Map<string, string>;
const subscribers: TestSubscriber[] = [];

beforeAll(async () => {
  server = await startTestServer({ EVENTS_POLL_MS: '200' });
  ids = await organisationIds(server);
});
afterAll(async () => {
  subscribers.forEach((s) => s.close());
  await server?.close();
});

const LIVE = `subscription ($after: String) { notifications(after: $after) {
  id cursor reason readAt event { type initiative { code } milestone { title } } } }`;
const INBOX = `query ($first: Int) { viewer { notifications(first: $first) {
  nodes { id cursor reason readAt event { type initiative { code } milestone { title } } } } } }`;

let people = 0;
const person = (org: string, role: Role = Role.EDITOR) =>
  server.app.tokens.sign({ subject: `live-${++people}`, organisationCode: org, role }, 3600);

function subscribe(token: string | undefined, after?: string): TestSubscriber {
  const subscriber = TestSubscriber.connect(server.url, token);
  subscribers.push(subscriber);
  subscriber.subscribe('n', LIVE, after ? { after } : {});
  return subscriber;
}

async function inbox(token: string, first = 50): Promise<any[]> {
  const { viewer } = await server.client(token).request<{ viewer: any }, any>(INBOX, { first });
  return viewer.notifications.nodes;
}

const create = (token: string, lead: string, input: Record<string, unknown>) =>
  server.client(token).createInitiative({
    input: { title: 'Live', leadOrganisationId: ids.get(lead)!, ...input } as never,
  });

describe('the notifications subscription', () => {
  it('delivers a followed theme’s new initiative live, as the inbox has it', async () => {
    const follower = await person('BOM', Role.VIEWER);
    await server.client(follower).follow({ input: { theme: 'HEALTH' } });
    const live = subscribe(follower);
    await live.silence(400);
    await create(await person('LIOF'), 'LIOF', {
      code: 'LIVE_HEALTH',
      themes: ['HEALTH'],
      visibility: 'NETWORK',
    });
    const [payload] = await live.nexts(1);
    expect(payload.data.notifications).toMatchObject({
      reason: 'FOLLOWING_THEME',
      readAt: null,
      event: { type: 'INITIATIVE_CREATED', initiative: { code: 'LIVE_HEALTH' } },
    });
    expect((await inbox(follower, 1))[0]).toEqual(payload.data.notifications);
    await live.silence(300); // the lead's join at creation is not one of its own
  });

  it('resumes after a cursor with exactly what was missed, then live, and never what the subscriber may not see', async () => {
    const lead = await person('IQ');
    const follower = await person('BOM', Role.VIEWER);
    const made = async (code: string, visibility: string) =>
      (await create(lead, 'IQ', { code, visibility })).id;
    const [a, b, c, hidden] = [
      await made('LIVE_A', 'NETWORK'),
      await made('LIVE_B', 'NETWORK'),
      await made('LIVE_C', 'NETWORK'),
      await made('LIVE_HIDDEN', 'PARTICIPANTS'),
    ];
    // Events that concern NOM: it is added to initiatives IQ leads.
    await server.client(follower).follow({ input: { organisationId: ids.get('NOM')! } });
    const addNom = (initiativeId: string) =>
      server.client(lead).joinInitiative({ input: { initiativeId, organisationId: ids.get('NOM')! } });
    const codeOf = (p: any) => p.data.notifications.event.initiative.code;

    const first = subscribe(follower);
    await first.silence(400);
    await addNom(a);
    const [heard] = await first.nexts(1);
    expect(codeOf(heard)).toBe('LIVE_A');
    first.close();
    await first.closed;

    await addNom(hidden);
    await addNom(b);
    await addNom(c);
    const second = subscribe(follower, heard.data.notifications.cursor);
    const replayed = await second.nexts(2);
    expect(replayed.map(codeOf)).toEqual(['LIVE_B', 'LIVE_C']);
    expect(replayed.every((p) => p.data.notifications.reason === 'FOLLOWING_ORGANISATION')).toBe(true);
    await server
      .client(lead)
      .leaveInitiative({ input: { initiativeId: b, organisationId: ids.get('NOM')! } });
    const [again] = await second.nexts(1);
    expect(again.data.notifications.event).toMatchObject({
      type: 'PARTNER_LEFT',
      initiative: { code: 'LIVE_B' },
    });
    await second.silence(300);
  });

  it('follows what the subscriber starts and stops following, and what its organisation joins and leaves, in log order', async () => {
    const lead = await person('IQ');
    const follower = await person('OOSTNL', Role.VIEWER);
    const oost = await person('OOSTNL');
    const live = subscribe(follower);
    await live.silence(400);
    const started = (await inbox(follower, 1))[0]?.cursor;

    const joint = await create(lead, 'IQ', {
      code: 'LIVE_JOINT',
      visibility: 'NETWORK',
      themes: ['SECURITY'],
    });
    const add = (title: string) =>
      server.client(lead).addMilestone({ input: { initiativeId: joint.id, title } });
    await add('Nobody hears this');
    const follow = await server.client(follower).follow({ input: { theme: 'SECURITY' } });
    await add('Heard by the theme');
    await server
      .client(oost)
      .joinInitiative({ input: { initiativeId: joint.id, organisationId: ids.get('OOSTNL')! } });
    await add('Heard as a participant');
    await server.client(follower).unfollow({ id: follow.id });
    await server
      .client(oost)
      .leaveInitiative({ input: { initiativeId: joint.id, organisationId: ids.get('OOSTNL')! } });
    await add('Nobody hears this either');

    const expected = [
      ['MILESTONE_ADDED', 'Heard by the theme', 'FOLLOWING_THEME'],
      ['PARTNER_JOINED', null, 'FOLLOWING_THEME'],
      ['MILESTONE_ADDED', 'Heard as a participant', 'PARTICIPATING'],
      ['PARTNER_LEFT', null, 'PARTICIPATING'],
    ];
    const got = await live.nexts(expected.length);
    const shape = (n: any) => [n.event.type, n.event.milestone?.title ?? null, n.reason];
    expect(got.map((p) => shape(p.data.notifications))).toEqual(expected);
    await live.silence(400);
    // The inbox says the same, newest first.
    const listed = (await inbox(follower)).filter((n) => n.event.initiative?.code === 'LIVE_JOINT');
    expect(listed.map(shape)).toEqual([...expected].reverse());
    // And a subscriber that resumes from before it all hears the same again.
    const replay = subscribe(follower, started);
    const replayed = await replay.nexts(expected.length);
    expect(replayed.map((p) => shape(p.data.notifications))).toEqual(expected);
  });

  it('delivers on another instance what a follow made on this one brings, in order', async () => {
    const other = await startTestServer({ EVENTS_POLL_MS: '200' }, server);
    try {
      const follower = await person('HORIZON', Role.VIEWER);
      const live = TestSubscriber.connect(other.url, follower);
      subscribers.push(live);
      live.subscribe('n', LIVE, {});
      await live.silence(400);
      // Followed through this instance, heard through the other: the FOLLOWED event reaches it in the log.
      await server.client(follower).follow({ input: { theme: 'ENERGY_SECURITY' } });
      await create(await person('IMPULS'), 'IMPULS', {
        code: 'LIVE_ELSEWHERE',
        themes: ['ENERGY_SECURITY'],
        visibility: 'NETWORK',
      });
      const [payload] = await live.nexts(1);
      expect(payload.data.notifications).toMatchObject({
        reason: 'FOLLOWING_THEME',
        event: { type: 'INITIATIVE_CREATED', initiative: { code: 'LIVE_ELSEWHERE' } },
      });
      live.close();
      await live.closed;
    } finally {
      await other.close();
    }
  });

  it('brings what happened while an initiative had the followed theme, and its leaving, live as in the inbox', async () => {
    const lead = await person('LIOF');
    const agri = await person('BOM', Role.VIEWER);
    const health = await person('BOM', Role.VIEWER);
    await server.client(agri).follow({ input: { theme: 'AGRI_FOOD' } });
    await server.client(health).follow({ input: { theme: 'HEALTH' } });
    const agriLive = subscribe(agri);
    const healthLive = subscribe(health);
    await Promise.all([agriLive.silence(400), healthLive.silence(400)]);

    const made = await create(lead, 'LIOF', { code: 'LIVE_RETHEMED', themes: ['AGRI_FOOD'] });
    await server.client(lead).addMilestone({ input: { initiativeId: made.id, title: 'While agri-food' } });
    await server.client(lead).updateInitiative({ input: { id: made.id, themes: ['HEALTH'] } });
    await server.client(lead).addMilestone({ input: { initiativeId: made.id, title: 'Since health' } });

    const summary = (n: any) => [n.event.type, n.event.milestone?.title ?? null, n.reason];
    const agriHeard = (await agriLive.nexts(3)).map((p) => p.data.notifications);
    expect(agriHeard.map(summary)).toEqual([
      ['INITIATIVE_CREATED', null, 'FOLLOWING_THEME'],
      ['MILESTONE_ADDED', 'While agri-food', 'FOLLOWING_THEME'],
      ['INITIATIVE_UPDATED', null, 'FOLLOWING_THEME'], // it left the theme: its followers hear that
    ]);
    const healthHeard = (await healthLive.nexts(2)).map((p) => p.data.notifications);
    expect(healthHeard.map(summary)).toEqual([
      ['INITIATIVE_UPDATED', null, 'FOLLOWING_THEME'],
      ['MILESTONE_ADDED', 'Since health', 'FOLLOWING_THEME'],
    ]);
    await Promise.all([agriLive.silence(300), healthLive.silence(300)]);
    // The inbox has the same, newest first: the events keep the themes they had when they happened.
    expect(await inbox(agri, 3)).toEqual([...agriHeard].reverse());
    expect(await inbox(health, 2)).toEqual([...healthHeard].reverse());
  });

  it('refuses an anonymous subscriber and a bad cursor with an error result', async () => {
    const anonymous = subscribe(undefined);
    const refused = await anonymous.next();
    expect(refused.type).toBe('next');
    expect(refused.payload.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = subscribe(await person('BOM', Role.VIEWER), 'not-a-cursor');
    const result = await bad.next();
    expect(result.payload.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
