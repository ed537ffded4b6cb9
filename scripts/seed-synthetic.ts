/**
 * npm run seed:synthetic -- --organisations 10000 [--seed 42] [--reset]
 *
 * Builds a large, realistic-looking synthetic network in PostgreSQL (DATABASE_URL) for benchmarks and
 * query-plan work. Per 10,000 organisations: 100,000 partnerships, 20,000 initiatives, 200,000
 * participations and 60,000 milestones; every count scales with --organisations.
 *
 * - Everything synthetic has a code starting with SYN_ (SYN_ORG_000123, SYN_INI_00001, SYN_MS_1), so it can
 *   be found and removed again (--reset) without touching the reference network.
 * - The reference ROMs (kind ROM), when present, are reused: they lead some initiatives, take part in others
 *   and are the target of some partnerships.
 * - Set-based SQL only (INSERT ... SELECT over generate_series), inside one transaction.
 * - Deterministic: every random choice is a hash of (row number, purpose, --seed), so the same arguments
 *   build the same rows whatever order PostgreSQL evaluates them in.
 * - Popularity is skewed: a few organisations are hubs and a few initiatives have hundreds of participants,
 *   most have a handful.
 * - Emits no events (the event log stays as it is).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDataSource } from '../server/data-source.js';
import {
  Confidence,
  CoreTask,
  InitiativeKind,
  InitiativeStatus,
  MilestoneStatus,
  OrganisationKind,
  ParticipationRole,
  PartnershipKind,
  Pillar,
  Theme,
  Visibility,
} from '../server/vocabulary.js';

const USAGE = `Usage: npm run seed:synthetic -- [--organisations N] [--seed S] [--reset]

  --organisations N  organisations to create (default 10000); the other counts scale with it:
                     10 partnerships, 2 initiatives, 20 participations and 6 milestones per organisation
  --seed S           seed for the deterministic pseudo-random choices (default 42)
  --reset            delete the existing synthetic rows (codes SYN_...) first
  --help             this text

Needs DATABASE_URL (PostgreSQL), e.g.
  psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE romgraph_bench'
  DATABASE_URL=postgres://postgres@127.0.0.1:5432/romgraph_bench npm run seed:synthetic -- --organisations 10000`;

/** The date statuses are judged against, fixed so that the data does not depend on the day it is built. */
const REFERENCE_DATE = '2026-06-01';
const SOURCE = 'synthetic (scripts/seed-synthetic.ts)';

// ---------------------------------------------------------------------------------------------------------
// Arguments

interface Options {
  organisations: number;
  seed: number;
  reset: boolean;
}

function parseOptions(argv: string[]): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        organisations: { type: 'string', default: '10000' },
        seed: { type: 'string', default: '42' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const organisations = Number(parsed.values.organisations);
  if (!Number.isInteger(organisations) || organisations < 10 || organisations > 1_000_000) {
    fail(`--organisations must be a whole number from 10 to 1000000, not ${parsed.values.organisations}`, 2);
  }
  const seed = Number(parsed.values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 1_000_000_000) {
    fail(`--seed must be a whole number from 0 to 1000000000, not ${parsed.values.seed}`, 2);
  }
  return { organisations, seed, reset: parsed.values.reset };
}

function fail(message: string, code = 1): never {
  console.error(`[seed:synthetic] ${message}`);
  process.exit(code);
}

// ---------------------------------------------------------------------------------------------------------
// SQL building blocks. Every value below is a constant of this file or an enum member, quoted by `lit`.

