import { canSeeFundingAmounts } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import type { RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import {
  CoreTask,
  EventType,
  FundingBasis,
  FundingKind,
  FundingStatus,
  InitiativeStatus,
  MilestoneStatus,
  Pillar,
  Theme,
} from '../../vocabulary.js';
import { today } from '../graph/index.js';

/** Days end in the Netherlands: an as-of day is read there, as the graph's today is. */
const ZONE = 'Europe/Amsterdam';
import { visibleInitiatives } from '../initiatives/index.js';
import type { SummaryFilter } from './summary.inputs.js';
import {
  FundingLeverage,
  FundingSummary,
  FundingTotal,
  InitiativeLeverage,
  KeyCount,
  MilestoneSummary,
  NetworkSummary,
} from './summary.type.js';

/** The fields of NetworkSummary its first statement counts. */
const COUNT_FIELDS = [
  'initiatives',
  'supraRegional',
  'supraRegionalShare',
  'byTheme',
  'byPillar',
  'byCoreTask',
  'byStatus',
];

/** Every key of a vocabulary in its order, zeros included, from the counts SQL returned. */
function keyCounts(keys: readonly string[], counts: Record<string, number> | null): KeyCount[] {
  return keys.map((key) => Object.assign(new KeyCount(), { key, count: counts?.[key] ?? 0 }));
}

function intIn(
  value: number | null | undefined,
  fallback: number,
  min: number,
  max: number,
  field: string,
): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new BadInputError(`${field} must be a whole number from ${min} to ${max}, got ${n}`, field);
  }
  return n;
}

const quoted = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
/** The supra-regional budget, and the money it levers (see FundingKind). */
const BUDGET = quoted([FundingKind.STRUCTURAL, FundingKind.ONE_OFF]);
const LEVERED = quoted([FundingKind.CO_FUNDING, FundingKind.FOLLOW_ON]);

/**
 * networkSummary: counts, milestones, stalled initiatives and funding over the initiatives the caller may see
 * that the filter selects. One statement for each of the four that the query asks for, whatever the data (each
 * with the same scope), run in parallel under the request's budget.
 */
export class SummaryService {
  constructor(private readonly db: Database) {}

