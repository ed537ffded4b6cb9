import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartialCoverage1796158185411 implements MigrationInterface {
  name = 'PartialCoverage1796158185411';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "partial_coverage" ("organisation_id" integer NOT NULL, "province" text NOT NULL, "area" text NOT NULL, "source" text, CONSTRAINT "partial_coverage_area_check" CHECK (length(btrim(area)) BETWEEN 1 AND 200), CONSTRAINT "partial_coverage_province_check" CHECK (province ~ '^NL-[A-Z]{2}$'), CONSTRAINT "PK_f8c74c7d905fb5d416710c82ffc" PRIMARY KEY ("organisation_id", "province", "area"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "partial_coverage" ADD CONSTRAINT "partial_coverage_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "partial_coverage" DROP CONSTRAINT "partial_coverage_organisation_id_fkey"`,
    );
    await queryRunner.query(`DROP TABLE "partial_coverage"`);
  }
}
