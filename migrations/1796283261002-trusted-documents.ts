import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TrustedDocuments1796283261002 implements MigrationInterface {
  name = 'TrustedDocuments1796283261002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD "trusted_documents_only" boolean NOT NULL DEFAULT false`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_keys" DROP COLUMN "trusted_documents_only"`);
  }
}
