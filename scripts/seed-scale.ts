import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { loadConfig } from '../src/config';
import { resolveDatabase } from '../src/db/bootstrap';
import { createDataSource } from '../src/db/data-source';

/**
 * A scale scenario beside whatever the database holds: synthetic countries, a SCALE framework, cycles,
 * assessments and evidence. Every table is filled by one set-based statement in its own transaction, so that
 * hundreds of thousands of rows load in minutes instead of hours.
 */
export const SCALE_FRAMEWORK_CODE = 'SCALE';

export interface ScaleSize {
  countries: number;
  indicators: number;
  cycles: number;
  evidence: number;
}

export type ScaleCounts = Record<
  | 'countries'
  | 'newCountries'
  | 'organisations'
  | 'areas'
  | 'indicators'
  | 'indicatorStandards'
  | 'cycles'
  | 'assessments'
  | 'evidence',
  number
>;

const REAL_COUNTRIES = ['AL', 'BA', 'ME', 'MK', 'RS'];
const REGIONAL_LOCALES = ['sq', 'bs', 'cnr', 'mk', 'sr-Latn'];
const FIRST_YEAR = 2016;

/** Codes ISO 3166 assigns or reserves (XK is the code in common use for Kosovo), never used for synthetic countries. */
const TAKEN_CODES = new Set(
  (
    'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY ' +
    'BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK ' +
    'FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR ' +
    'IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ' +
    'ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM ' +
    'PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF ' +
    'TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW XK ' +
    'AC CP DG EA EU EZ FX IC SU TA UK UN'
  ).split(' '),
);

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** User-assigned codes first (AA, QM–QZ, XA–XZ, ZZ), then any other code ISO does not use. */
export function syntheticCodeCandidates(): string[] {
  const userAssigned = [
    'AA',
    ...letters.slice(letters.indexOf('M')).map((l) => `Q${l}`),
    ...letters.map((l) => `X${l}`),
    'ZZ',
  ].filter((c) => !TAKEN_CODES.has(c));
  const rest = letters
    .flatMap((a) => letters.map((b) => a + b))
    .filter((c) => !TAKEN_CODES.has(c) && !userAssigned.includes(c));
  return [...userAssigned, ...rest];
}

