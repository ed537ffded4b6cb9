import { visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database, Row } from '../../infra/db/database.js';
import { BadInputError } from '../../infra/errors.js';
import type { RequestScope } from '../../infra/request-scope.js';
import { COMPETENCE_ACTIVITIES, LEARNING_ACTIVITIES, Pillar } from '../../vocabulary.js';
import { Indicators, PillarIndicators, YearIndicators } from './evaluation.type.js';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/** `ALL` stands for the year over every pillar in the statement's rows. */
const ALL = '';

/**
 * evaluationIndicators: per year, joint initiatives and ROMs per initiative, learning and
 * competence-development activities with their participants, and outputs; each over everything and per
 * pillar. One statement whatever the data.
 */
export class EvaluationService {
  constructor(private readonly db: Database) {}

  async indicators(scope: RequestScope, years: number[]): Promise<YearIndicators[]> {
    const wanted = [...new Set(years)];
    if (wanted.length < 1 || wanted.length > 20) {
      throw new BadInputError('years takes 1 to 20 distinct years', 'years');
    }
    for (const y of wanted) {
      if (!Number.isInteger(y) || y < 1990 || y > 2100) {
        throw new BadInputError(`years holds ${y}; give years from 1990 to 2100`, 'years');
      }
    }
    const params: unknown[] = [wanted];
    const visible = visibleInitiativeSql(scope.viewer, 'i', params);
    const rows = await this.db.read(
      `WITH y AS (SELECT unnest($1::int[]) AS year),
       vi AS (SELECT i.id, i.pillars, i.starts_on, i.ends_on FROM initiatives i WHERE ${visible}),
       roms AS (
         SELECT y.year, vi.id, vi.pillars, count(DISTINCT p.organisation_id)::int AS roms
           FROM y JOIN vi ON (vi.starts_on IS NULL OR vi.starts_on <= make_date(y.year, 12, 31))
                         AND (vi.ends_on IS NULL OR vi.ends_on >= make_date(y.year, 1, 1))
           JOIN participations p ON p.initiative_id = vi.id
                                AND (p.joined_on IS NULL OR p.joined_on <= make_date(y.year, 12, 31))
                                AND (p.left_on IS NULL OR p.left_on >= make_date(y.year, 1, 1))
           JOIN organisations o ON o.id = p.organisation_id AND o.kind = 'ROM'
          GROUP BY y.year, vi.id, vi.pillars),
       acts AS (
         SELECT extract(year FROM a.occurred_on)::int AS year, a.kind, coalesce(a.participant_count, 0) AS people,
                coalesce(vi.pillars, '{}') AS pillars
           FROM activities a LEFT JOIN vi ON vi.id = a.initiative_id
          WHERE (a.initiative_id IS NULL OR vi.id IS NOT NULL)
            AND a.occurred_on >= make_date((SELECT min(year) FROM y), 1, 1)
            AND a.occurred_on <= make_date((SELECT max(year) FROM y), 12, 31)),
       outs AS (
         SELECT extract(year FROM o.published_on)::int AS year, vi.pillars
           FROM outputs o JOIN vi ON vi.id = o.initiative_id
          WHERE o.published_on >= make_date((SELECT min(year) FROM y), 1, 1)
            AND o.published_on <= make_date((SELECT max(year) FROM y), 12, 31))
       SELECT 'roms' AS metric, r.year, g.pillar, count(*) FILTER (WHERE r.roms >= 2)::int AS a,
              count(*)::int AS b, avg(r.roms)::float AS mean,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY r.roms)::float AS median, NULL::int AS c, NULL::int AS d
         FROM roms r CROSS JOIN LATERAL (SELECT '' AS pillar UNION ALL SELECT unnest(r.pillars)) g
        GROUP BY r.year, g.pillar
       UNION ALL
       SELECT 'activities', t.year, g.pillar,
              count(*) FILTER (WHERE t.kind IN (${list(LEARNING_ACTIVITIES)}))::int,
              coalesce(sum(t.people) FILTER (WHERE t.kind IN (${list(LEARNING_ACTIVITIES)})), 0)::int, NULL, NULL,
              count(*) FILTER (WHERE t.kind IN (${list(COMPETENCE_ACTIVITIES)}))::int,
              coalesce(sum(t.people) FILTER (WHERE t.kind IN (${list(COMPETENCE_ACTIVITIES)})), 0)::int
         FROM acts t CROSS JOIN LATERAL (SELECT '' AS pillar UNION ALL SELECT unnest(t.pillars)) g
        WHERE t.year = ANY($1::int[])
        GROUP BY t.year, g.pillar
       UNION ALL
       SELECT 'outputs', t.year, g.pillar, count(*)::int, NULL, NULL, NULL, NULL, NULL
         FROM outs t CROSS JOIN LATERAL (SELECT '' AS pillar UNION ALL SELECT unnest(t.pillars)) g
        WHERE t.year = ANY($1::int[])
        GROUP BY t.year, g.pillar`,
      params,
      undefined,
      scope,
    );
    const found = new Map<string, Row[]>();
    for (const r of rows) {
      const key = `${r.year}|${r.pillar}`;
      found.set(key, [...(found.get(key) ?? []), r]);
    }
    const fill = <T extends Indicators>(target: T, year: number, pillar: string): T => {
      const of = (metric: string) => found.get(`${year}|${pillar}`)?.find((r) => r.metric === metric);
      const roms = of('roms');
      const acts = of('activities');
      target.jointInitiatives = roms?.a ?? 0;
      target.initiativesWithRoms = roms?.b ?? 0;
      target.meanRomsPerInitiative = roms?.mean ?? null;
      target.medianRomsPerInitiative = roms?.median ?? null;
      target.learningActivities = acts?.a ?? 0;
      target.learningParticipants = acts?.b ?? 0;
      target.competenceActivities = acts?.c ?? 0;
      target.competenceParticipants = acts?.d ?? 0;
      target.outputs = of('outputs')?.a ?? 0;
      return target;
    };
    return [...years.filter((y, i) => years.indexOf(y) === i)].map((year) => {
      const y = fill(new YearIndicators(), year, ALL);
      y.year = year;
      y.byPillar = Object.values(Pillar).map((pillar) =>
        Object.assign(fill(new PillarIndicators(), year, pillar), { pillar }),
      );
      return y;
    });
  }
}
