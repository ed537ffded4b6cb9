import { describe, expect, it } from 'vitest';
import type { InitiativeAccess } from '../../server/infra/auth/access.js';
import { NetworkFacts, type PartnershipFact } from '../../server/graph/facts.js';
import { accessClassKey, NetworkView, type NetworkFilter } from '../../server/graph/network.js';
import {
  Confidence,
  GraphEdgeKind,
  InitiativeKind,
  OrganisationKind,
  ParticipationRole,
  PartnershipKind,
  Theme,
  Visibility,
} from '../../server/vocabulary.js';

// A crafted network, small enough to check by hand:
//
//   I1 (PUBLIC, AGRI_FOOD): A, B, C  -> a triangle        I2 (PUBLIC): C, D (D joined 2023-01-01)
//   D - E partnership since 2021-01-01                     E - F partnership 2020-01-01 .. 2022-01-01
//   HIDDEN (PARTICIPANTS): A, F                            OLD (PUBLIC, ran 2015..2018): B, G
//   P - QB, P - QA, QB - R, QA - R: two paths of two hops from P to R
const CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'P', 'QA', 'QB', 'R'];
const pk = (code: string) => CODES.indexOf(code) + 1;
let nextPk = 1;
const partnership = (
  from: string,
  to: string,
  since: string | null,
  until: string | null = null,
): PartnershipFact => ({
  pk: nextPk++,
  fromPk: pk(from),
  toPk: pk(to),
  kind: PartnershipKind.WORKS_WITH,
  themes: [Theme.AGRI_FOOD],
  since,
  until,
  source: 'test',
  confidence: Confidence.CONFIRMED,
});
const initiative = (
  ipk: number,
  code: string,
  visibility: Visibility,
  startsOn: string | null = null,
  endsOn: string | null = null,
  themes: Theme[] = [],
) => ({ pk: ipk, code, kind: InitiativeKind.PROJECT, visibility, themes, pillars: [], startsOn, endsOn });
const takesPart = (
  ipk: number,
  code: string,
  joinedOn: string | null = null,
  leftOn: string | null = null,
) => ({
  pk: nextPk++,
  initiativePk: ipk,
  organisationPk: pk(code),
  joinedOn,
  leftOn,
  role: ParticipationRole.PARTNER,
});

const facts = NetworkFacts.of({
  organisations: CODES.map((code) => ({
    pk: pk(code),
    code,
    name: `Organisation ${code}`,
    kind: ['A', 'B', 'C'].includes(code) ? OrganisationKind.ROM : OrganisationKind.COMPANY,
    provinces: code === 'A' ? ['NL-NB'] : [],
  })),
  initiatives: [
    initiative(1, 'I1', Visibility.PUBLIC, '2020-01-01', null, [Theme.AGRI_FOOD]),
    initiative(2, 'I2', Visibility.PUBLIC),
    initiative(3, 'HIDDEN', Visibility.PARTICIPANTS),
    initiative(4, 'OLD', Visibility.PUBLIC, '2015-01-01', '2018-12-31'),
  ],
  participations: [
    takesPart(1, 'A'),
    takesPart(1, 'B'),
    takesPart(1, 'C'),
    takesPart(2, 'C'),
    takesPart(2, 'D', '2023-01-01'),
    takesPart(3, 'A'),
    takesPart(3, 'F'),
    takesPart(4, 'B'),
    takesPart(4, 'G'),
  ],
  partnerships: [
    partnership('D', 'E', '2021-01-01'),
    partnership('E', 'F', '2020-01-01', '2022-01-01'),
    partnership('P', 'QB', null),
    partnership('P', 'QA', null),
    partnership('QB', 'R', null),
    partnership('QA', 'R', null),
  ],
});

const anonymous: InitiativeAccess = { all: false, open: new Set(['PUBLIC']), via: null };
const memberOf = (code: string): InitiativeAccess => ({
  all: false,
  open: new Set(['PUBLIC', 'NETWORK']),
  via: pk(code),
});
const TODAY = '2026-12-01';
const view = (access = anonymous, filter: Partial<NetworkFilter> = {}) =>
  new NetworkView(facts, access, { day: TODAY, ...filter });