  /** @param selected the fields of NetworkSummary the query asks for: only their statements run */
  async summary(
    scope: RequestScope,
    filter: SummaryFilter | null | undefined,
    selected: ReadonlySet<string>,
  ): Promise<NetworkSummary> {
    const dueWithinDays = intIn(filter?.dueWithinDays, 30, 1, 366, 'filter.dueWithinDays');
    const stalledAfterMonths = intIn(filter?.stalledAfterMonths, 6, 1, 60, 'filter.stalledAfterMonths');
    const asOf = valid.optionalDate(filter?.asOf, 'filter.asOf');
    const where = visibleInitiatives(scope, filter);
    // Participations and initiatives as they stood: now, or as of the day (`$?` is that day).
    const holding = (p: string) =>
      asOf === null
        ? `${p}.left_on IS NULL`
        : `(${p}.joined_on IS NULL OR ${p}.joined_on <= $?::date) AND (${p}.left_on IS NULL OR ${p}.left_on > $?::date)`;
    const holdingParams = asOf === null ? [] : [asOf, asOf];
    if (asOf !== null) {
      // In the network from when it started or was recorded, whichever came first.
      where.and(
        `(i.starts_on <= $?::date OR i.created_at < ($?::date + 1)::timestamp AT TIME ZONE '${ZONE}')`,
        asOf,
        asOf,
      );
    }
    const provinces = valid.provinceCodes(filter?.provinces, 'filter.provinces');
    if (provinces.length) {
      where.and(
        `EXISTS (SELECT 1 FROM participations sp JOIN organisations so ON so.id = sp.organisation_id
          WHERE sp.initiative_id = i.id AND ${holding('sp')} AND so.provinces && $?::text[])`,
        ...holdingParams,
        provinces,
      );
    }
    const day = asOf ?? today();
    // Each statement adds its own parameters after the scope's; `$${next + 1}` is always the day.
    const next = where.params.length;
    const dayParam = `$${next + 1}::date`;
    /** The end of the day, as a time: what the log held by then. */
    const endOfDay = `((${dayParam} + 1)::timestamp AT TIME ZONE '${ZONE}')`;
    /** A status as of the day: the old value of the first change after it, else the current one. */
    const statusThen = (column: string, type: EventType, match: string) =>
      asOf === null
        ? column
        : `coalesce((SELECT e.payload->'changes'->'status'->>0 FROM events e
             WHERE ${match} AND e.type = '${type}' AND e.occurred_at >= ${endOfDay}
               AND e.payload->'changes' ? 'status' ORDER BY e.seq LIMIT 1), ${column})`;
    // Every statement names the day (here, as the scope's column) so that it always takes the same parameters.
    const inScope = `scope AS (SELECT i.id, i.code, i.themes, i.pillars, i.core_tasks, ${dayParam} AS day,
        ${statusThen('i.status', EventType.INITIATIVE_UPDATED, 'e.initiative_id = i.id')} AS status
      FROM initiatives i ${where.sql})`;
    const read = (sql: string, extra: unknown[] = []) =>
      this.db.read(`WITH ${inScope} ${sql}`, [...where.params, day, ...extra], undefined, scope);
    const facets = (column: string) =>
      `(SELECT jsonb_object_agg(k, n) FROM (SELECT k, count(*)::int AS n FROM scope, unnest(scope.${column}) k GROUP BY k) x)`;
    const holds = (p: string) =>
      asOf === null
        ? `${p}.left_on IS NULL`
        : `(${p}.joined_on IS NULL OR ${p}.joined_on <= ${dayParam}) AND (${p}.left_on IS NULL OR ${p}.left_on > ${dayParam})`;
    const milestoneStatus = statusThen(
      'm.status',
      EventType.MILESTONE_CHANGED,
      'e.initiative_id = m.initiative_id AND e.milestone_id = m.id',
    );
    const asks = (...fields: string[]) => fields.some((f) => selected.has(f));
    const none = Promise.resolve([] as Row[]);
    const [[counts], milestones, stalled, funding] = await Promise.all([
      asks(...COUNT_FIELDS)
        ? read(`, supra AS (
          SELECT p.initiative_id FROM participations p JOIN organisations o ON o.id = p.organisation_id
           WHERE ${holds('p')} AND o.kind = 'ROM' AND p.initiative_id IN (SELECT id FROM scope)
           GROUP BY p.initiative_id HAVING count(*) >= 2)
        SELECT (SELECT count(*)::int FROM scope) AS initiatives, (SELECT count(*)::int FROM supra) AS supra,
               ${facets('themes')} AS themes, ${facets('pillars')} AS pillars, ${facets('core_tasks')} AS core_tasks,
               (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM scope GROUP BY status) x)
                 AS statuses`)
        : none,
      asks('milestones')
        ? read(
            `SELECT ms.status, count(*)::int AS n,
                count(*) FILTER (WHERE ms.open AND ms.due_on >= ${dayParam}
                  AND ms.due_on <= ${dayParam} + $${next + 2}::int)::int AS due_soon,
                count(*) FILTER (WHERE ms.open AND ms.due_on < ${dayParam})::int AS overdue
           FROM (SELECT x.status, x.due_on,
                        x.status NOT IN ('${MilestoneStatus.DONE}', '${MilestoneStatus.CANCELLED}') AS open
                   FROM (SELECT ${milestoneStatus} AS status, m.due_on
                           FROM milestones m JOIN scope s ON s.id = m.initiative_id) x) ms
          GROUP BY ms.status`,
            [dueWithinDays],
          )
        : none,
      asks('stalled', 'stalledInitiatives')
        ? read(
            `SELECT s.id FROM scope s
          WHERE s.status IN ('${InitiativeStatus.PLANNED}', '${InitiativeStatus.ACTIVE}')
            AND s.id NOT IN (SELECT e.initiative_id FROM events e WHERE e.initiative_id IS NOT NULL
                    AND e.occurred_at > ${endOfDay} - make_interval(months => $${next + 2}::int)
                    AND e.occurred_at < ${endOfDay})
                AND s.id NOT IN (SELECT p.initiative_id FROM participations p
                    WHERE p.joined_on > ${dayParam} - make_interval(months => $${next + 2}::int)
                    AND p.joined_on <= ${dayParam})
          ORDER BY s.code`,
            [stalledAfterMonths],
          )
        : none,
      asks('funding')
        ? read(`, f AS (
          SELECT f.amount_eur, f.year, f.basis, f.kind, f.status, s.id AS initiative_id, s.code, s.themes, s.pillars,
                 coalesce(o.code, f.source_label, 'unknown') AS source
            FROM funding_allocations f JOIN scope s ON s.id = f.initiative_id
            LEFT JOIN organisations o ON o.id = f.source_organisation_id
           ${
             asOf === null
               ? ''
               : `WHERE (f.year IS NOT NULL AND f.year <= extract(year FROM ${dayParam}))
                     OR (f.year IS NULL AND f.created_at < ${endOfDay})`
           })
        SELECT 'theme' AS facet, t AS key, count(*)::int AS n, sum(amount_eur) AS eur, NULL::numeric AS levered,
               NULL::int AS initiative_id
          FROM f, unnest(f.themes) t GROUP BY t
        UNION ALL SELECT 'pillar', p, count(*)::int, sum(amount_eur), NULL, NULL FROM f, unnest(f.pillars) p GROUP BY p
        UNION ALL SELECT 'year', coalesce(year::text, 'unknown'), count(*)::int, sum(amount_eur), NULL, NULL
          FROM f GROUP BY 2
        UNION ALL SELECT 'source', source, count(*)::int, sum(amount_eur), NULL, NULL FROM f GROUP BY source
        UNION ALL SELECT 'basis', basis, count(*)::int, sum(amount_eur), NULL, NULL FROM f GROUP BY basis
        UNION ALL SELECT 'kind', kind, count(*)::int, sum(amount_eur), NULL, NULL FROM f GROUP BY kind
        UNION ALL SELECT 'status', status, count(*)::int, sum(amount_eur), NULL, NULL FROM f GROUP BY status
        UNION ALL SELECT 'leverage', code, count(*)::int,
               coalesce(sum(amount_eur) FILTER (WHERE kind IN (${BUDGET})), 0),
               coalesce(sum(amount_eur) FILTER (WHERE kind IN (${LEVERED})), 0), initiative_id
          FROM f WHERE kind IN (${BUDGET}, ${LEVERED}) GROUP BY initiative_id, code
        UNION ALL SELECT 'total', 'total', count(*)::int, sum(amount_eur), NULL, NULL FROM f`)
        : none,
    ]);

    // What the query did not ask for was not counted, and is never read.
    const summary = new NetworkSummary();
    if (counts) {
      summary.initiatives = counts.initiatives;
      summary.supraRegional = counts.supra;
      summary.supraRegionalShare = counts.initiatives ? counts.supra / counts.initiatives : 0;
      summary.byTheme = keyCounts(Object.values(Theme), counts.themes);
      summary.byPillar = keyCounts(Object.values(Pillar), counts.pillars);
      summary.byCoreTask = keyCounts(Object.values(CoreTask), counts.core_tasks);
      summary.byStatus = keyCounts(Object.values(InitiativeStatus), counts.statuses);
    }
    summary.milestones = milestoneSummary(milestones, dueWithinDays);
    summary.stalledPks = stalled.map((r) => r.id as number);
    summary.stalled = stalled.length;
    summary.stalledAfterMonths = stalledAfterMonths;
    summary.funding = fundingSummary(funding, canSeeFundingAmounts(scope.viewer));
    summary.today = day;
    return summary;
  }
}

