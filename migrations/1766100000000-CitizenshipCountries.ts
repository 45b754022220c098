import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dimension may take countries' ISO 3166-1 alpha-2 codes as categories besides its own: citizenship does, so
 * that a partner can record the victims' citizenship by country (`AL`, `XK`) where it knows more than national
 * or foreign. The codes are checked against a fixed list in the application; only the flag is stored here.
 */
export class CitizenshipCountries1766100000000 implements MigrationInterface {
  name = 'CitizenshipCountries1766100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE breakdown_dimension ADD COLUMN country_codes boolean NOT NULL DEFAULT false`);
    await q.query(
      `UPDATE breakdown_dimension SET country_codes = true WHERE code = 'citizenship' AND framework_id IS NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE breakdown_dimension DROP COLUMN country_codes`);
  }
}
