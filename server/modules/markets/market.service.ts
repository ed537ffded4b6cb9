import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import nl from 'i18n-iso-countries/langs/nl.json' with { type: 'json' };
import type { Database } from '../../infra/db/database.js';
import type { RequestScope } from '../../infra/request-scope.js';
import * as valid from '../../infra/validation.js';
import { OrganisationKind } from '../../vocabulary.js';
import { visibleInitiatives } from '../initiatives/index.js';
import { Market } from './market.type.js';

countries.registerLocale(en);
countries.registerLocale(nl);

/**
 * Markets and missions: per foreign market, the initiatives you may see that serve it, the organisations of a
 * kind (ROMs by default) that lead one of them, those that take part without leading, and those not yet in any
 * (where a region can join). One statement.
 */
export class MarketService {
  constructor(private readonly db: Database) {}

  async markets(
    scope: RequestScope,
    kind: OrganisationKind,
    codes: string[] | null | undefined,
  ): Promise<Market[]> {
    const only = valid.countryCodes(codes, 'markets');
    const where = visibleInitiatives(scope, { markets: only });
    where.and(`i.markets <> '{}'`);
    const k = where.params.length + 1;
    const rows = await this.db.read(
      `WITH served AS (SELECT m AS market, i.id, i.lead_id FROM initiatives i, unnest(i.markets) m ${where.sql})
       SELECT s.market, s.id AS initiative_id, p.organisation_id,
              (p.organisation_id = s.lead_id OR p.role = 'LEAD') AS leads
         FROM served s
         LEFT JOIN (participations p JOIN organisations o ON o.id = p.organisation_id AND o.kind = $${k})
           ON p.initiative_id = s.id AND p.left_on IS NULL
       UNION ALL SELECT NULL, NULL, o.id, NULL FROM organisations o WHERE o.kind = $${k}`,
      [...where.params, kind],
      undefined,
      scope,
    );
    const all = rows.filter((r) => r.market === null).map((r) => r.organisation_id as number);
    const byCode = new Map<string, { initiatives: Set<number>; leads: Set<number>; in: Set<number> }>();
    for (const r of rows) {
      // An initiative serving an asked-for market may serve others too: those are not asked for.
      if (r.market === null || (only.length && !only.includes(r.market))) continue;
      let m = byCode.get(r.market);
      if (!m) byCode.set(r.market, (m = { initiatives: new Set(), leads: new Set(), in: new Set() }));
      m.initiatives.add(r.initiative_id);
      if (r.organisation_id === null) continue;
      m.in.add(r.organisation_id);
      if (r.leads) m.leads.add(r.organisation_id);
    }
    return [...byCode.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, m]) =>
        Object.assign(new Market(), {
          code,
          nameEn: countries.getName(code, 'en') ?? code,
          nameNl: countries.getName(code, 'nl') ?? code,
          initiativeCount: m.initiatives.size,
          initiativePks: [...m.initiatives],
          leadPks: [...m.leads],
          participantPks: [...m.in].filter((pk) => !m.leads.has(pk)),
          absentPks: all.filter((pk) => !m.in.has(pk)),
        }),
      );
  }
}
