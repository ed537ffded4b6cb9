import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How many conflicting rows a refusal lists per rule; the count says how many more there are. */
const SHOWN = 20;

/**
 * One active LEAD per initiative, and organisation and initiative codes unique regardless of case.
 *
 * Existing data that breaks either rule is never changed here: which code to rename, or which LEAD to demote,
 * is a decision for people. The migration refuses instead, listing the rows, and can be run again once they
 * are resolved. The case-sensitive `*_code_key` indexes stay: they serve exact lookups and the importer's
 * `ON CONFLICT (code)`.
 */
export class IntegrityConstraints1796136751932 implements MigrationInterface {
  name = 'IntegrityConstraints1796136751932';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const problems = [
      ...(await caseVariants(queryRunner, 'organisations')),
      ...(await caseVariants(queryRunner, 'initiatives')),
      ...(await extraLeads(queryRunner)),
    ];
    if (problems.length > 0) {
      throw new Error(
        `[migration ${this.name}] existing rows break the new rules; nothing was changed. Resolve them, then ` +
          `run the migrations again:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      );
    }
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_code_lower_key" ON "organisations" (lower(code))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "initiatives_code_lower_key" ON "initiatives" (lower(code))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "participations_active_lead_key" ON "participations" ("initiative_id") WHERE role = 'LEAD' AND left_on IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participations_active_lead_key"`);
    await queryRunner.query(`DROP INDEX "public"."initiatives_code_lower_key"`);
    await queryRunner.query(`DROP INDEX "public"."organisations_code_lower_key"`);
  }
}

function andMore(total: number): string[] {
  return total > SHOWN ? [`... and ${total - SHOWN} more like these`] : [];
}

async function caseVariants(
  queryRunner: QueryRunner,
  table: 'organisations' | 'initiatives',
): Promise<string[]> {
  const rows: { codes: string; total: number }[] = await queryRunner.query(
    `SELECT string_agg(code || ' (id ' || id || ')', ', ' ORDER BY id) AS codes, count(*) OVER ()::int AS total
       FROM ${table} GROUP BY lower(code) HAVING count(*) > 1 ORDER BY lower(code) LIMIT ${SHOWN}`,
  );
  if (rows.length === 0) return [];
  return [
    ...rows.map((r) => `${table} whose codes differ only in case: ${r.codes}; rename all but one`),
    ...andMore(rows[0]!.total),
  ];
}

async function extraLeads(queryRunner: QueryRunner): Promise<string[]> {
  const rows: { initiative: string; leads: string; total: number }[] = await queryRunner.query(
    `SELECT i.code || ' (id ' || i.id || ')' AS initiative,
            string_agg(o.code || ' (participation ' || p.id || ')', ', ' ORDER BY p.id) AS leads,
            count(*) OVER ()::int AS total
       FROM participations p
       JOIN initiatives i ON i.id = p.initiative_id
       JOIN organisations o ON o.id = p.organisation_id
      WHERE p.role = 'LEAD' AND p.left_on IS NULL
      GROUP BY i.id, i.code HAVING count(*) > 1 ORDER BY i.code LIMIT ${SHOWN}`,
  );
  if (rows.length === 0) return [];
  return [
    ...rows.map(
      (r) =>
        `initiative ${r.initiative} has several active LEAD participations: ${r.leads}; keep the one of ` +
        `initiatives.lead_id as LEAD and give the others another role (PARTNER, COORDINATOR) or end them`,
    ),
    ...andMore(rows[0]!.total),
  ];
}
