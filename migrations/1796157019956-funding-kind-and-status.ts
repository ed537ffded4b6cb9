import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FundingKindAndStatus1796157019956 implements MigrationInterface {
  name = 'FundingKindAndStatus1796157019956';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "funding_allocations" ADD "kind" text NOT NULL DEFAULT 'OTHER'`);
    await queryRunner.query(
      `ALTER TABLE "funding_allocations" ADD "status" text NOT NULL DEFAULT 'COMMITTED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_status_check" CHECK (status IN ('COMMITTED', 'SPENT'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_kind_check" CHECK (kind IN ('STRUCTURAL', 'ONE_OFF', 'CO_FUNDING', 'FOLLOW_ON', 'OTHER'))`,
    );
    // Allocations written before kinds existed get the kind the reference seed gives such a line (who pays and
    // how: see fundingKindOf in the seed's mapping); new ones say it themselves.
    await queryRunner.query(`UPDATE funding_allocations f SET kind = CASE
        WHEN f.basis = 'ONE_OFF' THEN 'ONE_OFF'
        WHEN o.code = 'EZ' AND f.basis IN ('YEAR', 'PERIOD') THEN 'STRUCTURAL'
        WHEN coalesce(o.code, f.source_label, '') ~* '(groeifonds|growth fund|\\mEU\\M|european|NWO)' THEN 'FOLLOW_ON'
        WHEN coalesce(f.source_label, '') ~ '(partners|ROMs)' OR coalesce(f.note, '') ~* '(co-funding|contribution)'
          THEN 'CO_FUNDING'
        ELSE 'OTHER' END
      FROM funding_allocations f2 LEFT JOIN organisations o ON o.id = f2.source_organisation_id
      WHERE f2.id = f.id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "funding_allocations" DROP CONSTRAINT "funding_allocations_kind_check"`,
    );
    await queryRunner.query(
      `ALTER TABLE "funding_allocations" DROP CONSTRAINT "funding_allocations_status_check"`,
    );
    await queryRunner.query(`ALTER TABLE "funding_allocations" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "funding_allocations" DROP COLUMN "kind"`);
  }
}
