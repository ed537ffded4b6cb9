/**
 * Imports the reference network (server/seed/nl-innovation-ecosystem.json): organisations, initiatives,
 * participations, relations (as partnerships), milestones and funding, with their source and confidence.
 * Everything seeded is PUBLIC. Idempotent: rows are matched on their natural keys (codes, pairs), only the
 * missing ones are added, and nothing already present is overwritten.
 */
import { readFileSync } from 'node:fs';
import { systemViewer } from '../infra/auth/viewer.js';
import type { Database, Transaction } from '../infra/db/database.js';
import { EventType, FundingStatus, InitiativeStatus, ParticipationRole, Visibility } from '../vocabulary.js';
import {
  ROLE_PRECEDENCE,
  SECOND_LEAD_ROLE,
  mapConfidence,
  mapInitiativeKind,
  mapMilestoneStatus,
  mapOrganisationKind,
  mapPartnershipKind,
  mapPillar,
  mapRole,
  parsePartialDate,
  fundingKindOf,
  mapOutputKind,
} from './reference-mapping.js';
import { appendEvent, type NewEvent } from '../live/index.js';
import * as valid from '../infra/validation.js';

interface RefOrganisation {
  code: string;
  name: string;
  nameEn?: string;
  shortName?: string;
  kind: string;
  provinces: string[];
  website: string | null;
  source: string;
  confidence?: string;
  notes?: string;
  partialCoverage?: { province: string; area: string; source?: string }[];
}
interface RefFunding {
  amountEur: number | null;
  per: string;
  period?: string;
  date?: string;
  from?: string;
  note?: string;
  source: string;
}
interface RefMilestone {
  code: string;
  label: string;
  date: string;
  status: string;
  source: string;
}
interface RefInitiative {
  code: string;
  name: string;
  nameEn?: string;
  kind: string;
  period?: { start: string | null; end: string | null } | null;
  themes?: string[];
  pillars?: string[];
  coreTasks?: string[];
  funding?: RefFunding[];
  milestones?: RefMilestone[];
  parent?: string;
  confidence?: string;
  notes?: string;
  source: string;
}
interface RefParticipation {
  organisation: string;
  initiative: string;
  role: string;
  source: string;
  confidence?: string;
  notes?: string;
}
interface RefRelation {
  from: string;
  to: string;
  type: string;
  source: string;
  confidence?: string;
  notes?: string;
}
interface RefOutput {
  initiative: string;
  code: string;
  kind: string;
  title: string;
  publishedOn: string | null;
  url: string | null;
  source: string;
  confidence: string;
  description: string | null;
}
export interface ReferenceData {
  meta: { asOf: string; version: string };
  organisations: RefOrganisation[];
  initiatives: (RefInitiative & { additionalSources?: string[] })[];
  participations: RefParticipation[];
  relations: RefRelation[];
  /** What the reference initiatives produced (outputs.json beside the data: see its `about`). */
  outputs?: RefOutput[];
  /** The foreign markets reference initiatives serve (markets.json beside the data). */
  markets?: { initiative: string; markets: string[] }[];
  /** Pages elsewhere reference initiatives link to (links.json beside the data). */
  links?: { initiative: string; externalLinks: { label: string; url: string }[] }[];
}

export interface ImportReport {
  /** Per entity kind: how many the reference holds, how many were added now. */
  counts: Record<string, { reference: number; added: number }>;
  changed: boolean;
}

export function loadReferenceData(): ReferenceData {
  const read = (name: string) => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));
  const data = read('nl-innovation-ecosystem.json') as ReferenceData;
  data.outputs = (read('outputs.json') as { outputs: RefOutput[] }).outputs;
  data.markets = (read('markets.json') as { markets: ReferenceData['markets'] }).markets;
  data.links = (read('links.json') as { links: ReferenceData['links'] }).links;
  return data;
}

const BASIS: Record<string, string> = {
  year: 'YEAR',
  period: 'PERIOD',
  'one-off': 'ONE_OFF',
  total: 'TOTAL',
  'call total': 'TOTAL',
  allocation: 'TOTAL',
};

