import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StalledIndexes1796160624959 implements MigrationInterface {
  name = 'StalledIndexes1796160624959';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "participations_joined_on_idx" ON "participations"  ("joined_on") `,
    );
    // The log is appended in time order: a BRIN index of a few pages finds a time window (TypeORM writes none).
    await queryRunner.query(`CREATE INDEX "events_occurred_at_idx" ON "events" USING brin ("occurred_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."events_occurred_at_idx"`);
    await queryRunner.query(`DROP INDEX "public"."participations_joined_on_idx"`);
  }
}
