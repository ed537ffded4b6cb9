import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddExternalLinks1796153255105 implements MigrationInterface {
  name = 'AddExternalLinks1796153255105';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "external_links" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "initiatives" ADD "external_links" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "initiatives" DROP COLUMN "external_links"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "external_links"`);
  }
}