function milestoneSummary(rows: Row[], dueWithinDays: number): MilestoneSummary {
  const m = new MilestoneSummary();
  m.byStatus = keyCounts(
    Object.values(MilestoneStatus),
    Object.fromEntries(rows.map((r) => [r.status, r.n])),
  );
  m.total = rows.reduce((sum, r) => sum + (r.n as number), 0);
  m.dueSoon = rows.reduce((sum, r) => sum + (r.due_soon as number), 0);
  m.overdue = rows.reduce((sum, r) => sum + (r.overdue as number), 0);
  m.dueWithinDays = dueWithinDays;
  return m;
}

/** Totals by facet; amounts only for callers who may see amounts (the totals must not reveal them). */
function fundingSummary(rows: Row[], amounts: boolean): FundingSummary {
  const total = (row: Row | undefined, key: string) =>
    Object.assign(new FundingTotal(), {
      key,
      allocations: (row?.n as number | undefined) ?? 0,
      amountEur: amounts ? Number(row?.eur ?? 0) : null,
    });
  const facet = (name: string) => rows.filter((r) => r.facet === name);
  const inOrder = (name: string, keys: readonly string[]) => {
    const found = new Map(facet(name).map((r) => [r.key as string, r]));
    return keys.map((key) => total(found.get(key), key));
  };
  const all = facet('total')[0];
  const f = new FundingSummary();
  f.allocations = (all?.n as number | undefined) ?? 0;
  f.totalEur = amounts ? Number(all?.eur ?? 0) : null;
  f.byTheme = inOrder('theme', Object.values(Theme));
  f.byPillar = inOrder('pillar', Object.values(Pillar));
  f.byBasis = inOrder('basis', Object.values(FundingBasis));
  f.byYear = facet('year')
    .map((r) => total(r, r.key))
    .sort((a, b) => (a.key === 'unknown' ? 1 : b.key === 'unknown' ? -1 : a.key.localeCompare(b.key)));
  f.bySource = facet('source')
    .map((r) => total(r, r.key))
    .sort((a, b) => b.allocations - a.allocations || a.key.localeCompare(b.key));
  f.byKind = inOrder('kind', Object.values(FundingKind));
  f.byStatus = inOrder('status', Object.values(FundingStatus));
  f.leverage = leverage(facet('leverage'), amounts);
  return f;
}

