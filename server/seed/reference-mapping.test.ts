import { describe, expect, it } from 'vitest';
import { ParticipationRole, Pillar } from '../vocabulary.js';
import { loadReferenceData } from './importer.js';
import { mapOrganisationKind, mapPillar, mapRole, parsePartialDate } from './reference-mapping.js';

describe('reference mapping', () => {
  it.each([
    ['2024', 'start', '2024-01-01'],
    ['2024', 'end', '2024-12-31'],
    ['2024-02', 'end', '2024-02-29'],
    ['2023-02', 'end', '2023-02-28'],
    ['2024-06', 'start', '2024-06-01'],
    ['2025-04-13', 'end', '2025-04-13'],
    ['2023 (end of year)', 'end', '2023-12-31'],
    ['22 January (year not in source; probably 2020)', 'end', null],
    [null, 'start', null],
  ] as const)('reads %j as the %s date %j', (value, edge, expected) => {
    expect(parsePartialDate(value, edge)).toBe(expected);
  });

  it('maps every kind, role and pillar the reference data uses', () => {
    const data = loadReferenceData();
    for (const o of data.organisations) expect(mapOrganisationKind(o.kind)).toBeTruthy();
    for (const p of data.participations) expect(mapRole(p.role)).toBeTruthy();
    expect(mapPillar('P1_RIJK_REGIO')).toBe(Pillar.NATIONAL_REGIONAL_CONNECTION);
    expect(mapRole('owner')).toBe(ParticipationRole.LEAD);
    expect(mapOrganisationKind('to2-institute')).toBe('TO2_INSTITUTE');
  });

  it('refuses a word it does not know, naming the table to extend', () => {
    expect(() => mapRole('sponsor')).toThrow(/ROLE_MAP/);
    expect(() => mapOrganisationKind('spaceship')).toThrow(/reference-mapping/);
  });
});

describe('taxonomy labels', () => {
  it("are the reference data's, so the taxonomy query can answer without reading it", async () => {
    const { readFileSync } = await import('node:fs');
    const { CORE_TASK_LABELS, PILLAR_LABELS, THEME_LABELS } = await import('../modules/taxonomy/index.js');
    const { PILLAR_MAP } = await import('./reference-mapping.js');
    const { taxonomy } = JSON.parse(
      readFileSync(new URL('./nl-innovation-ecosystem.json', import.meta.url), 'utf8'),
    ) as { taxonomy: Record<string, any[]> };
    expect(THEME_LABELS).toEqual(
      taxonomy.themes!.map((t) => ({ code: t.code, labelNl: t.labelNl, labelEn: t.labelEn })),
    );
    expect(PILLAR_LABELS).toEqual(
      taxonomy.pillars!.map((p) => ({
        code: PILLAR_MAP[p.code],
        number: p.number,
        labelNl: p.labelNl,
        labelEn: p.labelEn,
      })),
    );
    expect(CORE_TASK_LABELS).toEqual(
      taxonomy.coreTasks!.map((c) => ({
        code: c.code,
        labelNl: c.labelNl,
        labelEn: c.labelEn,
        descriptionEn: c.descriptionEn ?? null,
      })),
    );
  });
});
