import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the `search` filters (ILIKE '%term%' on code and names) and the initiative `kinds` filter.
 * Trigram GIN indexes serve infix matches; the services search the same expressions.
 */
export class SearchIndexes1795815000000 implements MigrationInterface {
  name = 'SearchIndexes1795815000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "organisations_search_idx" ON "organisations"
         USING gin ((code || ' ' || name || ' ' || coalesce(name_en, '')) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "initiatives_search_idx" ON "initiatives"
         USING gin ((code || ' ' || title || ' ' || coalesce(title_en, '')) gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "initiatives_kind_idx" ON "initiatives" ("kind")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "initiatives_kind_idx"`);
    await queryRunner.query(`DROP INDEX "initiatives_search_idx"`);
    await queryRunner.query(`DROP INDEX "organisations_search_idx"`);
  }
}
