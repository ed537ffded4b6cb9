import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'WORKSHOP', 'LEARNING_SESSION', 'PUBLICATION', 'FIELD_VISIT', 'CONFERENCE', 'WEBINAR', 'OTHER'`;

/** ActivityKind gains TRAINING (competence development). TypeORM compares checks by name, so this is by hand. */
export class ActivityTraining1796158000000 implements MigrationInterface {
  name = 'ActivityTraining1796158000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_check" CHECK (kind IN ('WORKSHOP', 'LEARNING_SESSION', 'PUBLICATION', 'FIELD_VISIT', 'CONFERENCE', 'WEBINAR', 'TRAINING', 'OTHER'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "activities" SET kind = 'OTHER' WHERE kind = 'TRAINING'`);
    await queryRunner.query(`ALTER TABLE "activities" DROP CONSTRAINT "activities_kind_check"`);
    await queryRunner.query(
      `ALTER TABLE "activities" ADD CONSTRAINT "activities_kind_check" CHECK (kind IN (${BEFORE}))`,
    );
  }
}
