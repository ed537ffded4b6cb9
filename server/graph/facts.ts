/**
 * The facts the collaboration network is made of, held in memory per instance: organisations, initiatives with
 * their participations (joined and left dates included, so any past day can be drawn), and partnerships (since
 * and until). Loaded from PostgreSQL at start, then refreshed for each batch of committed events before the
 * live feed delivers it, so a graph query is never staler than the feed.
 *
 * Facts, not edges: edges depend on who asks (access), on the day (asOf) and on the filter, and are derived
 * per query (see `network.ts`).
 */
import type { Database, Row } from '../infra/db/database.js';
import type {
  Confidence,
  InitiativeKind,
  OrganisationKind,
  ParticipationRole,
  PartnershipKind,
  Pillar,
  Theme,
  Visibility,
} from '../vocabulary.js';

export interface OrganisationFact {
  readonly pk: number;
  readonly code: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly provinces: readonly string[];
}

export interface ParticipationFact {
  readonly pk: number;
  readonly initiativePk: number;
  readonly organisationPk: number;
  /** YYYY-MM-DD, or null when not known (taken as "since ever"). */
  readonly joinedOn: string | null;
  /** The first day it no longer takes part; null while it does. */
  readonly leftOn: string | null;
  readonly role: ParticipationRole;
}

export interface InitiativeFact {
  readonly pk: number;
  readonly code: string;
  readonly kind: InitiativeKind;
  readonly visibility: Visibility;
  readonly themes: readonly Theme[];
  readonly pillars: readonly Pillar[];
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  /** Every participation, past ones included. */
  readonly participations: readonly ParticipationFact[];
}

export interface PartnershipFact {
  readonly pk: number;
  readonly fromPk: number;
  readonly toPk: number;
  readonly kind: PartnershipKind;
  readonly themes: readonly Theme[];
  readonly since: string | null;
  /** The first day it no longer holds; null while it does. */
  readonly until: string | null;
  readonly source: string | null;
  readonly confidence: Confidence;
}

/** What a batch of events says changed, by the keys the graph keeps. */
export interface ChangedKeys {
  readonly organisationPks: Iterable<number>;
  readonly initiativePks: Iterable<number>;
  readonly partnershipPks: Iterable<number>;
}

/** Every fact, as lists. */
export interface FactLists {
  readonly organisations: readonly OrganisationFact[];
  readonly initiatives: readonly Omit<InitiativeFact, 'participations'>[];
  readonly participations: readonly ParticipationFact[];
  readonly partnerships: readonly PartnershipFact[];
  /** The version of the facts they were taken from. */
  readonly version?: number;
}

/** Rows read again after a batch of events (an initiative comes with all its participations). */
export interface FactsDelta {
  readonly organisations: readonly OrganisationFact[];
  readonly initiatives: readonly InitiativeFact[];
  readonly removedInitiativePks: readonly number[];
  readonly partnerships: readonly PartnershipFact[];
}

/** The event fields the network reads to know what to refresh. */
export interface NetworkEvent {
  readonly type: string;
  readonly initiativePk: number | null;
  readonly organisationPk: number | null;
  readonly partnershipPk: number | null;
}

const ORGANISATIONS = `SELECT id, code, name, kind, provinces FROM organisations`;
const INITIATIVES = `SELECT id, code, kind, visibility, themes, pillars, starts_on, ends_on FROM initiatives`;
const PARTICIPATIONS = `SELECT id, initiative_id, organisation_id, joined_on, left_on, role FROM participations`;
const PARTNERSHIPS = `SELECT id, from_id, to_id, kind, themes, since, until, source, confidence FROM partnerships`;

/**
 * One copy of each repeated value. pg gives every row its own strings, so 100,000 partnerships held 90,000
 * copies of "PARTNER", as many of their source and of each date, and an array of themes each: two thirds of the
 * facts' heap was such copies, and every full collection marked each of them (a heap snapshot of the synthetic
 * 10k network: 1.1 million strings, 66 MB). Values are few (kinds, roles, days, theme sets); the table is
 * emptied when every fact is read again, so values no fact holds any more do not pile up.
 */
const values = new Map<string, string>();
const valueLists = new Map<string, readonly string[]>();

function one<T extends string | null>(value: T): T {
  if (value === null) return value;
  const known = values.get(value);
  if (known !== undefined) return known as T;
  values.set(value, value);
  return value;
}

