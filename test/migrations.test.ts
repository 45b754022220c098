import { schemaDiff } from '../src/db/schema-diff';
import { createTestDatabase, type TestDatabase } from './support/database';

const DOMAIN_TABLES = [
  'api_key',
  'app_user',
  'area',
  'assessment',
  'assessment_breakdown',
  'assessment_search',
  'audit_event',
  'breakdown_category',
  'breakdown_dimension',
  'country',
  'data_change',
  'data_change_horizon',
  'deployment_setting',
  'edition',
  'evidence',
  'evidence_search',
  'follow_up_evidence',
  'framework',
  'framework_version',
  'indicator',
  'indicator_breakdown',
  'indicator_search',
  'indicator_standard',
  'locale_fallback',
  'membership',
  'monitoring_cycle',
  'organisation',
  'organisation_country',
  'recommendation',
  'recommendation_follow_up',
  'recommendation_indicator',
  'recommendation_search',
  'recommendation_source',
  'recommendation_standard',
  'review_comment',
  'review_comment_search',
  'row_security_key',
  'score_level',
  'search_rule_cache',
  'standard',
  'standard_search',
  'webhook_delivery',
  'webhook_delivery_attempt',
  'webhook_subscription',
];

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase('empty');
  });
  afterAll(() => db.drop());

  async function tables(): Promise<string[]> {
    const rows: Array<{ table_name: string }> = await db.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migration' ORDER BY 1`,
    );
    return rows.map((r) => r.table_name);
  }

  async function functions(): Promise<string[]> {
    const rows: Array<{ proname: string }> = await db.dataSource.query(
      `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1`,
    );
    return rows.map((r) => r.proname);
  }

  it('go up, all the way down, and up again', async () => {
    const migrations = db.dataSource.migrations;
    expect(migrations.length).toBeGreaterThan(0);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(DOMAIN_TABLES);
    expect(await db.dataSource.showMigrations()).toBe(false);

    for (let i = 0; i < migrations.length; i += 1)
      await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await tables()).toEqual([]);
    expect(await functions()).toEqual([]);
    expect(await db.dataSource.showMigrations()).toBe(true);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(DOMAIN_TABLES);
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  it('leave nothing for `migration:generate` to find: the entities describe the migrated schema', async () => {
    const diff = await schemaDiff(db.dataSource);
    expect(diff.up).toEqual([]);
    expect(diff.down).toEqual([]);
  });

  it('put the tenant or country column first in the indexes of tenant data', async () => {
    const rows: Array<{ indexname: string; indexdef: string }> = await db.dataSource.query(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
         AND tablename IN ('assessment', 'evidence', 'review_comment', 'audit_event', 'membership')
         AND indexname NOT LIKE '%_pkey'`,
    );
    const byName = new Map(rows.map((r) => [r.indexname, r.indexdef]));
    expect(byName.get('assessment_one_per_country_indicator_cycle')).toMatch(
      /\(country_code, cycle_id, indicator_id\)/,
    );
    expect(byName.get('evidence_assessment_idx')).toMatch(/\(country_code, assessment_id/);
    expect(byName.get('review_comment_assessment_idx')).toMatch(/\(country_code, assessment_id/);
    expect(byName.get('audit_event_assessment_idx')).toMatch(/\(country_code, assessment_id/);
    expect(byName.get('membership_organisation_idx')).toMatch(/\(organisation_id, user_id\)/);
  });
});
