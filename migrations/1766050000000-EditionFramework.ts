import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an edition's data package says besides its content, frozen with the edition: the cycle's title, the
 * indicators the cycle was measured against, the standards they measure (reference, title, instrument, as the
 * database stated them) and the links between the two. The package read standards live, so a standard edited
 * after publication changed a package whose SHA-256 and "never changes" stayed the same.
 *
 * `edition_framework(cycle, indicators)` builds it, both at publication and here for the editions published
 * before: those get the framework as it stands when this migration runs, the closest to what they said that is
 * still known. The column is part of the immutable row.
 */
export class EditionFramework1766050000000 implements MigrationInterface {
  name = 'EditionFramework1766050000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION edition_framework(cycle uuid, indicator_ids uuid[]) RETURNS jsonb
      LANGUAGE sql STABLE SET search_path = pg_catalog, public AS $fn$
        SELECT jsonb_build_object(
          'cycle', (SELECT jsonb_build_object('code', c.code, 'year', c.year, 'title', c.title)
            FROM monitoring_cycle c WHERE c.id = cycle),
          'indicators', coalesce((SELECT jsonb_agg(jsonb_build_object('id', i.id, 'code', i.code, 'type', i.type,
              'answer_type', i.answer_type, 'title', i.title, 'area_code', a.code, 'pillar', a.pillar)
              ORDER BY i.position, i.id)
            FROM indicator i JOIN area a ON a.id = i.area_id WHERE i.id = ANY (indicator_ids)), '[]'::jsonb),
          'links', coalesce((SELECT jsonb_agg(jsonb_build_object('indicator_id', x.indicator_id,
              'standard_id', x.standard_id) ORDER BY x.indicator_id, x.standard_id)
            FROM indicator_standard x WHERE x.indicator_id = ANY (indicator_ids)), '[]'::jsonb),
          'standards', coalesce((SELECT jsonb_agg(jsonb_build_object('id', s.id, 'instrument', s.instrument,
              'reference', s.reference, 'country_code', s.country_code, 'title', s.title)
              ORDER BY s.instrument, s.country_code NULLS FIRST, s.reference, s.id)
            FROM standard s WHERE s.id IN (SELECT x.standard_id FROM indicator_standard x
              WHERE x.indicator_id = ANY (indicator_ids))), '[]'::jsonb))
      $fn$`);
    await q.query(`ALTER TABLE edition ADD COLUMN framework jsonb`);
    await q.query(`ALTER TABLE edition DISABLE TRIGGER edition_immutable`);
    await q.query(`UPDATE edition SET framework = edition_framework(cycle_id,
      ARRAY(SELECT jsonb_array_elements_text(content->'indicatorIds')::uuid))`);
    await q.query(`ALTER TABLE edition ENABLE TRIGGER edition_immutable`);
    await q.query(`ALTER TABLE edition ALTER COLUMN framework SET NOT NULL,
      ADD CONSTRAINT edition_framework_object CHECK (jsonb_typeof(framework) = 'object')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE edition DROP COLUMN framework`);
    await q.query(`DROP FUNCTION edition_framework(uuid, uuid[])`);
  }
}
