import type { DataSource, EntityManager } from 'typeorm';
import { serbianLatinToCyrillic } from '../common/i18n';
import { hashPassword } from '../modules/auth/password';
import { DataStatus, setDataStatus } from '../modules/deployment/data-status';
import { createEdition } from '../modules/edition/edition.service';
import { insertMany } from './bulk';
import { seedAssessments } from './seed-assessments';
import { seedRecommendations } from './seed-recommendations';
import type { SeededFramework } from './seeded';
import { combinationsOf } from './data/answers-breakdowns';
import { areas, indicators, scoreLevels } from './data/framework';
import { standards } from './data/standards';
import { countries, DEMO_PASSWORD, organisations, users } from './data/tenants';
import type { I18n } from './data/types';

export const FRAMEWORK_CODE = 'WB-THB';
export const FRAMEWORK_VERSION_LABEL = '2024.1';

/** Serbian Cyrillic is stored next to Latin so readers of either script get a written text. */
function withCyrillic(text: I18n): I18n {
  return text['sr-Latn'] && !text['sr-Cyrl']
    ? { ...text, 'sr-Cyrl': serbianLatinToCyrillic(text['sr-Latn']) }
    : text;
}

export async function isDatabaseEmpty(ds: DataSource): Promise<boolean> {
  const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM country`);
  return count === 0;
}

async function seedTenants(m: EntityManager): Promise<Map<string, string>> {
  await insertMany(
    m,
    'country',
    { code: 'char(2)', name: 'jsonb', locales: 'text[]' },
    countries,
    'ON CONFLICT (code) DO NOTHING',
  );
  await insertMany(
    m,
    'organisation',
    { name: 'text', short_name: 'text', kind: 'text' },
    organisations.map((o) => ({ name: o.name, short_name: o.shortName, kind: o.kind })),
    'ON CONFLICT ((lower(short_name))) DO NOTHING',
  );
  const orgRows: Array<{ id: string; short_name: string }> = await m.query(
    `SELECT id, short_name FROM organisation`,
  );
  const orgIds = new Map(orgRows.map((r) => [r.short_name, r.id]));
  await insertMany(
    m,
    'organisation_country',
    { organisation_id: 'uuid', country_code: 'char(2)' },
    organisations.flatMap((o) =>
      o.countries.map((code) => ({ organisation_id: orgIds.get(o.shortName), country_code: code })),
    ),
    'ON CONFLICT DO NOTHING',
  );

  const existing: Array<{ email: string }> = await m.query(`SELECT lower(email) AS email FROM app_user`);
  const known = new Set(existing.map((r) => r.email));
  const fresh = users.filter((u) => !known.has(u.email.toLowerCase()));
  const hashes = await Promise.all(fresh.map(() => hashPassword(DEMO_PASSWORD)));
  await insertMany(
    m,
    'app_user',
    { email: 'text', display_name: 'text', password_hash: 'text' },
    fresh.map((u, i) => ({ email: u.email, display_name: u.displayName, password_hash: hashes[i] })),
    'ON CONFLICT ((lower(email))) DO NOTHING',
  );
  const userRows: Array<{ id: string; email: string }> = await m.query(
    `SELECT id, lower(email) AS email FROM app_user`,
  );
  const userIds = new Map(userRows.map((r) => [r.email, r.id]));
  await insertMany(
    m,
    'membership',
    { user_id: 'uuid', organisation_id: 'uuid', role: 'text' },
    users.map((u) => ({
      user_id: userIds.get(u.email),
      organisation_id: orgIds.get(u.organisation),
      role: u.role,
    })),
    'ON CONFLICT (user_id) DO NOTHING',
  );
  return userIds;
}

async function seedStandards(m: EntityManager): Promise<Map<string, string>> {
  await insertMany(
    m,
    'standard',
    { instrument: 'text', reference: 'text', country_code: 'char(2)', title: 'jsonb', summary: 'jsonb' },
    standards.map((s) => ({
      instrument: s.instrument,
      reference: s.reference,
      country_code: s.countryCode ?? null,
      title: withCyrillic(s.title),
      summary: withCyrillic(s.summary),
    })),
    `ON CONFLICT (instrument, (coalesce(country_code, '--')), reference) DO NOTHING`,
  );
  const rows: Array<{ id: string; instrument: string; reference: string; country_code: string | null }> =
    await m.query(`SELECT id, instrument, reference, country_code FROM standard`);
  const byNaturalKey = new Map(
    rows.map((r) => [`${r.instrument}|${r.country_code ?? ''}|${r.reference}`, r.id]),
  );
  return new Map(
    standards.map((s) => [
      s.key,
      byNaturalKey.get(`${s.instrument}|${s.countryCode ?? ''}|${s.reference}`) as string,
    ]),
  );
}

/** The regional framework, version 2024.1. A version a cycle uses is frozen, so an existing one is only read. */
async function seedFramework(m: EntityManager, standardIds: Map<string, string>): Promise<SeededFramework> {
  await insertMany(
    m,
    'framework',
    { code: 'text', name: 'jsonb', description: 'jsonb' },
    [
      {
        code: FRAMEWORK_CODE,
        name: withCyrillic({
          en: 'Western Balkans anti-trafficking monitoring framework',
          'sr-Latn': 'Okvir za praćenje borbe protiv trgovine ljudima na Zapadnom Balkanu',
          sq: 'Korniza e monitorimit kundër trafikimit për Ballkanin Perëndimor',
          mk: 'Рамка за мониторинг на борбата против трговијата со луѓе на Западен Балкан',
        }),
        description: withCyrillic({
          en:
            'Indicators of the quality of laws, procedures and practice against trafficking in human beings, measured ' +
            'against the Council of Europe Convention, Directive 2011/36/EU, the Palermo Protocol and the national action plans.',
          'sr-Latn':
            'Indikatori kvaliteta zakona, procedura i prakse u borbi protiv trgovine ljudima, mereni prema Konvenciji ' +
            'Saveta Evrope, Direktivi 2011/36/EU, Protokolu iz Palerma i nacionalnim akcionim planovima.',
        }),
      },
    ],
    'ON CONFLICT (code) DO NOTHING',
  );
  const [{ id: frameworkId }] = await m.query(`SELECT id FROM framework WHERE code = $1`, [FRAMEWORK_CODE]);
  const existing: Array<{ id: string }> = await m.query(
    `SELECT id FROM framework_version WHERE framework_id = $1 AND label = $2`,
    [frameworkId, FRAMEWORK_VERSION_LABEL],
  );
  if (existing.length > 0) {
    const versionId = existing[0].id;
    const rows: Array<{ id: string; code: string }> = await m.query(
      `SELECT id, code FROM indicator WHERE framework_version_id = $1`,
      [versionId],
    );
    return { versionId, indicatorIds: new Map(rows.map((r) => [r.code, r.id])) };
  }

  const [{ id: versionId }] = await m.query(
    `INSERT INTO framework_version (framework_id, label, status) VALUES ($1, $2, 'DRAFT') RETURNING id`,
    [frameworkId, FRAMEWORK_VERSION_LABEL],
  );
  const areaColumns = {
    framework_version_id: 'uuid',
    parent_id: 'uuid',
    code: 'text',
    pillar: 'text',
    title: 'jsonb',
    description: 'jsonb',
    position: 'int',
  };
  const pillarRows: Array<{ id: string; code: string }> = await insertMany(
    m,
    'area',
    areaColumns,
    areas.map((a, i) => ({
      framework_version_id: versionId,
      parent_id: null,
      code: a.code,
      pillar: a.pillar,
      title: withCyrillic(a.title),
      description: withCyrillic(a.description),
      position: i,
    })),
    'RETURNING id, code',
  );
  const areaIds = new Map(pillarRows.map((r) => [r.code, r.id]));
  const subRows: Array<{ id: string; code: string }> = await insertMany(
    m,
    'area',
    areaColumns,
    areas.flatMap((a) =>
      a.subThemes.map((s, i) => ({
        framework_version_id: versionId,
        parent_id: areaIds.get(a.code),
        code: s.code,
        pillar: a.pillar,
        title: withCyrillic(s.title),
        description: withCyrillic(s.description),
        position: i,
      })),
    ),
    'RETURNING id, code',
  );
  for (const row of subRows) areaIds.set(row.code, row.id);

  await insertMany(
    m,
    'score_level',
    { framework_version_id: 'uuid', code: 'text', value: 'smallint', label: 'jsonb', descriptor: 'jsonb' },
    scoreLevels.map((l) => ({
      framework_version_id: versionId,
      code: l.code,
      value: l.value,
      label: withCyrillic(l.label),
      descriptor: withCyrillic(l.descriptor),
    })),
  );
  const indicatorRows: Array<{ id: string; code: string }> = await insertMany(
    m,
    'indicator',
    {
      framework_version_id: 'uuid',
      area_id: 'uuid',
      code: 'text',
      type: 'text',
      answer_type: 'text',
      title: 'jsonb',
      guidance: 'jsonb',
      means_of_verification: 'jsonb',
      expected_breakdowns: 'text[]',
      position: 'int',
    },
    indicators.map((ind, i) => ({
      framework_version_id: versionId,
      area_id: areaIds.get(ind.areaCode),
      code: ind.code,
      type: ind.type,
      answer_type: ind.answerType,
      title: withCyrillic(ind.title),
      guidance: withCyrillic(ind.guidance),
      means_of_verification: withCyrillic(ind.meansOfVerification),
      expected_breakdowns: ind.expectedBreakdowns,
      position: i,
    })),
    'RETURNING id, code',
  );
  const indicatorIds = new Map(indicatorRows.map((r) => [r.code, r.id]));
  await insertMany(
    m,
    'indicator_standard',
    { indicator_id: 'uuid', standard_id: 'uuid' },
    indicators.flatMap((ind) =>
      ind.standardKeys.map((key) => ({
        indicator_id: indicatorIds.get(ind.code),
        standard_id: standardIds.get(key),
      })),
    ),
  );
  await insertMany(
    m,
    'indicator_breakdown',
    { indicator_id: 'uuid', position: 'int', dimension_codes: 'text[]' },
    indicators.flatMap((ind) =>
      combinationsOf(ind.expectedBreakdowns).map((codes, position) => ({
        indicator_id: indicatorIds.get(ind.code),
        position,
        dimension_codes: codes,
      })),
    ),
  );
  await m.query(`UPDATE framework_version SET status = 'PUBLISHED', published_at = $2 WHERE id = $1`, [
    versionId,
    '2025-01-15T09:00:00Z',
  ]);
  return { versionId, indicatorIds };
}

/**
 * Loads the demo data: the five countries and their partners, the reviewer and the platform, one user per role,
 * the regional framework, a published 2024 cycle and an open 2025 cycle partly filled in, and an illustrative
 * register of recommendations followed up in both. Running it again adds
 * nothing that is already there.
 */
export async function seedDemoData(ds: DataSource): Promise<string> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error(
      'The demo data is not loaded when NODE_ENV=production: its accounts share a published password.',
    );
  }
  return ds.transaction(async (m) => {
    const userIds = await seedTenants(m);
    const standardIds = await seedStandards(m);
    const framework = await seedFramework(m, standardIds);
    const counts = await seedAssessments(m, framework, userIds);
    const recommendations = await seedRecommendations(m, userIds);
    // A cycle published by the seed gets its first edition, as publishing through the API would give it.
    const unpublished: Array<{ id: string }> = await m.query(
      `SELECT c.id FROM monitoring_cycle c WHERE c.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM edition e WHERE e.cycle_id = c.id)`,
    );
    for (const { id } of unpublished)
      await createEdition(m, ds, id, userIds.get('admin@demo.example') ?? null);
    // Every citation, export and page of this database now says the data are illustrative.
    await setDataStatus(m, DataStatus.DEMO);
    return (
      `${countries.length} countries, ${organisations.length} organisations, ${users.length} users, ` +
      `${standards.length} standards, ${indicators.length} indicators, ${counts.assessments} new assessments, ` +
      `${counts.evidence} new evidence items, ${counts.comments} new comments, ${recommendations} new recommendations`
    );
  });
}