async function step<T>(log: (line: string) => void, label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  log(`${label.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
  return result;
}

const inTx = <T>(ds: DataSource, fn: (m: EntityManager) => Promise<T>) => ds.transaction(fn);

function validate(size: ScaleSize): void {
  const limits: Record<keyof ScaleSize, [number, number]> = {
    countries: [1, 600],
    indicators: [1, 9999],
    cycles: [1, 2100 - FIRST_YEAR + 1],
    evidence: [0, 100],
  };
  for (const [key, [min, max]] of Object.entries(limits) as Array<[keyof ScaleSize, [number, number]]>) {
    const value = size[key];
    if (!Number.isInteger(value) || value < min || value > max)
      throw new Error(`--${key} must be a whole number from ${min} to ${max} (got ${value}).`);
  }
}

/** Picks the real countries that exist, then synthetic codes nobody uses, and inserts the synthetic ones. */
async function seedCountries(ds: DataSource, wanted: number): Promise<{ codes: string[]; fresh: string[] }> {
  const existing = new Set(
    ((await ds.query(`SELECT code FROM country`)) as Array<{ code: string }>).map((r) => r.code),
  );
  const codes = wanted >= REAL_COUNTRIES.length ? REAL_COUNTRIES.filter((c) => existing.has(c)) : [];
  const fresh = syntheticCodeCandidates()
    .filter((c) => !existing.has(c))
    .slice(0, wanted - codes.length);
  if (codes.length + fresh.length < wanted)
    throw new Error(`Only ${codes.length + fresh.length} country codes are free; asked for ${wanted}.`);
  await inTx(ds, async (m) => {
    await m.query(
      `INSERT INTO country (code, name, locales)
       SELECT c, jsonb_build_object('en', 'Scaleland ' || c), ARRAY[($2::text[])[1 + (n - 1) % cardinality($2::text[])], 'en']
       FROM unnest($1::text[]) WITH ORDINALITY AS t(c, n)`,
      [fresh, REGIONAL_LOCALES],
    );
    await m.query(
      `WITH org AS (
         INSERT INTO organisation (name, short_name, kind)
         SELECT 'Scale partner ' || c, 'SCALE-' || c, 'PARTNER' FROM unnest($1::text[]) AS c
         RETURNING id, short_name)
       INSERT INTO organisation_country (organisation_id, country_code) SELECT id, substr(short_name, 7) FROM org`,
      [fresh],
    );
  });
  return { codes: [...codes, ...fresh], fresh };
}

/** The framework with its version published up front: nothing uses it yet, so areas and indicators may still go in. */
async function seedFramework(ds: DataSource, indicators: number): Promise<string> {
  return inTx(ds, async (m) => {
    const [{ id: versionId }] = await m.query(
      `WITH f AS (
         INSERT INTO framework (code, name, description)
         VALUES ($1, '{"en":"Scale test framework"}', '{"en":"Synthetic framework for load and performance checks."}')
         RETURNING id)
       INSERT INTO framework_version (framework_id, label, status, published_at)
       SELECT id, '1.0', 'PUBLISHED', now() FROM f RETURNING id`,
      [SCALE_FRAMEWORK_CODE],
    );
    await m.query(
      `INSERT INTO score_level (framework_version_id, code, value, label, descriptor)
       SELECT $1, code, CASE WHEN code ~ '^[0-3]$' THEN code::smallint END,
              jsonb_build_object('en', 'Level ' || code), jsonb_build_object('en', 'Descriptor of level ' || code)
       FROM unnest(ARRAY['0','1','2','3','NOT_APPLICABLE','NO_DATA']) AS code`,
      [versionId],
    );
    await m.query(
      `WITH p AS (
         INSERT INTO area (framework_version_id, code, pillar, title, description, position)
         SELECT $1, 'P' || n, pillar, jsonb_build_object('en', initcap(pillar)),
                jsonb_build_object('en', 'Pillar ' || n), n - 1
         FROM unnest(ARRAY['PREVENTION','PROTECTION','PROSECUTION','PARTNERSHIP']) WITH ORDINALITY AS t(pillar, n)
         RETURNING id, code, pillar)
       INSERT INTO area (framework_version_id, parent_id, code, pillar, title, description, position)
       SELECT $1, p.id, p.code || '.' || s, p.pillar, jsonb_build_object('en', 'Sub-theme ' || p.code || '.' || s),
              jsonb_build_object('en', 'Sub-theme of ' || p.code), s - 1
       FROM p CROSS JOIN generate_series(1, 3) AS s`,
      [versionId],
    );
    await m.query(
      `WITH sub AS (
         SELECT id, row_number() OVER (ORDER BY code) - 1 AS k, count(*) OVER () AS total
         FROM area WHERE framework_version_id = $1 AND parent_id IS NOT NULL)
       INSERT INTO indicator (framework_version_id, area_id, code, type, answer_type, title, guidance,
                              means_of_verification, position)
       SELECT $1, sub.id, 'SC-' || lpad(g::text, 4, '0'),
              (ARRAY['STRUCTURAL','PROCESS','OUTCOME'])[1 + g % 3],
              CASE g % 10 WHEN 7 THEN 'NUMBER' WHEN 8 THEN 'PERCENT' WHEN 9 THEN 'BOOLEAN' ELSE 'SCORE' END,
              jsonb_build_object('en', 'Scale indicator ' || g, 'sq', 'Treguesi ' || g),
              jsonb_build_object('en', 'How to assess indicator ' || g),
              jsonb_build_object('en', 'Documents that verify indicator ' || g), g
       FROM generate_series(1, $2::int) AS g JOIN sub ON sub.k = g % sub.total`,
      [versionId, indicators],
    );
    // Links need a standard: an empty database gets international ones the demo data would not add.
    await m.query(
      `INSERT INTO standard (instrument, reference, title, summary)
       SELECT 'PALERMO_PROTOCOL', 'Scale ' || g, jsonb_build_object('en', 'Scale standard ' || g),
              jsonb_build_object('en', 'Synthetic standard')
       FROM generate_series(1, 4) AS g WHERE NOT EXISTS (SELECT 1 FROM standard)`,
    );
    await m.query(
      `WITH s AS (SELECT id, row_number() OVER (ORDER BY instrument, reference) - 1 AS k, count(*) OVER () AS total
                  FROM standard WHERE country_code IS NULL),
            i AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM indicator WHERE framework_version_id = $1)
       INSERT INTO indicator_standard (indicator_id, standard_id)
       SELECT i.id, s.id FROM i JOIN s ON s.k = i.k % s.total`,
      [versionId],
    );
    return versionId as string;
  });
}

async function seedCycles(ds: DataSource, versionId: string, cycles: number): Promise<void> {
  await inTx(ds, (m) =>
    m.query(
      `INSERT INTO monitoring_cycle (code, year, title, framework_version_id, status, opens_on, closes_on, published_at)
       SELECT 'S' || y, y, jsonb_build_object('en', 'Scale cycle ' || y), $1,
              CASE WHEN g = $2 THEN 'OPEN' ELSE 'PUBLISHED' END, make_date(y, 2, 1), make_date(y, 11, 30),
              CASE WHEN g = $2 THEN NULL ELSE make_date(y + 1, 3, 1)::timestamptz END
       FROM generate_series(1, $2::int) AS g, LATERAL (SELECT $3::int + g - 1 AS y) AS yr`,
      [versionId, cycles, FIRST_YEAR],
    ),
  );
}

async function seedAssessments(ds: DataSource, versionId: string, codes: string[]): Promise<void> {
  await inTx(ds, (m) =>
    m.query(
      `WITH c AS (
         SELECT ctry.code, (SELECT l FROM unnest(ctry.locales) AS l WHERE l <> 'en' LIMIT 1) AS regional
         FROM country ctry WHERE ctry.code = ANY($2::text[])),
       x AS (
         SELECT c.code AS country_code, c.regional, cy.id AS cycle_id, cy.status AS cycle_status, cy.year,
                i.id AS indicator_id, i.code AS indicator_code, i.answer_type,
                (hashtext(c.code || i.code || cy.code)::bigint & 1073741823)::int AS h
         FROM c CROSS JOIN monitoring_cycle cy JOIN indicator i ON i.framework_version_id = cy.framework_version_id
         WHERE cy.framework_version_id = $1)
       INSERT INTO assessment (country_code, cycle_id, indicator_id, score, not_scored_reason, value_number,
                               value_boolean, narrative, confidence, status, version)
       SELECT country_code, cycle_id, indicator_id,
              CASE WHEN answer_type = 'SCORE' AND h % 20 > 0 THEN (h / 20) % 4 END,
              CASE WHEN answer_type = 'SCORE' AND h % 20 = 0 THEN (ARRAY['NOT_APPLICABLE','NO_DATA'])[1 + h % 40 / 20] END,
              CASE answer_type WHEN 'NUMBER' THEN (h % 5000)::float8 WHEN 'PERCENT' THEN (h % 1001) / 10.0 END,
              CASE WHEN answer_type = 'BOOLEAN' THEN h % 2 = 0 END,
              jsonb_build_object('en', 'Assessment of ' || indicator_code || ' in ' || country_code || ', ' || year)
                || CASE WHEN regional IS NULL THEN '{}'::jsonb
                        ELSE jsonb_build_object(regional, 'Procjena ' || indicator_code || ' ' || year) END,
              (ARRAY['HIGH','MEDIUM','LOW'])[1 + h % 3],
              CASE WHEN cycle_status = 'PUBLISHED' THEN 'PUBLISHED'
                   ELSE (ARRAY['DRAFT','SUBMITTED','CHANGES_REQUESTED','APPROVED'])[1 + (h / 7) % 4] END,
              1 + h % 3
       FROM x`,
      [versionId, codes],
    ),
  );
}

async function seedEvidence(ds: DataSource, versionId: string, perAssessment: number): Promise<void> {
  if (perAssessment === 0) return;
  await inTx(ds, (m) =>
    m.query(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, citation, url, document_date, language,
                             issuing_institution, reliability, confidentiality)
       SELECT a.id, a.country_code,
              (ARRAY['LAW','BYLAW','POLICY','SOP','COURT_DECISION','STATISTICS','INTERVIEW','MONITORING_VISIT',
                     'REPORT','MEDIA','OTHER'])[1 + (h + g) % 11],
              'Scale evidence ' || g || ' of ' || a.country_code || ' ' || cy.code,
              'Official Gazette ' || (h % 200) || '/' || cy.year,
              'https://example.org/scale/' || a.country_code || '/' || cy.code || '/' || a.id || '/' || g,
              make_date(cy.year, 1 + (h + g) % 12, 1 + (h + g) % 28),
              (ARRAY['en','sq','bs','cnr','mk','sr-Latn','sr-Cyrl','de','fr'])[1 + (h + g) % 9],
              'Ministry ' || (h % 17),
              (ARRAY['HIGH','MEDIUM','LOW'])[1 + (h / 3 + g) % 3],
              (ARRAY['PUBLIC','PARTNERS','INTERNAL'])[1 + (h + g) % 3]
       FROM monitoring_cycle cy
       JOIN assessment a ON a.cycle_id = cy.id
       CROSS JOIN LATERAL (SELECT (hashtext(a.id::text)::bigint & 1073741823)::int AS h) AS hh
       CROSS JOIN generate_series(1, $2::int) AS g
       WHERE cy.framework_version_id = $1`,
      [versionId, perAssessment],
    ),
  );
}