function oneList<T extends string>(list: readonly T[] | null): readonly T[] {
  if (list === null) return list as unknown as readonly T[];
  const key = list.join('\u0000');
  const known = valueLists.get(key);
  if (known !== undefined) return known as readonly T[];
  const shared = Object.freeze(list.map(one));
  valueLists.set(key, shared);
  return shared;
}

function organisationOf(r: Row): OrganisationFact {
  return { pk: r.id, code: r.code, name: r.name, kind: one(r.kind), provinces: oneList(r.provinces) };
}

function participationOf(r: Row): ParticipationFact {
  return {
    pk: r.id,
    initiativePk: r.initiative_id,
    organisationPk: r.organisation_id,
    joinedOn: one(r.joined_on),
    leftOn: one(r.left_on),
    role: one(r.role),
  };
}

function partnershipOf(r: Row): PartnershipFact {
  return {
    pk: r.id,
    fromPk: r.from_id,
    toPk: r.to_id,
    kind: one(r.kind),
    themes: oneList(r.themes),
    since: one(r.since),
    until: one(r.until),
    source: one(r.source),
    confidence: one(r.confidence),
  };
}

function initiativeOf(r: Row, participations: ParticipationFact[]): InitiativeFact {
  return {
    pk: r.id,
    code: r.code,
    kind: one(r.kind),
    visibility: one(r.visibility),
    themes: oneList(r.themes),
    pillars: oneList(r.pillars),
    startsOn: one(r.starts_on),
    endsOn: one(r.ends_on),
    participations,
  };
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export class NetworkFacts {
  readonly organisations = new Map<number, OrganisationFact>();
  readonly initiatives = new Map<number, InitiativeFact>();
  readonly partnerships = new Map<number, PartnershipFact>();
  /** Participations by organisation, past ones included. */
  readonly participationsOf = new Map<number, Set<ParticipationFact>>();
  /** Partnerships by either end, past ones included. */
  readonly partnershipsOf = new Map<number, Set<PartnershipFact>>();
  /** Goes up with every change: caches of derived views are valid for one version. */
  version = 0;
  /** When the facts were last brought up to date. */
  updatedAt = new Date();

  /** Reads every fact: four statements in one snapshot, with no statement timeout (it runs at start). */
  static async load(db: Database): Promise<NetworkFacts> {
    const facts = new NetworkFacts();
    await facts.loadFrom(db);
    return facts;
  }

  /** Replaces every fact with what the database holds now. */
  async loadFrom(db: Database): Promise<void> {
    values.clear();
    valueLists.clear();
    const { organisations, initiatives, participations, partnerships } = await db.readSnapshot(
      async (tx) => ({
        organisations: await tx.query(ORGANISATIONS),
        initiatives: await tx.query(INITIATIVES),
        participations: await tx.query(PARTICIPATIONS),
        partnerships: await tx.query(PARTNERSHIPS),
      }),
    );
    const loaded = NetworkFacts.of({
      organisations: organisations.map(organisationOf),
      initiatives: initiatives.map((r) => initiativeOf(r, [])),
      participations: participations.map(participationOf),
      partnerships: partnerships.map(partnershipOf),
    });
    for (const map of [
      'organisations',
      'initiatives',
      'partnerships',
      'participationsOf',
      'partnershipsOf',
    ] as const) {
      this[map].clear();
      for (const [key, value] of loaded[map] as Map<number, never>)
        (this[map] as Map<number, never>).set(key, value);
    }
    this.version++;
    this.updatedAt = new Date();
  }

  /** Facts from lists (the database's, or a crafted network's); participations join their initiatives. */
  static of(lists: FactLists): NetworkFacts {
    const facts = new NetworkFacts();
    facts.version = lists.version ?? 0;
    for (const o of lists.organisations) facts.organisations.set(o.pk, o);
    const byInitiative = new Map<number, ParticipationFact[]>();
    for (const p of lists.participations) {
      let list = byInitiative.get(p.initiativePk);
      if (!list) byInitiative.set(p.initiativePk, (list = []));
      list.push(p);
    }
    for (const i of lists.initiatives)
      facts.putInitiative({ ...i, participations: byInitiative.get(i.pk) ?? [] });
    for (const p of lists.partnerships) facts.putPartnership(p);
    return facts;
  }

  /** The keys a batch of events concerns: the rows to read again. */
  static changedBy(events: readonly NetworkEvent[]): ChangedKeys {
    const organisationPks = new Set<number>();
    const initiativePks = new Set<number>();
    const partnershipPks = new Set<number>();
    for (const e of events) {
      if (e.type.startsWith('ORGANISATION_') && e.organisationPk !== null)
        organisationPks.add(e.organisationPk);
      if ((e.type.startsWith('INITIATIVE_') || e.type.startsWith('PARTNER_')) && e.initiativePk !== null) {
        initiativePks.add(e.initiativePk);
      }
      if (e.type.startsWith('PARTNERSHIP_') && e.partnershipPk !== null) partnershipPks.add(e.partnershipPk);
    }
    return { organisationPks, initiativePks, partnershipPks };
  }

  /**
   * Reads again the rows a batch of events changed, and applies them (idempotent: a batch applied twice
   * leaves the same facts).
   * @returns what changed, for copies of the facts elsewhere (the metrics worker), or null when nothing did
   */
  async refresh(db: Database, changed: ChangedKeys): Promise<FactsDelta | null> {
    const organisationPks = [...changed.organisationPks];
    const initiativePks = [...changed.initiativePks];
    const partnershipPks = [...changed.partnershipPks];
    if (organisationPks.length + initiativePks.length + partnershipPks.length === 0) return null;
    const byKeys = (sql: string, keys: number[], name: string) =>
      keys.length ? db.read(`${sql} = ANY($1::int[])`, [keys], name) : Promise.resolve([] as Row[]);
    const [organisations, initiatives, participations, partnerships] = await Promise.all([
      byKeys(`${ORGANISATIONS} WHERE id`, organisationPks, 'graph_organisations_by_id'),
      byKeys(`${INITIATIVES} WHERE id`, initiativePks, 'graph_initiatives_by_id'),
      byKeys(`${PARTICIPATIONS} WHERE initiative_id`, initiativePks, 'graph_participations_by_initiative'),
      byKeys(`${PARTNERSHIPS} WHERE id`, partnershipPks, 'graph_partnerships_by_id'),
    ]);
    const byInitiative = new Map<number, ParticipationFact[]>(initiativePks.map((pk) => [pk, []]));
    for (const r of participations) byInitiative.get(r.initiative_id)?.push(participationOf(r));
    const found = new Set<number>(initiatives.map((r) => r.id as number));
    const delta: FactsDelta = {
      organisations: organisations.map(organisationOf),
      initiatives: initiatives.map((r) => initiativeOf(r, byInitiative.get(r.id)!)),
      removedInitiativePks: initiativePks.filter((pk) => !found.has(pk)),
      partnerships: partnerships.map(partnershipOf),
    };
    this.apply(delta);
    return delta;
  }

  /** Applies changed rows (read by `refresh`, here or in another thread). */
  apply(delta: FactsDelta): void {
    for (const o of delta.organisations) this.organisations.set(o.pk, o);
    for (const i of delta.initiatives) this.putInitiative(i);
    for (const pk of delta.removedInitiativePks) this.removeInitiative(pk);
    for (const p of delta.partnerships) this.putPartnership(p);
    this.version++;
    this.updatedAt = new Date();
  }

  /** Every fact as plain lists, to copy them to another thread (`NetworkFacts.of` takes them back). */
  lists(): FactLists {
    const initiatives: Omit<InitiativeFact, 'participations'>[] = [];
    const participations: ParticipationFact[] = [];
    for (const { participations: own, ...initiative } of this.initiatives.values()) {
      initiatives.push(initiative);
      participations.push(...own);
    }
    return {
      organisations: [...this.organisations.values()],
      initiatives,
      participations,
      partnerships: [...this.partnerships.values()],
      version: this.version,
    };
  }

  private putInitiative(initiative: InitiativeFact): void {
    this.removeInitiative(initiative.pk);
    this.initiatives.set(initiative.pk, initiative);
    for (const p of initiative.participations) addTo(this.participationsOf, p.organisationPk, p);
  }

  private removeInitiative(pk: number): void {
    const before = this.initiatives.get(pk);
    if (!before) return;
    for (const p of before.participations) this.participationsOf.get(p.organisationPk)?.delete(p);
    this.initiatives.delete(pk);
  }

  private putPartnership(partnership: PartnershipFact): void {
    const before = this.partnerships.get(partnership.pk);
    if (before) {
      this.partnershipsOf.get(before.fromPk)?.delete(before);
      this.partnershipsOf.get(before.toPk)?.delete(before);
    }
    this.partnerships.set(partnership.pk, partnership);
    addTo(this.partnershipsOf, partnership.fromPk, partnership);
    addTo(this.partnershipsOf, partnership.toPk, partnership);
  }
}