/** An initiative's status on the reference date, from its period. */
function statusOn(asOf: string, start: string | null, end: string | null): InitiativeStatus {
  if (end && end < asOf) return InitiativeStatus.COMPLETED;
  if (start && start > asOf) return InitiativeStatus.PLANNED;
  return InitiativeStatus.ACTIVE;
}

export async function importReferenceData(
  db: Database,
  data: ReferenceData = loadReferenceData(),
  log: (line: string) => void = () => {},
): Promise<ImportReport> {
  const counts: ImportReport['counts'] = {};
  const step = async (kind: string, reference: number, work: (tx: Transaction) => Promise<number>) => {
    const added = await db.transaction(work);
    counts[kind] = { reference, added };
    log(
      `[seed] ${kind.padEnd(16)} ${String(reference).padStart(4)} in reference, ${String(added).padStart(4)} added, ${String(reference - added).padStart(4)} already present`,
    );
  };
  const emit = (tx: Transaction, type: EventType, refs: Omit<NewEvent, 'type'>) =>
    appendEvent(tx, systemViewer, {
      type,
      ...refs,
      payload: { ...(refs.payload ?? {}), import: 'reference' },
    });

  const orgIds = new Map<string, number>();
  const initiativeIds = new Map<string, number>();

  await step('organisations', data.organisations.length, async (tx) => {
    let added = 0;
    for (const o of data.organisations) {
      const [row] = await tx.query(
        `INSERT INTO organisations (code, name, name_en, short_name, kind, provinces, website, source, confidence, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          o.code,
          o.name,
          o.nameEn ?? null,
          o.shortName ?? null,
          mapOrganisationKind(o.kind),
          o.provinces,
          o.website,
          o.source,
          mapConfidence(o.confidence),
          o.notes ?? null,
        ],
      );
      if (row) {
        added++;
        await emit(tx, EventType.ORGANISATION_CREATED, { organisationPk: row.id, payload: { code: o.code } });
      }
    }
    for (const r of await tx.query(`SELECT id, code FROM organisations WHERE code = ANY($1::text[])`, [
      data.organisations.map((o) => o.code),
    ])) {
      orgIds.set(r.code, r.id);
    }
    return added;
  });

  const coverage = data.organisations.flatMap((o) =>
    (o.partialCoverage ?? []).map((c) => ({ ...c, organisation: o.code })),
  );
  await step('partial coverage', coverage.length, async (tx) => {
    let added = 0;
    for (const c of coverage) {
      const [row] = await tx.query(
        `INSERT INTO partial_coverage (organisation_id, province, area, source) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING organisation_id`,
        [orgIds.get(c.organisation), c.province, c.area, c.source ?? null],
      );
      if (row) {
        added++;
        await emit(tx, EventType.ORGANISATION_UPDATED, {
          organisationPk: orgIds.get(c.organisation)!,
          payload: { changes: { partialCoverage: [null, { province: c.province, area: c.area }] } },
        });
      }
    }
    return added;
  });

  const org = (code: string, context: string): number => {
    const id = orgIds.get(code);
    if (id === undefined)
      throw new Error(`[seed] ${context} names organisation ${code}, which the reference data lacks`);
    return id;
  };

  // The lead: the first participant whose mapped role is LEAD, else COORDINATOR.
  const leadOf = new Map<string, string>();
  for (const wanted of ['LEAD', 'COORDINATOR']) {
    for (const p of data.participations) {
      if (!leadOf.has(p.initiative) && mapRole(p.role) === wanted) leadOf.set(p.initiative, p.organisation);
    }
  }

  await step('initiatives', data.initiatives.length, async (tx) => {
    let added = 0;
    // Parents first, so a child can reference its parent's id.
    const ordered = [...data.initiatives].sort(
      (a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)),
    );
    for (const i of ordered) {
      const startsOn = parsePartialDate(i.period?.start, 'start');
      const endsOn = parsePartialDate(i.period?.end, 'end');
      const lead = leadOf.get(i.code);
      const parentId = i.parent ? (initiativeIds.get(i.parent) ?? null) : null;
      const [row] = await tx.query(
        `INSERT INTO initiatives (code, title, title_en, kind, status, visibility, themes, pillars, core_tasks,
           starts_on, ends_on, lead_id, parent_id, source, confidence, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [
          i.code,
          i.name,
          i.nameEn ?? null,
          mapInitiativeKind(i.kind),
          statusOn(data.meta.asOf, startsOn, endsOn),
          Visibility.PUBLIC,
          i.themes ?? [],
          (i.pillars ?? []).map(mapPillar),
          i.coreTasks ?? [],
          startsOn,
          endsOn,
          lead ? org(lead, `initiative ${i.code}`) : null,
          parentId,
          i.source,
          mapConfidence(i.confidence),
          i.notes ?? null,
        ],
      );
      const [{ id }] = row ? [row] : await tx.query(`SELECT id FROM initiatives WHERE code = $1`, [i.code]);
      initiativeIds.set(i.code, id);
      if (row) {
        added++;
        await emit(tx, EventType.INITIATIVE_CREATED, { initiativePk: id, payload: { code: i.code } });
      }
    }
    return added;
  });

  const initiative = (code: string, context: string): number => {
    const id = initiativeIds.get(code);
    if (id === undefined)
      throw new Error(`[seed] ${context} names initiative ${code}, which the reference data lacks`);
    return id;
  };

  // One active participation per pair: the source sometimes lists a pair twice (EZ owns and funds the strategy).
  const merged = new Map<string, RefParticipation & { mapped: ParticipationRole; extraRoles: string[] }>();
  for (const p of data.participations) {
    const key = `${p.initiative}\u0000${p.organisation}`;
    const mapped = mapRole(p.role);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...p, mapped, extraRoles: [] });
    else if (ROLE_PRECEDENCE.indexOf(mapped) < ROLE_PRECEDENCE.indexOf(seen.mapped)) {
      merged.set(key, { ...p, mapped, extraRoles: [...seen.extraRoles, seen.role] });
    } else seen.extraRoles.push(p.role);
  }

  await step('participations', merged.size, async (tx) => {
    let added = 0;
    // One active LEAD per initiative, the organisation lead_id names (as stored: it may have been handed
    // over since the last import); any other lead the reference lists becomes SECOND_LEAD_ROLE.
    const leads = new Map<number, { leadId: number | null; taken: boolean }>();
    for (const r of await tx.query(
      `SELECT i.id, i.lead_id, EXISTS (SELECT 1 FROM participations p WHERE p.initiative_id = i.id
         AND p.role = 'LEAD' AND p.left_on IS NULL) AS taken
         FROM initiatives i WHERE i.id = ANY($1::int[])`,
      [[...initiativeIds.values()]],
    )) {
      leads.set(r.id, { leadId: r.lead_id, taken: r.taken });
    }
    for (const p of merged.values()) {
      const initiativeId = initiative(p.initiative, 'a participation');
      const organisationId = org(p.organisation, 'a participation');
      const lead = leads.get(initiativeId)!;
      let secondLead = false;
      if (p.mapped === ParticipationRole.LEAD) {
        secondLead = lead.taken || lead.leadId !== organisationId;
        if (secondLead) p.mapped = SECOND_LEAD_ROLE;
      }
      const notes = [
        p.notes,
        p.extraRoles.length ? `Also listed as: ${p.extraRoles.join(', ')}.` : null,
        secondLead
          ? `Listed as ${p.role}; the initiative has one lead, so recorded as ${SECOND_LEAD_ROLE}.`
          : null,
      ]
        .filter(Boolean)
        .join(' ');
      const [row] = await tx.query(
        `INSERT INTO participations (initiative_id, organisation_id, role, source_role, source, confidence, notes)
         SELECT $1, $2, $3, $4, $5, $6, $7
          WHERE NOT EXISTS (SELECT 1 FROM participations WHERE initiative_id = $1 AND organisation_id = $2)
         RETURNING id`,
        [
          initiativeId,
          organisationId,
          p.mapped,
          p.role,
          p.source,
          mapConfidence(p.confidence),
          notes || null,
        ],
      );
      if (row) {
        added++;
        if (p.mapped === ParticipationRole.LEAD) lead.taken = true;
        await emit(tx, EventType.PARTNER_JOINED, {
          initiativePk: initiativeId,
          organisationPk: organisationId,
          participationPk: row.id,
          payload: { role: p.mapped },
        });
      }
    }
    return added;
  });

  await step('partnerships', data.relations.length, async (tx) => {
    let added = 0;
    for (const r of data.relations) {
      const fromId = org(r.from, 'a relation');
      const toId = org(r.to, 'a relation');
      const kind = mapPartnershipKind(r.type);
      const [row] = await tx.query(
        `INSERT INTO partnerships (kind, from_id, to_id, source, confidence, notes)
         SELECT $1, $2, $3, $4, $5, $6
          WHERE NOT EXISTS (SELECT 1 FROM partnerships WHERE from_id = $2 AND to_id = $3 AND kind = $1)
         RETURNING id`,
        [kind, fromId, toId, r.source, mapConfidence(r.confidence), r.notes ?? null],
      );
      if (row) {
        added++;
        await emit(tx, EventType.PARTNERSHIP_FORMED, {
          organisationPk: fromId,
          organisationPks: [fromId, toId],
          partnershipPk: row.id,
          payload: { kind },
        });
      }
    }
    return added;
  });

  const milestones = data.initiatives.flatMap((i) =>
    (i.milestones ?? []).map((m) => ({ ...m, initiative: i.code })),
  );
  await step('milestones', milestones.length, async (tx) => {
    let added = 0;
    for (const m of milestones) {
      const initiativeId = initiative(m.initiative, 'a milestone');
      const [row] = await tx.query(
        `INSERT INTO milestones (initiative_id, code, title, due_on, status, source)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (initiative_id, code) WHERE code IS NOT NULL DO NOTHING RETURNING id`,
        [
          initiativeId,
          m.code,
          m.label,
          parsePartialDate(m.date, 'end'),
          mapMilestoneStatus(m.status),
          m.source,
        ],
      );
      if (row) {
        added++;
        await emit(tx, EventType.MILESTONE_ADDED, {
          initiativePk: initiativeId,
          milestonePk: row.id,
          payload: { code: m.code },
        });
      }
    }
    return added;
  });

  const funding = data.initiatives.flatMap((i) =>
    (i.funding ?? []).map((f) => ({ ...f, initiative: i.code })),
  );
  await step('funding', funding.length, async (tx) => {
    let added = 0;
    for (const f of funding) {
      const initiativeId = initiative(f.initiative, 'a funding line');
      const sourceId = f.from ? (orgIds.get(f.from) ?? null) : null;
      const sourceLabel = sourceId === null ? (f.from ?? null) : null;
      const year = /^\d{4}$/.test(f.period ?? '')
        ? Number(f.period)
        : f.date
          ? Number(f.date.slice(0, 4)) || null
          : null;
      const note = [f.note, f.period && !/^\d{4}$/.test(f.period) ? `Period ${f.period}.` : null]
        .filter(Boolean)
        .join(' ');
      const basis = BASIS[f.per] ?? 'TOTAL';
      const kind = fundingKindOf(f);
      const [row] = await tx.query(
        `INSERT INTO funding_allocations (initiative_id, source_organisation_id, source_label, amount_eur, year, basis,
           note, provenance, confidence, kind, status)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11
          WHERE NOT EXISTS (SELECT 1 FROM funding_allocations WHERE initiative_id = $1
            AND source_organisation_id IS NOT DISTINCT FROM $2 AND source_label IS NOT DISTINCT FROM $3
            AND amount_eur IS NOT DISTINCT FROM $4::numeric AND basis = $6 AND note IS NOT DISTINCT FROM $7)
         RETURNING id`,
        [
          initiativeId,
          sourceId,
          sourceLabel,
          f.amountEur,
          year,
          basis,
          note || null,
          f.source,
          f.source.startsWith('http') ? 'CONFIRMED' : 'UNVERIFIED',
          kind,
          FundingStatus.COMMITTED,
        ],
      );
      if (row) {
        added++;
        await emit(tx, EventType.FUNDING_ALLOCATED, {
          initiativePk: initiativeId,
          organisationPk: sourceId,
          fundingAllocationPk: row.id,
          payload: { basis, year, kind, status: FundingStatus.COMMITTED },
        });
      }
    }
    return added;
  });

  const outputs = data.outputs ?? [];
  await step('outputs', outputs.length, async (tx) => {
    let added = 0;
    for (const o of outputs) {
      const initiativeId = initiative(o.initiative, 'an output');
      const cited = citedFor(data, o.initiative);
      for (const url of [o.source, o.url]) {
        if (url && !cited.has(url)) {
          throw new Error(
            `[seed] output ${o.code} cites ${url}, which the reference data does not cite for ${o.initiative}`,
          );
        }
      }
      const [row] = await tx.query(
        `INSERT INTO outputs (initiative_id, code, kind, title, url, published_on, description, source, confidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (initiative_id, code) WHERE code IS NOT NULL DO NOTHING RETURNING id`,
        [
          initiativeId,
          o.code,
          mapOutputKind(o.kind),
          o.title,
          o.url,
          o.publishedOn,
          o.description,
          o.source,
          mapConfidence(o.confidence),
        ],
      );
      if (row) {
        added++;
        await emit(tx, EventType.OUTPUT_RECORDED, {
          initiativePk: initiativeId,
          outputPk: row.id,
          payload: { code: o.code, kind: o.kind },
        });
      }
    }
    return added;
  });

  const markets = data.markets ?? [];
  await step('markets', markets.length, async (tx) => {
    let added = 0;
    for (const m of markets) {
      const initiativeId = initiative(m.initiative, 'a market');
      const codes = valid.countryCodes(m.markets, `markets of ${m.initiative}`);
      // Only where nobody has set markets yet: an edit made in romgraph is never overwritten.
      const [row] = await tx.query(
        // In a WITH, as TypeORM answers a bare UPDATE with [rows, count] rather than the rows.
        `WITH u AS (UPDATE initiatives SET markets = $2 WHERE id = $1 AND markets = '{}' RETURNING id) SELECT id FROM u`,
        [initiativeId, codes],
      );
      if (row) {
        added++;
        await emit(tx, EventType.INITIATIVE_UPDATED, {
          initiativePk: initiativeId,
          payload: { changes: { markets: [[], codes] } },
        });
      }
    }
    return added;
  });

  const links = data.links ?? [];
  await step('external links', links.length, async (tx) => {
    let added = 0;
    for (const l of links) {
      const initiativeId = initiative(l.initiative, 'an external link');
      const cited = citedFor(data, l.initiative);
      const list = valid.externalLinks(l.externalLinks, `external links of ${l.initiative}`);
      for (const { url } of list) {
        if (!cited.has(url)) {
          throw new Error(
            `[seed] ${l.initiative} links ${url}, which the reference data does not cite for it`,
          );
        }
      }
      // Only where nobody has set links yet: an edit made in romgraph is never overwritten.
      const [row] = await tx.query(
        `WITH u AS (UPDATE initiatives SET external_links = $2::jsonb WHERE id = $1 AND external_links = '[]'::jsonb
          RETURNING id) SELECT id FROM u`,
        [initiativeId, JSON.stringify(list)],
      );
      if (row) {
        added++;
        await emit(tx, EventType.INITIATIVE_UPDATED, {
          initiativePk: initiativeId,
          payload: { changes: { external_links: [[], list] } },
        });
      }
    }
    return added;
  });

  const changed = Object.values(counts).some((c) => c.added > 0);
  log(
    changed
      ? '[seed] reference network imported'
      : '[seed] nothing to do: the reference network is already complete',
  );
  return { counts, changed };
}

/** Every URL the reference data cites for an initiative: its own sources, its milestones', funding's, participants'. */
function citedFor(data: ReferenceData, code: string): Set<string> {
  const i = data.initiatives.find((x) => x.code === code);
  return new Set([
    ...(i ? [i.source, ...(i.additionalSources ?? [])] : []),
    ...(i?.milestones ?? []).map((m) => m.source),
    ...(i?.funding ?? []).map((f) => f.source),
    ...data.participations.filter((p) => p.initiative === code).map((p) => p.source),
  ]);
}