function lit(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(lit).join(', ')}]::text[]`;
}

/** A pseudo-random number in [0, 1) for row `g` and purpose `salt` (see pg_temp.rnd). */
function rnd(g: string, salt: number): string {
  return `pg_temp.rnd(${g}, ${salt})`;
}

/** CASE expression choosing one value by weight, driven by the [0, 1) expression `r`. */
function weighted(r: string, weights: ReadonlyArray<readonly [string, number]>): string {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const arms = weights.slice(0, -1).map(([value, w]) => {
    cumulative += w;
    return `WHEN ${r} < ${(cumulative / total).toFixed(6)} THEN ${lit(value)}`;
  });
  return `(CASE ${arms.join(' ')} ELSE ${lit(weights[weights.length - 1][0])} END)`;
}

/** One element of `values`, uniformly, driven by the [0, 1) expression `r`. */
function uniform(r: string, values: readonly string[]): string {
  return `(${textArray(values)})[1 + floor(${r} * ${values.length})::int]`;
}

/** The elements of `values` whose bit is set in the integer expression `mask`, in their order. */
function subset(values: readonly string[], mask: string): string {
  return `ARRAY(SELECT v FROM unnest(${textArray(values)}) WITH ORDINALITY AS u(v, i)
    WHERE ((${mask}) >> (i::int - 1)) & 1 = 1 ORDER BY i)`;
}

/** A bit mask with one bit out of `n` set, plus a second with probability `p2` and a third with `p3`. */
function someBits(g: string, salt: number, n: number, p2: number, p3 = 0): string {
  const bit = (s: number) => `(1 << floor(${rnd(g, s)} * ${n})::int)`;
  return `(${bit(salt)} | (CASE WHEN ${rnd(g, salt + 1)} < ${p2} THEN ${bit(salt + 2)} ELSE 0 END)
    | (CASE WHEN ${rnd(g, salt + 3)} < ${p3} THEN ${bit(salt + 4)} ELSE 0 END))`;
}

function ranges(total: number, parts: number): Array<[number, number]> {
  const size = Math.max(1, Math.ceil(total / parts));
  const out: Array<[number, number]> = [];
  for (let a = 1; a <= total; a += size) out.push([a, Math.min(total, a + size - 1)]);
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Vocabulary (Dutch, like the real network)

const PROVINCES = [
  'NL-DR',
  'NL-FL',
  'NL-FR',
  'NL-GE',
  'NL-GR',
  'NL-LI',
  'NL-NB',
  'NL-NH',
  'NL-OV',
  'NL-UT',
  'NL-ZE',
  'NL-ZH',
] as const;

/** Four towns per province, in the order of PROVINCES. */
const TOWNS = [
  ['Assen', 'Emmen', 'Hoogeveen', 'Meppel'],
  ['Almere', 'Lelystad', 'Dronten', 'Emmeloord'],
  ['Leeuwarden', 'Sneek', 'Heerenveen', 'Drachten'],
  ['Arnhem', 'Nijmegen', 'Apeldoorn', 'Ede'],
  ['Groningen', 'Delfzijl', 'Veendam', 'Winschoten'],
  ['Maastricht', 'Venlo', 'Heerlen', 'Roermond'],
  ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch"],
  ['Amsterdam', 'Haarlem', 'Alkmaar', 'Hilversum'],
  ['Zwolle', 'Enschede', 'Deventer', 'Hengelo'],
  ['Utrecht', 'Amersfoort', 'Nieuwegein', 'Veenendaal'],
  ['Middelburg', 'Vlissingen', 'Goes', 'Terneuzen'],
  ['Rotterdam', 'Den Haag', 'Leiden', 'Delft'],
].flat();

const REGIONS = ['Noord', 'Oost', 'Zuid', 'West', 'Midden', 'Delta', 'Randstad', 'Grensregio'];

const COMPANY_STEMS = [
  'Van Dijk',
  'De Vries',
  'Bakker',
  'Jansen',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dekker',
  'Brouwer',
  'Van Leeuwen',
  'Kok',
  'Koster',
  'Prins',
  'Huisman',
  'Scholten',
  'Aurora',
  'Noorderlicht',
  'Polder',
  'Delta',
  'Kiem',
  'Vonk',
  'Zwaluw',
  'Helix',
  'Quantis',
  'Lumen',
  'Nova',
  'Stroom',
  'Getij',
  'Duin',
  'Kompas',
  'Anker',
  'Veld',
  'Molen',
  'Brug',
  'Haven',
];
const SECTORS = [
  'Technologies',
  'Systems',
  'Foods',
  'Energy',
  'Robotics',
  'Biotech',
  'Materials',
  'Photonics',
  'Solutions',
  'Engineering',
  'Water',
  'Mobility',
  'Health',
  'Analytics',
  'Composites',
  'Hydrogen',
  'Sensors',
  'Agro',
  'Logistics',
  'Software',
];
const LEGAL = ['B.V.', 'B.V.', 'B.V.', 'N.V.', 'Holding B.V.', 'Groep'];
const QUALIFIERS = ['Nederland', 'International', 'Europe', 'Benelux', ...REGIONS];

/** Title topics: four per theme, in the order of Theme. */
const TOPICS: Record<Theme, string[]> = {
  [Theme.CLIMATE_ENERGY]: ['Warmtetransitie', 'Zonne-energie', 'Netcongestie', 'Klimaatadaptatie'],
  [Theme.DIGITAL_KEY_TECH]: ['Fotonica', 'Quantumtechnologie', 'AI en Data', 'Halfgeleiders'],
  [Theme.CIRCULAR_ECONOMY]: ['Circulaire Bouw', 'Biobased Materialen', 'Kunststofrecycling', 'Textielketen'],
  [Theme.ENERGY_SECURITY]: ['Waterstof', 'Energieopslag', 'Groen Gas', 'Offshore Wind'],
  [Theme.SECURITY]: ['Cybersecurity', 'Defensie-industrie', 'Weerbare Ketens', 'Drones'],
  [Theme.AGRI_FOOD]: ['Eiwittransitie', 'Precisielandbouw', 'Kringlooplandbouw', 'Voedselverspilling'],
  [Theme.HEALTH]: ['Medische Technologie', 'Digitale Zorg', 'Life Sciences', 'Gezond Ouder Worden'],
};
const THEMES = Object.values(Theme);
const ALL_TOPICS = THEMES.flatMap((t) => TOPICS[t]);

const KIND_NOUN: Record<InitiativeKind, string> = {
  [InitiativeKind.STRATEGY]: 'Strategie',
  [InitiativeKind.PROGRAMME]: 'Programma',
  [InitiativeKind.PROJECT]: 'Project',
  [InitiativeKind.JOINT_PROJECT]: 'Samenwerkingsproject',
  [InitiativeKind.PILOT]: 'Pilot',
  [InitiativeKind.RESEARCH_PROGRAMME]: 'Onderzoeksprogramma',
  [InitiativeKind.RESEARCH_PROJECT]: 'Onderzoeksproject',
  [InitiativeKind.COMMUNITY]: 'Community',
  [InitiativeKind.NETWORK]: 'Netwerk',
  [InitiativeKind.COVENANT]: 'Convenant',
  [InitiativeKind.PLAN]: 'Actieplan',
  [InitiativeKind.EVALUATION]: 'Evaluatie',
  [InitiativeKind.SUBSIDY_PROGRAMME]: 'Subsidieregeling',
  [InitiativeKind.FINANCING_INSTRUMENT]: 'Fonds',
  [InitiativeKind.TRADE_MISSION]: 'Handelsmissie',
  [InitiativeKind.EVENT]: 'Congres',
  [InitiativeKind.EVENT_PARTICIPATION]: 'Beursdeelname',
  [InitiativeKind.OTHER]: 'Initiatief',
};

const DESCRIPTION_OPENINGS = [
  'Bedrijven en kennisinstellingen uit de regio ontwikkelen samen nieuwe toepassingen en brengen die naar de markt.',
  'Het initiatief verbindt mkb-ondernemers met onderzoekers en investeerders om innovaties sneller op te schalen.',
  'Een consortium van koplopers test oplossingen in de praktijk en deelt de resultaten met het hele netwerk.',
  'De partners bundelen kennis, faciliteiten en financiering om een sterk regionaal ecosysteem te bouwen.',
  'Startups en scale-ups krijgen toegang tot testfaciliteiten, kapitaal en internationale netwerken.',
];
const DESCRIPTION_ENDINGS = [
  'De ROM coördineert en zorgt voor de aansluiting op landelijke programma’s.',
  'Resultaten worden gedeeld via open werksessies en een jaarlijkse publicatie.',
  'Financiering komt van provincie, Rijk en private partners.',
  'Het project loopt in fasen, met een go/no-go na de haalbaarheidsstudie.',
  'Internationale samenwerking met partners in Duitsland en Vlaanderen hoort erbij.',
];
const MILESTONE_TITLES = [
  'Kick-off consortium',
  'Haalbaarheidsstudie afgerond',
  'Subsidieaanvraag ingediend',
  'Subsidie toegekend',
  'Eerste pilot live',
  'Tussentijdse evaluatie',
  'Demonstrator opgeleverd',
  'Marktconsultatie afgerond',
  'Investeringsbesluit',
  'Opschaling naar tweede regio',
  'Eindrapportage',
  'Businesscase vastgesteld',
  'Testfaciliteit geopend',
  'Partnerovereenkomst getekend',
];

// ---------------------------------------------------------------------------------------------------------
// Distributions

const ORGANISATION_KINDS: Array<[OrganisationKind, number]> = [
  [OrganisationKind.COMPANY, 52],
  [OrganisationKind.MUNICIPALITY, 4],
  [OrganisationKind.UNIVERSITY, 1],
  [OrganisationKind.UNIVERSITY_OF_APPLIED_SCIENCES, 2],
  [OrganisationKind.RESEARCH_INSTITUTE, 4],
  [OrganisationKind.TO2_INSTITUTE, 1],
  [OrganisationKind.TKI, 1],
  [OrganisationKind.CLUSTER_ORGANISATION, 6],
  [OrganisationKind.ECOSYSTEM_ORGANISATION, 6],
  [OrganisationKind.ASSOCIATION, 7],
  [OrganisationKind.INVESTMENT_INSTITUTION, 4],
  [OrganisationKind.REGIONAL_ECONOMIC_AGENCY, 2],
  [OrganisationKind.NATIONAL_AGENCY, 0.5],
  [OrganisationKind.RESEARCH_FUNDER, 0.5],
  [OrganisationKind.ACADEMY, 0.5],
  [OrganisationKind.OTHER, 8.5],
];
const CONFIDENCES: Array<[Confidence, number]> = [
  [Confidence.UNVERIFIED, 50],
  [Confidence.LIKELY, 25],
  [Confidence.CONFIRMED, 20],
  [Confidence.UNCERTAIN, 5],
];
const PARTNERSHIP_KINDS: Array<[PartnershipKind, number]> = [
  [PartnershipKind.WORKS_WITH, 45],
  [PartnershipKind.MEMBER_OF, 15],
  [PartnershipKind.FUNDING, 8],
  [PartnershipKind.KIC_LINK, 8],
  [PartnershipKind.FOUNDING_PARTNER_OF, 5],
  [PartnershipKind.SHAREHOLDER_OF, 5],
  [PartnershipKind.PART_OF, 5],
  [PartnershipKind.CAPITAL_PROVIDER_OF, 4],
  [PartnershipKind.ESMEE_COMMUNITY, 3],
  [PartnershipKind.AGENCY_OF, 2],
];
/** Ties to a ROM. */
const ROM_PARTNERSHIP_KINDS: Array<[PartnershipKind, number]> = [
  [PartnershipKind.WORKS_WITH, 40],
  [PartnershipKind.ROM_COLLABORATION, 25],
  [PartnershipKind.ESMEE_COMMUNITY, 20],
  [PartnershipKind.MEMBER_OF, 10],
  [PartnershipKind.CAPITAL_PROVIDER_OF, 5],
];
const INITIATIVE_KINDS: Array<[InitiativeKind, number]> = [
  [InitiativeKind.PROJECT, 30],
  [InitiativeKind.JOINT_PROJECT, 15],
  [InitiativeKind.PROGRAMME, 12],
  [InitiativeKind.PILOT, 10],
  [InitiativeKind.RESEARCH_PROJECT, 8],
  [InitiativeKind.COMMUNITY, 5],
  [InitiativeKind.NETWORK, 4],
  [InitiativeKind.SUBSIDY_PROGRAMME, 3],
  [InitiativeKind.FINANCING_INSTRUMENT, 3],
  [InitiativeKind.TRADE_MISSION, 3],
  [InitiativeKind.EVENT, 2],
  [InitiativeKind.RESEARCH_PROGRAMME, 2],
  [InitiativeKind.COVENANT, 1],
  [InitiativeKind.PLAN, 1],
  [InitiativeKind.OTHER, 1],
];
const VISIBILITIES: Array<[Visibility, number]> = [
  [Visibility.PUBLIC, 85],
  [Visibility.NETWORK, 10],
  [Visibility.PARTICIPANTS, 5],
];
const ROLES: Array<[ParticipationRole, number]> = [
  [ParticipationRole.PARTNER, 50],
  [ParticipationRole.KNOWLEDGE_PARTNER, 15],
  [ParticipationRole.MEMBER, 10],
  [ParticipationRole.BENEFICIARY, 7],
  [ParticipationRole.COORDINATOR, 5],
  [ParticipationRole.FUNDER, 5],
  [ParticipationRole.SIGNATORY, 3],
  [ParticipationRole.OBSERVER, 3],
  [ParticipationRole.ORGANISER, 2],
];
const PAST_MILESTONE_STATUSES: Array<[MilestoneStatus, number]> = [
  [MilestoneStatus.DONE, 75],
  [MilestoneStatus.DELAYED, 10],
  [MilestoneStatus.CANCELLED, 5],
  [MilestoneStatus.AT_RISK, 5],
  [MilestoneStatus.IN_PROGRESS, 5],
];
const FUTURE_MILESTONE_STATUSES: Array<[MilestoneStatus, number]> = [
  [MilestoneStatus.PLANNED, 60],
  [MilestoneStatus.IN_PROGRESS, 30],
  [MilestoneStatus.AT_RISK, 10],
];

// ---------------------------------------------------------------------------------------------------------
// Progress

class Progress {
  private readonly started = performance.now();
  private readonly tty = Boolean(process.stdout.isTTY);

  elapsed(): string {
    return `${((performance.now() - this.started) / 1000).toFixed(1)} s`;
  }

  async phase<T>(name: string, total: number, work: (advance: (done: number) => void) => Promise<T>) {
    const t0 = performance.now();
    let done = 0;
    const render = (final: boolean) => {
      const width = 24;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const bar = '#'.repeat(filled) + '.'.repeat(width - filled);
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      const line = `  ${name.padEnd(15)} [${bar}] ${done.toLocaleString('en').padStart(9)} / ${total
        .toLocaleString('en')
        .padEnd(9)} ${seconds.padStart(5)} s   (total ${this.elapsed()})`;
      if (this.tty) process.stdout.write(`\r${line}${final ? '\n' : ''}`);
      else if (final) console.log(line);
    };
    render(false);
    const result = await work((n) => {
      done = n;
      render(false);
    });
    render(true);
    return result;
  }

  step(message: string): void {
    console.log(`  ${message}   (total ${this.elapsed()})`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The seeding

interface Counts {
  organisations: number;
  partnerships: number;
  initiatives: number;
  participations: number;
  milestones: number;
}

function targetCounts(organisations: number): Counts {
  const scale = organisations / 10_000;
  return {
    organisations,
    partnerships: Math.round(100_000 * scale),
    initiatives: Math.max(1, Math.round(20_000 * scale)),
    participations: Math.round(200_000 * scale),
    milestones: Math.round(60_000 * scale),
  };
}

const SYN_ORG = `'SYN\\_ORG\\_%'`;
const SYN_INI = `'SYN\\_INI\\_%'`;

async function existingCounts(client: pg.Client): Promise<{ organisations: number; initiatives: number }> {
  const { rows } = await client.query<{ organisations: number; initiatives: number }>(
    `SELECT (SELECT count(*)::int FROM organisations WHERE code LIKE ${SYN_ORG}) AS organisations,
            (SELECT count(*)::int FROM initiatives WHERE code LIKE ${SYN_INI}) AS initiatives`,
  );
  return rows[0];
}

async function reset(client: pg.Client, progress: Progress): Promise<void> {
  await progress.phase('reset', 1, async (advance) => {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtext('romgraph:seed-synthetic'))`);
      await client.query(`CREATE TEMP TABLE del_org ON COMMIT DROP AS
        SELECT id FROM organisations WHERE code LIKE ${SYN_ORG}`);
      await client.query(`CREATE TEMP TABLE del_ini ON COMMIT DROP AS
        SELECT id FROM initiatives WHERE code LIKE ${SYN_INI}`);
      await client.query(`ALTER TABLE del_org ADD PRIMARY KEY (id)`);
      await client.query(`ALTER TABLE del_ini ADD PRIMARY KEY (id)`);
      // Children first, so the cascades and RESTRICT checks find nothing left to do.
      await client.query(`DELETE FROM milestones WHERE initiative_id IN (SELECT id FROM del_ini)`);
      await client.query(`DELETE FROM participations WHERE initiative_id IN (SELECT id FROM del_ini)
        OR organisation_id IN (SELECT id FROM del_org)`);
      await client.query(`DELETE FROM funding_allocations WHERE initiative_id IN (SELECT id FROM del_ini)`);
      await client.query(`UPDATE funding_allocations SET source_organisation_id = NULL
        WHERE source_organisation_id IN (SELECT id FROM del_org)`);
      await client.query(
        `UPDATE activities SET initiative_id = NULL WHERE initiative_id IN (SELECT id FROM del_ini)`,
      );
      await client.query(
        `DELETE FROM activity_organisations WHERE organisation_id IN (SELECT id FROM del_org)`,
      );
      await client.query(`DELETE FROM partnerships WHERE from_id IN (SELECT id FROM del_org)
        OR to_id IN (SELECT id FROM del_org)`);
      await client.query(
        `UPDATE initiatives SET parent_id = NULL WHERE parent_id IN (SELECT id FROM del_ini)`,
      );
      await client.query(`UPDATE initiatives SET lead_id = NULL WHERE lead_id IN (SELECT id FROM del_org)`);
      await client.query(`DELETE FROM initiatives WHERE id IN (SELECT id FROM del_ini)`);
      await client.query(`DELETE FROM organisations WHERE id IN (SELECT id FROM del_org)`);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
    advance(1);
  });
}