/** Loads the scale scenario and returns the row counts of what it added. Refuses to run a second time. */
export async function seedScale(
  ds: DataSource,
  size: ScaleSize,
  log: (line: string) => void = () => undefined,
): Promise<ScaleCounts> {
  validate(size);
  const [{ n: present }] = await ds.query(`SELECT count(*)::int AS n FROM framework WHERE code = $1`, [
    SCALE_FRAMEWORK_CODE,
  ]);
  if (present > 0)
    throw new Error(
      `The ${SCALE_FRAMEWORK_CODE} framework already exists: the scale scenario is loaded once per database ` +
        `(load it into a fresh database instead).`,
    );
  const { codes, fresh } = await step(log, 'countries + organisations', () =>
    seedCountries(ds, size.countries),
  );
  const versionId = await step(log, 'framework + indicators', () => seedFramework(ds, size.indicators));
  await step(log, 'cycles', () => seedCycles(ds, versionId, size.cycles));
  await step(log, 'assessments', () => seedAssessments(ds, versionId, codes));
  await step(log, 'evidence', () => seedEvidence(ds, versionId, size.evidence));
  // VACUUM, not only ANALYZE: a bulk load leaves the new entries of the search's GIN indexes in their pending
  // lists, which every search then scans one by one until autovacuum gets to them; the scenario measures the
  // indexes as a database in service has them. VACUUM runs outside a transaction, one table at a time.
  await step(log, 'vacuum + analyze', async () => {
    await ds.query(`VACUUM (ANALYZE) assessment`);
    await ds.query(`VACUUM (ANALYZE) evidence`);
  });
  const [counts] = await ds.query(
    `SELECT
       (SELECT count(*)::int FROM organisation_country WHERE country_code = ANY($2::text[])) AS organisations,
       (SELECT count(*)::int FROM area WHERE framework_version_id = $1) AS areas,
       (SELECT count(*)::int FROM indicator WHERE framework_version_id = $1) AS indicators,
       (SELECT count(*)::int FROM indicator_standard s JOIN indicator i ON i.id = s.indicator_id
         WHERE i.framework_version_id = $1) AS "indicatorStandards",
       (SELECT count(*)::int FROM monitoring_cycle WHERE framework_version_id = $1) AS cycles,
       (SELECT count(*)::int FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.framework_version_id = $1) AS assessments,
       (SELECT count(*)::int FROM evidence e JOIN assessment a ON a.id = e.assessment_id
         JOIN monitoring_cycle c ON c.id = a.cycle_id WHERE c.framework_version_id = $1) AS evidence`,
    [versionId, fresh],
  );
  return { countries: codes.length, newCountries: fresh.length, ...counts } as ScaleCounts;
}

function parseArgs(argv: string[]): ScaleSize {
  const size: ScaleSize = { countries: 50, indicators: 300, cycles: 10, evidence: 5 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof ScaleSize;
    if (!(key in size) || argv[i + 1] === undefined)
      throw new Error(
        `Usage: seed-scale.ts --countries N --indicators M --cycles K --evidence E (got ${argv[i]})`,
      );
    size[key] = Number(argv[i + 1]);
  }
  return size;
}

async function main(): Promise<void> {
  const size = parseArgs(process.argv.slice(2));
  validate(size);
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.log(line));
  const ds = createDataSource({ url: database.url, logSql: config.logSql });
  await ds.initialize();
  try {
    const applied = await step(console.log, 'migrations', () => ds.runMigrations({ transaction: 'each' }));
    if (applied.length) console.log(`Applied: ${applied.map((m) => m.name).join(', ')}`);
    const started = performance.now();
    const counts = await seedScale(ds, size, console.log);
    console.log(`${'total'.padEnd(28)} ${((performance.now() - started) / 1000).toFixed(2)} s`);
    for (const [name, count] of Object.entries(counts)) console.log(`${name.padEnd(28)} ${count}`);
  } finally {
    await ds.destroy();
    await database.embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
