import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EventThemes1796185625089 implements MigrationInterface {
  name = 'EventThemes1796185625089';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "themes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "events" ADD "pillars" text array NOT NULL DEFAULT '{}'`);
    // By hand: what TypeORM cannot express.
    // The events of the log so far get the themes and pillars their initiatives have now: the closest the
    // log can say of when they happened.
    await queryRunner.query(
      `UPDATE "events" e SET "themes" = i."themes", "pillars" = i."pillars"
         FROM "initiatives" i WHERE i."id" = e."initiative_id"`,
    );
    // GIN indexes for the inbox's theme, pillar and organisation follows. Without the pending list
    // (fastupdate), a lookup right after many appends costs what it costs after a vacuum.
    await queryRunner.query(
      `CREATE INDEX "events_themes_idx" ON "events" USING gin ("themes") WITH (fastupdate = off)`,
    );
    await queryRunner.query(
      `CREATE INDEX "events_pillars_idx" ON "events" USING gin ("pillars") WITH (fastupdate = off)`,
    );
    await queryRunner.query(`ALTER INDEX "events_organisation_ids_idx" SET (fastupdate = off)`);
    await queryRunner.query(`SELECT gin_clean_pending_list('events_organisation_ids_idx')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "events_organisation_ids_idx" RESET (fastupdate)`);
    await queryRunner.query(`DROP INDEX "public"."events_pillars_idx"`);
    await queryRunner.query(`DROP INDEX "public"."events_themes_idx"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "pillars"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "themes"`);
  }
}
