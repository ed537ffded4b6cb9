import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events name their initiative (code, title) and milestone (title) in their payload from now on (appendEvent);
 * the events of the log so far get the names their initiatives and milestones have now, the closest the log can
 * say. The events' own payload keys are kept.
 */
export class EventNames1796190000000 implements MigrationInterface {
  name = 'EventNames1796190000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "events" e
          SET "payload" = jsonb_strip_nulls(jsonb_build_object(
                'initiativeCode', i."code", 'initiativeTitle', i."title",
                'milestoneTitle', (SELECT m."title" FROM "milestones" m WHERE m."id" = e."milestone_id"))) || e."payload"
         FROM "initiatives" i
        WHERE i."id" = e."initiative_id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "events" SET "payload" = "payload" - 'initiativeCode' - 'initiativeTitle' - 'milestoneTitle'`,
    );
  }
}