async function seed(client: pg.Client, options: Options, progress: Progress): Promise<void> {
  const target = targetCounts(options.organisations);
  const N = target.organisations;
  const I = target.initiatives;
  const orgWidth = Math.max(6, String(N).length);
  const iniWidth = Math.max(5, String(I).length);
  const g = 'g';
  const q = (text: string, values?: unknown[]) => client.query(text, values);

  await q('BEGIN');
  try {
    await q(`SELECT pg_advisory_xact_lock(hashtext('romgraph:seed-synthetic'))`);
    const again = await existingCounts(client);
    if (again.organisations > 0 || again.initiatives > 0) {
      throw new Error(
        'synthetic rows appeared while this run was starting (another seeder?); nothing written',
      );
    }
    // rnd(g, salt): a uniform number in [0, 1) from a 64-bit hash of (g, salt, --seed); 53 bits of it.
    await q(`CREATE FUNCTION pg_temp.rnd(g bigint, salt integer) RETURNS double precision
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT ((hashint8extended(g, ${options.seed}::bigint * 1000 + salt) >> 11) & 9007199254740991)::double precision
                   / 9007199254740992 $$`);
    // The reference ROMs, reused when present.
    await q(`CREATE TEMP TABLE syn_rom ON COMMIT DROP AS
      SELECT row_number() OVER (ORDER BY code)::int AS idx, id FROM organisations
       WHERE kind = ${lit(OrganisationKind.ROM)} AND code NOT LIKE 'SYN\\_%'`);
    const [{ roms }] = (await q(`SELECT count(*)::int AS roms FROM syn_rom`)).rows as Array<{ roms: number }>;
    progress.step(
      roms > 0
        ? `reusing the ${roms} reference ROM(s) as leads, participants and partnership targets`
        : 'no reference ROMs in this database (npm run seed imports them); the network is synthetic only',
    );
    const romPick = (salt: number) => `1 + floor(${rnd(g, salt)} * ${Math.max(roms, 1)})::int`;

    // Organisations ----------------------------------------------------------------------------------
    const townOf = `(${textArray(TOWNS)})[1 + p1 * 4 + floor(${rnd(g, 6)} * 4)::int]`;
    const orgName = `CASE kind
      WHEN 'MUNICIPALITY' THEN 'Gemeente ' || ${townOf}
      WHEN 'UNIVERSITY' THEN 'Universiteit ' || ${townOf}
      WHEN 'UNIVERSITY_OF_APPLIED_SCIENCES' THEN 'Hogeschool ' || ${townOf}
      WHEN 'RESEARCH_INSTITUTE' THEN 'Instituut voor ' || ${uniform(rnd(g, 7), ALL_TOPICS)} || ' ' || ${townOf}
      WHEN 'TO2_INSTITUTE' THEN 'TO2 ' || ${uniform(rnd(g, 7), ALL_TOPICS)} || ' Lab'
      WHEN 'TKI' THEN 'TKI ' || ${uniform(rnd(g, 7), ALL_TOPICS)}
      WHEN 'CLUSTER_ORGANISATION' THEN ${uniform(rnd(g, 7), ALL_TOPICS)} || ' Cluster ' || ${uniform(rnd(g, 8), REGIONS)}
      WHEN 'ECOSYSTEM_ORGANISATION' THEN ${uniform(rnd(g, 7), ALL_TOPICS)} || ' Campus ' || ${townOf}
      WHEN 'ASSOCIATION' THEN 'Vereniging ' || ${uniform(rnd(g, 7), ALL_TOPICS)} || ' ' || ${uniform(rnd(g, 8), REGIONS)}
      WHEN 'INVESTMENT_INSTITUTION' THEN ${townOf} || ' ' || ${uniform(rnd(g, 7), ['Invest', 'Capital', 'Participaties', 'Innovatiefonds'])}
      WHEN 'REGIONAL_ECONOMIC_AGENCY' THEN 'Economic Board ' || ${uniform(rnd(g, 8), REGIONS)} || ' ' || ${townOf}
      WHEN 'OTHER' THEN 'Stichting ' || ${uniform(rnd(g, 7), ALL_TOPICS)} || ' ' || ${townOf}
      ELSE ${uniform(rnd(g, 9), COMPANY_STEMS)} || ' ' || ${uniform(rnd(g, 10), SECTORS)}
           || CASE WHEN ${rnd(g, 15)} < 0.5 THEN ' ' || ${uniform(rnd(g, 16), QUALIFIERS)} ELSE '' END
           || ' ' || ${uniform(rnd(g, 11), LEGAL)}
    END`;
    const provinces = `CASE
      WHEN ${rnd(g, 3)} < 0.05 THEN '{}'::text[]
      WHEN ${rnd(g, 3)} < 0.15 THEN ARRAY[(${textArray(PROVINCES)})[p1 + 1],
                                          (${textArray(PROVINCES)})[(p1 + 1 + floor(${rnd(g, 4)} * 11)::int) % 12 + 1]]
      ELSE ARRAY[(${textArray(PROVINCES)})[p1 + 1]]
    END`;
    await progress.phase('organisations', N, async (advance) => {
      for (const [a, b] of ranges(N, 10)) {
        await q(
          `INSERT INTO organisations (code, name, kind, provinces, website, source, confidence)
           SELECT 'SYN_ORG_' || lpad(g::text, ${orgWidth}, '0'), left(${orgName}, 300), kind, ${provinces},
                  CASE WHEN ${rnd(g, 12)} < 0.7 THEN 'https://syn-org-' || g || '.example.nl' END,
                  ${lit(SOURCE)}, ${weighted(rnd(g, 13), CONFIDENCES)}
             FROM (SELECT g, ${weighted(rnd(g, 1), ORGANISATION_KINDS)} AS kind, floor(${rnd(g, 2)} * 12)::int AS p1
                     FROM generate_series($1::int, $2::int) AS g) s
            ORDER BY g`,
          [a, b],
        );
        advance(b);
      }
    });
    // idx: position by code; pop: popularity rank (1 = most connected), random but favouring knowledge hubs.
    await q(`CREATE TEMP TABLE syn_org ON COMMIT DROP AS
      SELECT id, kind, idx, row_number() OVER (ORDER BY ${rnd('idx', 14)} * CASE kind
          WHEN 'UNIVERSITY' THEN 0.05 WHEN 'TO2_INSTITUTE' THEN 0.1 WHEN 'RESEARCH_INSTITUTE' THEN 0.2
          WHEN 'UNIVERSITY_OF_APPLIED_SCIENCES' THEN 0.2 WHEN 'CLUSTER_ORGANISATION' THEN 0.3 ELSE 1 END, idx)::int AS pop
        FROM (SELECT id, kind, row_number() OVER (ORDER BY code)::int AS idx
                FROM organisations WHERE code LIKE ${SYN_ORG}) s`);
    await q(`CREATE UNIQUE INDEX ON syn_org (pop)`);
    await q(`ANALYZE syn_org`);
    const orgByPop = (salt: number, skew: number) => `1 + floor(power(${rnd(g, salt)}, ${skew}) * ${N})::int`;

    // Partnerships -------------------------------------------------------------------------------------
    const P = target.partnerships;
    await progress.phase('partnerships', P, async (advance) => {
      const themeMask = `(CASE WHEN ${rnd(g, 25)} < 0.5 THEN 0 ELSE ${someBits(g, 26, THEMES.length, 0.3)} END)`;
      await q(`CREATE TEMP TABLE cand_partnership ON COMMIT DROP AS
        SELECT g, from_id, to_id,
               CASE WHEN to_rom THEN ${weighted(rnd(g, 21), ROM_PARTNERSHIP_KINDS)}
                    ELSE ${weighted(rnd(g, 21), PARTNERSHIP_KINDS)} END AS kind,
               ${subset(THEMES, themeMask)} AS themes, since,
               CASE WHEN ${rnd(g, 23)} < 0.08
                    THEN coalesce(since, DATE '2015-01-01') + (30 + floor(${rnd(g, 24)} * 2000))::int END AS until,
               ${weighted(rnd(g, 22), CONFIDENCES)} AS confidence
          FROM (SELECT g, f.id AS from_id, coalesce(r.id, t.id) AS to_id, r.id IS NOT NULL AS to_rom,
                       CASE WHEN ${rnd(g, 19)} >= 0.05
                            THEN DATE '2008-01-01' + floor(${rnd(g, 20)} * 6500)::int END AS since
                  FROM generate_series(1, ${Math.ceil(P * 1.1) + 50}) AS g
                  JOIN syn_org f ON f.pop = ${orgByPop(15, 2)}
                  JOIN syn_org t ON t.pop = ${orgByPop(16, 1.5)}
                  LEFT JOIN syn_rom r ON ${rnd(g, 17)} < 0.04 AND r.idx = ${romPick(18)}) c
         WHERE from_id <> to_id`);
      // One row per (from, to, kind): the active-pair unique index, and no duplicate ended ties either.
      await q(`CREATE TEMP TABLE syn_partnership ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY g)::int AS n, d.*
          FROM (SELECT DISTINCT ON (from_id, to_id, kind) * FROM cand_partnership ORDER BY from_id, to_id, kind, g) d
         ORDER BY g LIMIT ${P}`);
      await q(`CREATE UNIQUE INDEX ON syn_partnership (n)`);
      for (const [a, b] of ranges(P, 10)) {
        await q(
          `INSERT INTO partnerships (kind, from_id, to_id, themes, since, until, source, confidence)
           SELECT kind, from_id, to_id, themes, since, until, ${lit(SOURCE)}, confidence
             FROM syn_partnership WHERE n BETWEEN $1 AND $2 ORDER BY n
           ON CONFLICT (from_id, to_id, kind) WHERE until IS NULL DO NOTHING`,
          [a, b],
        );
        advance(b);
      }
    });

    // Initiatives --------------------------------------------------------------------------------------
    await progress.phase('initiatives', I, async (advance) => {
      const kind = weighted(rnd(g, 31), INITIATIVE_KINDS);
      const kindNoun = `CASE kind ${Object.entries(KIND_NOUN)
        .map(([k, noun]) => `WHEN ${lit(k)} THEN ${lit(noun)}`)
        .join(' ')} END`;
      const topic = `(${textArray(ALL_TOPICS)})[1 + t1 * 4 + floor(${rnd(g, 34)} * 4)::int]`;
      const themeMask = `((1 << t1) | (CASE WHEN ${rnd(g, 35)} < 0.35 THEN 1 << floor(${rnd(g, 36)} * 7)::int ELSE 0 END)
        | (CASE WHEN ${rnd(g, 37)} < 0.1 THEN 1 << floor(${rnd(g, 38)} * 7)::int ELSE 0 END))`;
      const threeMask = (salt: number) =>
        `(CASE WHEN ${rnd(g, salt)} < 0.1 THEN 0 ELSE ${someBits(g, salt + 1, 3, 0.3)} END)`;
      for (const [a, b] of ranges(I, 10)) {
        await q(
          `INSERT INTO initiatives (code, title, description, kind, status, visibility, themes, pillars, core_tasks,
                                    starts_on, ends_on, lead_id, source, confidence)
           SELECT 'SYN_INI_' || lpad(g::text, ${iniWidth}, '0'),
                  left(${topic} || ' ' || ${kindNoun} || ' ' || ${uniform(rnd(g, 39), TOWNS)}
                       || CASE WHEN ${rnd(g, 40)} < 0.3 AND starts_on IS NOT NULL
                               THEN ' ' || extract(year FROM starts_on)::int ELSE '' END, 300),
                  CASE WHEN ${rnd(g, 41)} < 0.7 THEN ${topic} || ': ' || ${uniform(rnd(g, 42), DESCRIPTION_OPENINGS)}
                       || ' ' || ${uniform(rnd(g, 43), DESCRIPTION_ENDINGS)} END,
                  kind,
                  CASE WHEN starts_on IS NULL
                         THEN CASE WHEN ${rnd(g, 44)} < 0.5 THEN ${lit(InitiativeStatus.PLANNED)} ELSE ${lit(InitiativeStatus.ACTIVE)} END
                       WHEN ${rnd(g, 45)} < 0.04 THEN ${lit(InitiativeStatus.CANCELLED)}
                       WHEN ends_on < DATE '${REFERENCE_DATE}' THEN ${lit(InitiativeStatus.COMPLETED)}
                       WHEN starts_on > DATE '${REFERENCE_DATE}' THEN ${lit(InitiativeStatus.PLANNED)}
                       ELSE ${lit(InitiativeStatus.ACTIVE)} END,
                  ${weighted(rnd(g, 46), VISIBILITIES)},
                  ${subset(THEMES, themeMask)},
                  ${subset(Object.values(Pillar), threeMask(47))},
                  ${subset(Object.values(CoreTask), threeMask(53))},
                  starts_on, ends_on, lead_id, ${lit(SOURCE)}, ${weighted(rnd(g, 59), CONFIDENCES)}
             FROM (SELECT g, ${kind} AS kind, floor(${rnd(g, 33)} * 7)::int AS t1, coalesce(r.id, o.id) AS lead_id,
                          starts_on, starts_on + (180 + floor(${rnd(g, 61)} * 1620))::int AS ends_on
                     FROM (SELECT g, CASE WHEN ${rnd(g, 60)} >= 0.04
                                          THEN DATE '2019-01-01' + floor(${rnd(g, 62)} * 3100)::int END AS starts_on
                             FROM generate_series($1::int, $2::int) AS g) gs
                     LEFT JOIN syn_org o ON ${rnd(g, 63)} >= 0.03 AND o.pop = ${orgByPop(64, 1.5)}
                     LEFT JOIN syn_rom r ON ${rnd(g, 63)} >= 0.03 AND ${rnd(g, 65)} < 0.15 AND r.idx = ${romPick(66)}) s
            ORDER BY g`,
          [a, b],
        );
        advance(b);
      }
      await q(`CREATE TEMP TABLE syn_ini ON COMMIT DROP AS
        SELECT id, idx, lead_id, starts_on, ends_on,
               row_number() OVER (ORDER BY ${rnd('idx', 67)}, idx)::int AS pop
          FROM (SELECT id, lead_id, starts_on, ends_on, row_number() OVER (ORDER BY code)::int AS idx
                  FROM initiatives WHERE code LIKE ${SYN_INI}) s`);
      await q(`CREATE UNIQUE INDEX ON syn_ini (pop)`);
      await q(`CREATE UNIQUE INDEX ON syn_ini (idx)`);
      await q(`ANALYZE syn_ini`);
      // About 8 % are part of one of the first 5 % (the programmes); a parent always precedes its child.
      const parents = Math.max(1, Math.floor(I / 20));
      await q(`UPDATE initiatives i SET parent_id = p.id
        FROM syn_ini c JOIN syn_ini p ON p.idx = 1 + floor(${rnd('c.idx', 68)} * ${parents})::int
       WHERE i.id = c.id AND c.idx > ${parents} AND ${rnd('c.idx', 69)} < 0.08`);
    });

    // Participations -----------------------------------------------------------------------------------
    const total = target.participations;
    await progress.phase('participations', total, async (advance) => {
      // Every lead takes part as LEAD, first (lowest id, so first in "order of joining").
      const leads =
        await q(`INSERT INTO participations (initiative_id, organisation_id, role, joined_on, source, confidence)
        SELECT id, lead_id, ${lit(ParticipationRole.LEAD)}, starts_on, ${lit(SOURCE)}, ${lit(Confidence.CONFIRMED)}
          FROM syn_ini WHERE lead_id IS NOT NULL ORDER BY idx`);
      const L = leads.rowCount ?? 0;
      advance(L);
      const rest = Math.max(0, total - L);
      // Skewed on both sides: a few initiatives draw hundreds of partners, a few organisations join hundreds.
      await q(`CREATE TEMP TABLE cand_participation ON COMMIT DROP AS
        SELECT g, initiative_id, organisation_id, lead_id, role, joined_on,
               CASE WHEN ${rnd(g, 79)} < 0.06
                    THEN coalesce(joined_on, starts_on, DATE '2020-01-01') + (30 + floor(${rnd(g, 80)} * 900))::int
               END AS left_on,
               confidence
          FROM (SELECT g, i.id AS initiative_id, coalesce(r.id, o.id) AS organisation_id, i.lead_id, i.starts_on,
                       ${weighted(rnd(g, 75), ROLES)} AS role,
                       CASE WHEN ${rnd(g, 76)} >= 0.05 AND i.starts_on IS NOT NULL
                            THEN i.starts_on + floor(${rnd(g, 77)} * 400)::int END AS joined_on,
                       ${weighted(rnd(g, 78), CONFIDENCES)} AS confidence
                  FROM generate_series(1, ${Math.ceil(rest * 1.25) + 100}) AS g
                  JOIN syn_ini i ON i.pop = 1 + floor(power(${rnd(g, 71)}, 1.5) * ${I})::int
                  JOIN syn_org o ON o.pop = ${orgByPop(72, 2)}
                  LEFT JOIN syn_rom r ON ${rnd(g, 73)} < 0.03 AND r.idx = ${romPick(74)}) c`);
      // At most one row per (initiative, organisation), never the lead again; ids follow the joining date.
      await q(`CREATE TEMP TABLE syn_participation ON COMMIT DROP AS
        SELECT row_number() OVER (ORDER BY joined_on NULLS LAST, g)::int AS n, x.*
          FROM (SELECT * FROM (SELECT DISTINCT ON (initiative_id, organisation_id) * FROM cand_participation
                                WHERE organisation_id IS DISTINCT FROM lead_id
                                ORDER BY initiative_id, organisation_id, g) d
                 ORDER BY g LIMIT ${rest}) x`);
      await q(`CREATE UNIQUE INDEX ON syn_participation (n)`);
      for (const [a, b] of ranges(rest, 10)) {
        await q(
          `INSERT INTO participations (initiative_id, organisation_id, role, joined_on, left_on, source, confidence)
           SELECT initiative_id, organisation_id, role, joined_on, left_on, ${lit(SOURCE)}, confidence
             FROM syn_participation WHERE n BETWEEN $1 AND $2 ORDER BY n`,
          [a, b],
        );
        advance(Math.min(total, L + b));
      }
    });

    // Milestones -------------------------------------------------------------------------------------
    const M = target.milestones;
    await progress.phase('milestones', M, async (advance) => {
      for (const [a, b] of ranges(M, 10)) {
        await q(
          `INSERT INTO milestones (initiative_id, code, title, due_on, status, source)
           SELECT id, 'SYN_MS_' || g,
                  ${uniform(rnd(g, 83), MILESTONE_TITLES)}
                    || CASE WHEN ${rnd(g, 84)} < 0.3 THEN ' (fase ' || (1 + floor(${rnd(g, 85)} * 4)::int) || ')' ELSE '' END,
                  due_on,
                  CASE WHEN due_on IS NULL THEN ${lit(MilestoneStatus.PLANNED)}
                       WHEN due_on < DATE '${REFERENCE_DATE}' THEN ${weighted(rnd(g, 86), PAST_MILESTONE_STATUSES)}
                       ELSE ${weighted(rnd(g, 86), FUTURE_MILESTONE_STATUSES)} END,
                  ${lit(SOURCE)}
             FROM (SELECT g, i.id,
                          CASE WHEN ${rnd(g, 82)} >= 0.1 AND i.starts_on IS NOT NULL
                               THEN i.starts_on + floor(${rnd(g, 87)} * greatest(i.ends_on - i.starts_on, 1))::int
                          END AS due_on
                     FROM generate_series($1::int, $2::int) AS g
                     JOIN syn_ini i ON i.idx = 1 + floor(${rnd(g, 81)} * ${I})::int) s
            ORDER BY g`,
          [a, b],
        );
        advance(b);
      }
    });

    await progress.phase('commit', 1, async (advance) => {
      await q('COMMIT');
      advance(1);
    });
  } catch (err) {
    await q('ROLLBACK').catch(() => {});
    throw err;
  }
  await progress.phase('analyze', 1, async (advance) => {
    await q('ANALYZE organisations, partnerships, initiatives, participations, milestones');
    advance(1);
  });
}