const codes = (nodes: readonly { code: string }[]) => nodes.map((n) => n.code);
const code = (p: number) => CODES[p - 1];
const ties = (edges: readonly { sourcePk: number; targetPk: number; kind: string }[]) =>
  edges.map(
    (e) => `${code(e.sourcePk)}-${code(e.targetPk)}:${e.kind === GraphEdgeKind.PARTNERSHIP ? 'P' : 'C'}`,
  );

describe('neighbourhood', () => {
  it('holds the nodes within each depth and every edge among them, cycles included', () => {
    expect(codes(view().neighbourhood(pk('A'), 1).nodes)).toEqual(['A', 'B', 'C']);
    expect(ties(view().neighbourhood(pk('A'), 1).edges)).toEqual(['A-B:C', 'A-C:C', 'B-C:C']);
    expect(codes(view().neighbourhood(pk('A'), 2).nodes)).toEqual(['A', 'B', 'C', 'D']);
    const three = view().neighbourhood(pk('A'), 3);
    expect(codes(three.nodes)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(ties(three.edges)).toEqual(['A-B:C', 'A-C:C', 'B-C:C', 'C-D:C', 'D-E:P']);
  });

  it('of an isolated organisation is the organisation alone', () => {
    expect(codes(view().neighbourhood(pk('G'), 3).nodes)).toEqual(['G']);
    expect(view().neighbourhood(pk('G'), 3).edges).toEqual([]);
  });

  it('follows only the edge kinds asked for', () => {
    const partnershipsOnly = view(anonymous, { edgeKinds: [GraphEdgeKind.PARTNERSHIP] });
    expect(codes(partnershipsOnly.neighbourhood(pk('D'), 3).nodes)).toEqual(['D', 'E']);
    const sharedOnly = view(anonymous, { edgeKinds: [GraphEdgeKind.CO_PARTICIPATION] });
    expect(codes(sharedOnly.neighbourhood(pk('D'), 3).nodes)).toEqual(['A', 'B', 'C', 'D']);
  });
});

describe('shortestPath', () => {
  it('takes the fewest hops', () => {
    const path = view().shortestPath(pk('A'), pk('E'), 6)!;
    expect(codes(path.nodes)).toEqual(['A', 'C', 'D', 'E']);
    expect(ties(path.edges)).toEqual(['A-C:C', 'C-D:C', 'D-E:P']);
  });

  it('breaks ties by organisation code, the same way every time', () => {
    for (let i = 0; i < 3; i++) {
      expect(codes(view().shortestPath(pk('P'), pk('R'), 6)!.nodes)).toEqual(['P', 'QA', 'R']);
      expect(codes(view().shortestPath(pk('R'), pk('P'), 6)!.nodes)).toEqual(['R', 'QA', 'P']);
    }
  });

  it('is null between disconnected organisations and beyond maxDepth', () => {
    expect(view().shortestPath(pk('A'), pk('G'), 10)).toBeNull();
    expect(view().shortestPath(pk('A'), pk('P'), 10)).toBeNull();
    expect(view().shortestPath(pk('A'), pk('E'), 2)).toBeNull();
    expect(view().shortestPath(pk('A'), pk('E'), 3)).not.toBeNull();
  });

  it('from an organisation to itself is no hop', () => {
    expect(view().shortestPath(pk('A'), pk('A'), 1)).toMatchObject({ edges: [] });
    expect(codes(view().shortestPath(pk('A'), pk('A'), 1)!.nodes)).toEqual(['A']);
  });
});

describe('the network on a day (asOf)', () => {
  it('has a tie only while the participation, the partnership and the initiative hold', () => {
    // D joined I2 on 2023-01-01; E - F held 2020-01-01 .. 2022-01-01; OLD ran 2015 .. 2018.
    expect(ties(view(anonymous, { day: '2022-06-01' }).edges())).not.toContain('C-D:C');
    expect(ties(view(anonymous, { day: '2023-01-01' }).edges())).toContain('C-D:C');
    expect(ties(view().edges())).not.toContain('E-F:P');
    expect(ties(view(anonymous, { day: '2021-06-01' }).edges())).toContain('E-F:P');
    expect(ties(view(anonymous, { day: '2022-01-01' }).edges())).not.toContain('E-F:P');
    expect(ties(view(anonymous, { day: '2017-01-01' }).edges())).toEqual([
      'B-G:C',
      'P-QA:P',
      'P-QB:P',
      'QA-R:P',
      'QB-R:P',
    ]);
  });
});

describe('access', () => {
  it('adds no edge, weight or count of an initiative the viewer may not see', () => {
    expect(ties(view().edges())).not.toContain('A-F:C');
    expect(ties(view(memberOf('B')).edges())).not.toContain('A-F:C');
    expect(view().collaborationCounts().counts).toEqual(view(memberOf('B'), {}).collaborationCounts().counts);
  });

  it('shows it to its participants', () => {
    expect(ties(view(memberOf('A')).edges())).toContain('A-F:C');
    expect(codes(view(memberOf('F')).neighbourhood(pk('F'), 1).nodes)).toEqual(['A', 'F']);
    expect(view({ all: true, open: new Set(), via: null }).edges().length).toBe(
      view(memberOf('A')).edges().length,
    );
  });

  it('puts viewers who see the same initiatives in one class', () => {
    expect(accessClassKey(facts, anonymous)).toBe('PUBLIC');
    expect(accessClassKey(facts, memberOf('B'))).toBe(accessClassKey(facts, memberOf('C')));
    expect(accessClassKey(facts, memberOf('A'))).not.toBe(accessClassKey(facts, memberOf('B')));
    expect(accessClassKey(facts, memberOf('A'))).toBe(accessClassKey(facts, memberOf('F')));
  });
});

describe('collaborationCounts', () => {
  it('counts shared initiatives per pair and initiatives per organisation, symmetric, by code', () => {
    const roms = view(anonymous, { organisationKinds: [OrganisationKind.ROM] }).collaborationCounts();
    expect(codes(roms.organisations)).toEqual(['A', 'B', 'C']);
    expect(roms.counts).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 2],
    ]);
    const asMemberOfA = view(memberOf('A'), {
      organisationKinds: [OrganisationKind.ROM],
    }).collaborationCounts();
    expect(asMemberOfA.counts[0]).toEqual([2, 1, 1]);
  });

  it('on one theme counts only its initiatives', () => {
    const agrifood = view(anonymous, {
      organisationKinds: [OrganisationKind.ROM],
      themes: [Theme.AGRI_FOOD],
    });
    expect(agrifood.collaborationCounts().counts).toEqual([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
});

describe('sharedYears', () => {
  const pairs = (v: NetworkView, from: number, to: number) =>
    Object.fromEntries(v.sharedYears(from, to).map((p) => [codes(p.organisations).join('-'), p.years]));

  it('gives per pair the years in which both took part in an initiative that ran then', () => {
    const all = pairs(view(), 2016, 2024);
    expect(all['B-G']).toEqual([2016, 2017, 2018]);
    expect(all['C-D']).toEqual([2023, 2024]);
    expect(all['A-B']).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(all['P-QA']).toBeUndefined(); // partnerships are not shared initiatives
  });

  it('keeps to the kind, the theme and what the viewer may see', () => {
    const roms = pairs(view(anonymous, { organisationKinds: [OrganisationKind.ROM] }), 2019, 2020);
    expect(Object.keys(roms)).toEqual(['A-B', 'A-C', 'B-C']);
    expect(roms['A-B']).toEqual([2020]);
    expect(pairs(view(anonymous, { themes: [Theme.AGRI_FOOD] }), 2016, 2024)['B-G']).toBeUndefined();
    expect(pairs(view(), 2020, 2020)['A-F']).toBeUndefined();
    expect(pairs(view(memberOf('A')), 2020, 2020)['A-F']).toEqual([2020]);
  });
});

describe('the whole network', () => {
  it('has every organisation as a node and one edge per pair and kind, weighted by shared initiatives', () => {
    const graph = view().graph();
    expect(codes(graph.nodes)).toEqual(CODES);
    expect(ties(graph.edges)).toEqual([
      'A-B:C',
      'A-C:C',
      'B-C:C',
      'C-D:C',
      'D-E:P',
      'P-QA:P',
      'P-QB:P',
      'QA-R:P',
      'QB-R:P',
    ]);
    expect(
      graph.edges.every((e) => e.kind !== GraphEdgeKind.CO_PARTICIPATION || e.initiatives.length === 1),
    ).toBe(true);
  });

  it('filters nodes by kind and province, keeping only edges among them', () => {
    expect(codes(view(anonymous, { provinces: ['NL-NB'] }).graph().nodes)).toEqual(['A']);
    expect(view(anonymous, { provinces: ['NL-NB'] }).graph().edges).toEqual([]);
  });
});