const perEuro = (levered: number, budget: number) => (budget > 0 ? levered / budget : null);

/** Levered money per euro of budget, per initiative and in total; amounts only where they may be shown. */
function leverage(rows: Row[], amounts: boolean): FundingLeverage {
  const initiatives = rows.map((r) => {
    const budget = Number(r.eur);
    const levered = Number(r.levered);
    return Object.assign(new InitiativeLeverage(), {
      initiativePk: r.initiative_id as number,
      code: r.key as string,
      budgetEur: amounts ? budget : null,
      leveredEur: amounts ? levered : null,
      perEuro: amounts ? perEuro(levered, budget) : null,
      // Sorted by the real ratio only when it may be shown, so the order reveals nothing either.
      sortKey: amounts ? (perEuro(levered, budget) ?? -1) : 0,
    });
  });
  initiatives.sort((a, b) => b.sortKey - a.sortKey || a.code.localeCompare(b.code));
  const budget = rows.reduce((sum, r) => sum + Number(r.eur), 0);
  const levered = rows.reduce((sum, r) => sum + Number(r.levered), 0);
  const l = new FundingLeverage();
  l.budgetEur = amounts ? budget : null;
  l.leveredEur = amounts ? levered : null;
  l.perEuro = amounts ? perEuro(levered, budget) : null;
  l.initiatives = initiatives.map(({ sortKey: _, ...rest }) => Object.assign(new InitiativeLeverage(), rest));
  return l;
}