async function summary(client: pg.Client): Promise<void> {
  const { rows } = await client.query(`
    SELECT (SELECT count(*)::int FROM organisations WHERE code LIKE ${SYN_ORG}) AS organisations,
           (SELECT count(*)::int FROM partnerships p JOIN organisations o ON o.id = p.from_id
             WHERE o.code LIKE ${SYN_ORG}) AS partnerships,
           (SELECT count(*)::int FROM initiatives WHERE code LIKE ${SYN_INI}) AS initiatives,
           (SELECT count(*)::int FROM participations p JOIN initiatives i ON i.id = p.initiative_id
             WHERE i.code LIKE ${SYN_INI}) AS participations,
           (SELECT count(*)::int FROM milestones m JOIN initiatives i ON i.id = m.initiative_id
             WHERE i.code LIKE ${SYN_INI}) AS milestones`);
  const [shape] = (
    await client.query(`
    SELECT max(n)::int AS most, percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS median,
           count(*) FILTER (WHERE n >= 20)::int AS twenty_plus
      FROM (SELECT count(*) AS n FROM participations p JOIN initiatives i ON i.id = p.initiative_id
             WHERE i.code LIKE ${SYN_INI} AND p.left_on IS NULL GROUP BY p.initiative_id) c`)
  ).rows;
  const c = rows[0];
  console.log(
    `[seed:synthetic] synthetic rows: ${c.organisations} organisations, ${c.partnerships} partnerships, ` +
      `${c.initiatives} initiatives, ${c.participations} participations, ${c.milestones} milestones`,
  );
  console.log(
    `[seed:synthetic] active participants per initiative: median ${shape.median}, most ${shape.most}; ` +
      `${shape.twenty_plus} initiatives have 20 or more`,
  );
}

