import { visibleInitiativeSql } from '../../infra/auth/access.js';
import type { Database } from '../../infra/db/database.js';
import type { RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import { Coverage, InitiativeKind, OrganisationKind, PROVINCES, Theme } from '../../vocabulary.js';
import { today, type GraphService } from '../graph/index.js';
import { PartialCoverage, ProvinceConnectivity, ProvinceRom, RegionalConnectivity } from './region.type.js';

export const ATTRIBUTION_RULE =
  "A ROM covers a province in full when the province is in its provinces: NOM covers Groningen, Fryslân and Drenthe, Oost NL Gelderland and Overijssel. A ROM's network position counts in full for every province it covers in full; it is not divided between them, since one organisation acts for all of its provinces with one network. A province's degree and betweenness are those of its best-connected full-coverage ROM. Partial coverage (ROM Utrecht Region's reach into Gooi- en Vechtstreek, in Noord-Holland, which ROM InWest covers in full) is listed but does not count towards the province. A province's participation and missing themes come from the organisations based in it (their provinces); one covering all twelve provinces (ROM Nederland, IPO) speaks for the country, not for a province. A theme counts as worked on where the province takes part in an initiative on it that is not a framework (a strategy, covenant or evaluation naming every theme it spans).";

/** Initiatives that name the themes they frame rather than work on them. */
const FRAMEWORKS = [InitiativeKind.STRATEGY, InitiativeKind.COVENANT, InitiativeKind.EVALUATION];

/**
 * Under-connected regions: per province its ROMs with their network position, its participation and the
 * themes it has none in, and the ROMs that never lead. One statement, and the metrics of the graph engine.
 */
export class RegionService {
  constructor(
    private readonly db: Database,
    private readonly graph: GraphService,
  ) {}

  async connectivity(
    scope: RequestScope,
    theme: Theme | null | undefined,
    asOf: string | null | undefined,
  ): Promise<RegionalConnectivity> {
    const day = valid.optionalDate(asOf, 'asOf') ?? today();
    const params: unknown[] = [day];
    const visible = visibleInitiativeSql(scope.viewer, 'i', params);
    const active = `(p.joined_on IS NULL OR p.joined_on <= $1::date) AND (p.left_on IS NULL OR p.left_on > $1::date)`;
    const [rows, metrics] = await Promise.all([
      this.db.read(
        `WITH vi AS (SELECT i.id, i.themes, i.kind FROM initiatives i WHERE ${visible}),
         part AS (SELECT pr AS province, vi.id, vi.themes, vi.kind, o.id AS organisation_id
                    FROM vi JOIN participations p ON p.initiative_id = vi.id AND ${active}
                    JOIN organisations o ON o.id = p.organisation_id AND cardinality(o.provinces) < ${PROVINCES.length},
                         unnest(o.provinces) pr)
         SELECT 'province' AS facet, province, NULL AS theme, NULL::int AS organisation_id,
                count(DISTINCT id)::int AS n, count(DISTINCT organisation_id)::int AS m, NULL AS source
           FROM part GROUP BY province
         UNION ALL SELECT 'theme', province, t, NULL, count(DISTINCT id)::int, NULL, NULL
           FROM part, unnest(part.themes) t WHERE part.kind <> ALL($${params.length + 1}::text[])
          GROUP BY province, t
         UNION ALL SELECT 'lead', NULL, NULL, o.id, count(vi.id)::int, NULL, NULL
           FROM organisations o
           LEFT JOIN participations p ON p.organisation_id = o.id AND p.role = 'LEAD' AND ${active}
           LEFT JOIN vi ON vi.id = p.initiative_id
          WHERE o.kind = 'ROM' GROUP BY o.id
         UNION ALL SELECT 'full', pr, NULL, o.id, cardinality(o.provinces), NULL, NULL
           FROM organisations o, unnest(o.provinces) pr WHERE o.kind = 'ROM'
         UNION ALL SELECT 'partial', c.province, c.area, o.id, cardinality(o.provinces), NULL, c.source
           FROM partial_coverage c JOIN organisations o ON o.id = c.organisation_id WHERE o.kind = 'ROM'`,
        [...params, FRAMEWORKS],
        undefined,
        scope,
      ),
      this.graph.networkMetrics(scope, OrganisationKind.ROM, theme, day),
    ]);
    const metricsOf = new Map(metrics.map((m) => [m.pk, m]));
    const led = new Map(
      rows.filter((r) => r.facet === 'lead').map((r) => [r.organisation_id as number, r.n]),
    );
    const themes = theme ? [theme] : Object.values(Theme);
    const provinces = PROVINCES.map((p) => {
      const of = (facet: string) => rows.filter((r) => r.facet === facet && r.province === p.code);
      const roms = [...of('full'), ...of('partial')].map((r) => {
        const m = metricsOf.get(r.organisation_id);
        return Object.assign(new ProvinceRom(), {
          organisationPk: r.organisation_id,
          coverage: r.facet === 'full' ? Coverage.FULL : Coverage.PARTIAL,
          area: r.facet === 'full' ? null : r.theme,
          provincesCovered: r.n,
          degree: m?.degree ?? null,
          betweenness: m?.betweenness ?? null,
          initiativesLed: led.get(r.organisation_id) ?? 0,
        });
      });
      const full = roms.filter((r) => r.coverage === Coverage.FULL && r.degree !== null);
      const covered = new Set(of('theme').map((r) => r.theme));
      const [summary] = of('province');
      return Object.assign(new ProvinceConnectivity(), {
        ...p,
        roms,
        degree: full.length ? Math.max(...full.map((r) => r.degree!)) : null,
        betweenness: full.length ? Math.max(...full.map((r) => r.betweenness!)) : null,
        initiatives: summary?.n ?? 0,
        participants: summary?.m ?? 0,
        missingThemes: themes.filter((t) => !covered.has(t)),
      });
    });
    provinces.sort((a, b) => a.initiatives - b.initiatives || a.code.localeCompare(b.code));
    const result = new RegionalConnectivity();
    result.provinces = provinces;
    result.romsNeverLeadingPks = [...led].filter(([, n]) => n === 0).map(([pk]) => pk);
    result.attributionRule = ATTRIBUTION_RULE;
    result.asOf = day;
    return result;
  }

  /** The areas an organisation covers without covering their province, batched per request. */
  partialCoverageOf(scope: RequestScope, organisationPk: number): Promise<PartialCoverage[]> {
    return scope
      .loader<number, PartialCoverage[]>('organisation.partialCoverage', async (pks) => {
        const rows = await this.db.read(
          `SELECT organisation_id, province, area, source FROM partial_coverage
            WHERE organisation_id = ANY($1::int[]) ORDER BY organisation_id, province, area`,
          [pks],
        );
        return pks.map((pk) =>
          rows
            .filter((r) => r.organisation_id === pk)
            .map((r) =>
              Object.assign(new PartialCoverage(), { province: r.province, area: r.area, source: r.source }),
            ),
        );
      })
      .load(organisationPk);
  }
}
