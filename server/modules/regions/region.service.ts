import type { Database } from '../../infra/db/database.js';
import type { RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import {
  Coverage,
  InitiativeKind,
  OrganisationKind,
  ParticipationRole,
  PROVINCES,
  Theme,
} from '../../vocabulary.js';
import type { NetworkView } from '../../graph/network.js';
import type { OrganisationFact } from '../../graph/facts.js';
import { today, type GraphService } from '../graph/index.js';
import { PartialCoverage, ProvinceConnectivity, ProvinceRom, RegionalConnectivity } from './region.type.js';

interface Tally {
  readonly perProvince: Map<
    string,
    { initiatives: Set<number>; participants: Set<number>; themes: Set<Theme> }
  >;
  /** Per ROM, the initiatives it leads. */
  readonly led: Map<number, Set<number>>;
}

export const ATTRIBUTION_RULE =
  "A ROM covers a province in full when the province is in its provinces: NOM covers Groningen, Fryslân and Drenthe, Oost NL Gelderland and Overijssel. A ROM's network position counts in full for every province it covers in full; it is not divided between them, since one organisation acts for all of its provinces with one network. A province's degree and betweenness are those of its best-connected full-coverage ROM. Partial coverage (ROM Utrecht Region's reach into Gooi- en Vechtstreek, in Noord-Holland, which ROM InWest covers in full) is listed but does not count towards the province. A province's participation and missing themes come from the organisations based in it (their provinces), taking part that day in initiatives running that day, as in the collaboration graph; one covering all twelve provinces (ROM Nederland, IPO) speaks for the country, not for a province. A theme counts as worked on where the province takes part in an initiative on it that is not a framework (a strategy, covenant or evaluation naming every theme it spans).";

/** Initiatives that name the themes they frame rather than work on them. */
const FRAMEWORKS: readonly InitiativeKind[] = [
  InitiativeKind.STRATEGY,
  InitiativeKind.COVENANT,
  InitiativeKind.EVALUATION,
];

/**
 * Under-connected regions: per province its ROMs with their network position, its participation and the
 * themes it has none in, and the ROMs that never lead. The graph engine's network in memory (the same access rules and day as its metrics), and one small
 * statement for partial coverage.
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
    const [partial, metrics] = await Promise.all([
      this.db.read(
        `SELECT c.organisation_id, c.province, c.area, c.source FROM partial_coverage c
           JOIN organisations o ON o.id = c.organisation_id WHERE o.kind = 'ROM' ORDER BY c.province, o.code`,
        [],
        undefined,
        scope,
      ),
      this.graph.metricsByPk(scope, theme, day),
    ]);
    // Participation as the graph engine reads it (the same access rules, the same day), in one pass over the
    // facts, kept for the views that see alike until the facts change.
    const view = this.graph.viewOf(scope, theme ? [theme] : [], day);
    const organisations = view.facts.organisations;
    const roms = [...organisations.values()].filter((o) => o.kind === OrganisationKind.ROM);
    const { perProvince, led } = this.tally(view, roms);
    const metricsOf = metrics;
    const romOf = (pk: number, coverage: Coverage, area: string | null) => {
      const m = metricsOf.get(pk);
      return Object.assign(new ProvinceRom(), {
        organisationPk: pk,
        coverage,
        area,
        provincesCovered: organisations.get(pk)?.provinces.length ?? 0,
        degree: m?.degree ?? null,
        betweenness: m?.betweenness ?? null,
        initiativesLed: led.get(pk)?.size ?? 0,
      });
    };
    const themes = theme ? [theme] : Object.values(Theme);
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    const provinces = PROVINCES.map((p) => {
      const full = roms
        .filter((o) => o.provinces.includes(p.code))
        .sort(byCode)
        .map((o) => romOf(o.pk, Coverage.FULL, null));
      const partly = partial
        .filter((r) => r.province === p.code)
        .map((r) => romOf(r.organisation_id, Coverage.PARTIAL, r.area));
      const measured = full.filter((r) => r.degree !== null);
      const at = perProvince.get(p.code)!;
      return Object.assign(new ProvinceConnectivity(), {
        ...p,
        roms: [...full, ...partly],
        degree: measured.length ? Math.max(...measured.map((r) => r.degree!)) : null,
        betweenness: measured.length ? Math.max(...measured.map((r) => r.betweenness!)) : null,
        initiatives: at.initiatives.size,
        participants: at.participants.size,
        missingThemes: themes.filter((t) => !at.themes.has(t)),
      });
    });
    provinces.sort((a, b) => a.initiatives - b.initiatives || a.code.localeCompare(b.code));
    const result = new RegionalConnectivity();
    result.provinces = provinces;
    result.romsNeverLeadingPks = [...led].filter(([, set]) => set.size === 0).map(([pk]) => pk);
    result.attributionRule = ATTRIBUTION_RULE;
    result.asOf = day;
    return result;
  }

  private readonly tallies = new Map<string, Tally>();

  private tally(view: NetworkView, roms: readonly OrganisationFact[]): Tally {
    const key = view.key;
    const kept = this.tallies.get(key);
    if (kept) return kept;
    const organisations = view.facts.organisations;
    const perProvince = new Map(
      PROVINCES.map((p) => [
        p.code,
        { initiatives: new Set<number>(), participants: new Set<number>(), themes: new Set<Theme>() },
      ]),
    );
    const led = new Map<number, Set<number>>();
    for (const rom of roms) led.set(rom.pk, new Set());
    view.eachParticipation((initiative, p) => {
      const o = organisations.get(p.organisationPk);
      if (!o) return;
      if (p.role === ParticipationRole.LEAD) led.get(o.pk)?.add(initiative.pk);
      if (o.provinces.length >= PROVINCES.length) return; // speaks for the country
      const worksOnThemes = !FRAMEWORKS.includes(initiative.kind);
      for (const code of o.provinces) {
        const at = perProvince.get(code);
        if (!at) continue;
        at.initiatives.add(initiative.pk);
        at.participants.add(o.pk);
        if (worksOnThemes) for (const t of initiative.themes) at.themes.add(t);
      }
    });
    const tally = { perProvince, led };
    // Older versions of the facts are of no more use; a few classes, themes and days are kept.
    for (const k of this.tallies.keys()) {
      if (!k.startsWith(`${view.facts.version}|`) || this.tallies.size >= 64) this.tallies.delete(k);
    }
    this.tallies.set(key, tally);
    return tally;
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
