import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitiativeMarkets1796157711622 implements MigrationInterface {
  name = 'InitiativeMarkets1796157711622';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives" ADD "markets" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "initiatives" ADD CONSTRAINT "initiatives_markets_check" CHECK (array_to_string(markets, ',') ~ '^([A-Z]{2}(,[A-Z]{2})*)?$')`,
    );
    // A GIN index like the themes' one, for the markets filter (TypeORM does not write GIN indexes).
    await queryRunner.query(`CREATE INDEX "initiatives_markets_idx" ON "initiatives" USING gin ("markets")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "initiatives_markets_idx"`);
    await queryRunner.query(`ALTER TABLE "initiatives" DROP CONSTRAINT "initiatives_markets_check"`);
    await queryRunner.query(`ALTER TABLE "initiatives" DROP COLUMN "markets"`);
  }
}