async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  try {
    await dataSource.initialize();
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code === '3D000') {
      const db = new URL(url).pathname.slice(1);
      fail(
        `database "${db}" does not exist; create it first, e.g.\n` +
          `  psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE ${db}'`,
      );
    }
    fail(`cannot open DATABASE_URL: ${e.message}`);
  }
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length) console.log(`[seed:synthetic] applied ${applied.length} migration(s)`);
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url) {
    fail(
      'DATABASE_URL is not set. The synthetic network (hundreds of thousands of rows) goes into PostgreSQL only,\n' +
        'never the embedded database. For example:\n' +
        "  psql postgres://postgres@127.0.0.1:5432/postgres -c 'CREATE DATABASE romgraph_bench'\n" +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/romgraph_bench npm run seed:synthetic -- --organisations 10000',
    );
  }
  if (!/^postgres(ql)?:\/\//.test(url)) fail('DATABASE_URL must be a postgres:// or postgresql:// URL');

  const progress = new Progress();
  await migrate(url);
  const client = new pg.Client({ connectionString: url, application_name: 'romgraph seed:synthetic' });
  client.on('error', (err) => console.error('[seed:synthetic] connection error', err));
  await client.connect();
  try {
    const existing = await existingCounts(client);
    if (existing.organisations > 0 || existing.initiatives > 0) {
      if (!options.reset) {
        console.log(
          `[seed:synthetic] synthetic data is already there (${existing.organisations} SYN_ organisations, ` +
            `${existing.initiatives} SYN_ initiatives); nothing to do. Pass --reset to rebuild it.`,
        );
        return;
      }
      console.log('[seed:synthetic] --reset: deleting the existing synthetic rows');
      await reset(client, progress);
    }
    const target = targetCounts(options.organisations);
    console.log(
      `[seed:synthetic] building ${target.organisations} organisations, ${target.partnerships} partnerships, ` +
        `${target.initiatives} initiatives, ${target.participations} participations, ${target.milestones} milestones ` +
        `(seed ${options.seed})`,
    );
    await seed(client, options, progress);
    await summary(client);
    console.log(`[seed:synthetic] done in ${progress.elapsed()}`);
  } finally {
    await client.end();
  }
}

main().catch((err: unknown) => {
  console.error('[seed:synthetic] failed:', err);
  process.exit(1);
});
