import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { LOCALE_TAGS } from '../src/common/i18n';
import { loadConfig } from '../src/config';
import { createEdition } from '../src/modules/edition/edition.service';
import { DEMO_NOTICE } from '../src/modules/deployment/data-status';
import { createTestDatabase, type TestDatabase } from './support/database';
import { signIn, startTestServer, TEST_JWT_SECRET, type TestServer } from './support/server';

const schema = JSON.parse(
  fs.readFileSync(path.join(__dirname, 'fixtures/tabular-data-package.schema.json'), 'utf8'),
);

const EDITION = `query($cycleId: ID!) {
  edition(cycleId: $cycleId) {
    id number contentSha256 url
    text: citation
    csl: citation(format: CSL_JSON)
    bibtex: citation(format: BIBTEX)
    comparison { rows { indicator { id } cells { countryCode score value evidenceCount } } }
  }
}`;

type Row = Record<string, string>;

const FOLLOW_UPS = `query($cycleId: ID!, $locale: Locale!) {
  edition(cycleId: $cycleId) {
    recommendationFollowUps {
      followUpId recommendationId countryCode sourceBody sourceYear sourceRound reference strength
      implementationStatus version
      evidence { kind title citation url documentDate }
      text(locale: $locale) { text locale }
      narrative(locale: $locale) { text locale }
      sourceTitle(locale: $locale) { text locale }
    }
  }
}`;

/** A multilingual column's value in every locale, illustrative words marked with the locale tag. */
const inEveryLocale = (column: string) =>
  `${column} || jsonb_build_object(${LOCALE_TAGS.filter((tag) => tag !== 'en')
    .map((tag) => `'${tag}', '[${tag}] ' || (${column}->>'en')`)
    .join(', ')})`;

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses XML into a tree with a strict, namespace-aware parser: malformed XML throws. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | null = null;
  parser.on('opentag', (tag) => {
    const node: XmlNode = {
      name: `{${tag.uri}}${tag.local}`,
      attributes: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (text) => {
    if (stack.length) stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root!;
}

const ATOM = '{http://www.w3.org/2005/Atom}';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('editions as open data', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  let cycleId: string;
  let edition: Record<string, any>;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    origin = new URL(api.url).origin;
    [{ cycle_id: cycleId }] = await db.dataSource.query(
      `SELECT cycle_id FROM edition ORDER BY published_at DESC LIMIT 1`,
    );
    // The cycle's recommendations, their sources and follow-ups in all eight locales, published again as a new
    // edition, so that every localised column of the package has a text to compare.
    const ds = db.dataSource;
    const ofCycle = `SELECT recommendation_id FROM recommendation_follow_up WHERE cycle_id = $1`;
    await ds.query(`UPDATE recommendation SET text = ${inEveryLocale('text')} WHERE id IN (${ofCycle})`, [
      cycleId,
    ]);
    await ds.query(
      `UPDATE recommendation_source SET title = ${inEveryLocale('title')}
       WHERE id IN (SELECT source_id FROM recommendation WHERE id IN (${ofCycle}))`,
      [cycleId],
    );
    await ds.query(
      `UPDATE recommendation_follow_up SET narrative = ${inEveryLocale('narrative')}
       WHERE cycle_id = $1 AND narrative IS NOT NULL`,
      [cycleId],
    );
    await ds.transaction((m) => createEdition(m, ds, cycleId, null));
    const res = await api.query(EDITION, { cycleId });
    expect(res.errors).toBeUndefined();
    edition = res.data!.edition;
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    fetch(url.startsWith('http') ? url : origin + url, { headers });

  async function download(headers: Record<string, string> = {}) {
    const res = await get(edition.url, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const descriptor = (await res.json()) as Record<string, any>;
    const files: Record<string, string> = {};
    for (const resource of descriptor.resources) {
      const csv = await get(new URL(resource.path, origin + edition.url).toString(), headers);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      files[resource.name] = await csv.text();
    }
    return { descriptor, files };
  }

  const rowsOf = (csv: string): Row[] => parse(csv, { columns: true, skip_empty_lines: true });

  it('is a valid Tabular Data Package with a Table Schema for each CSV, which the CSVs follow', async () => {
    const { descriptor, files } = await download();
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(descriptor) ? [] : validate.errors).toEqual([]);
    // The schema does refuse what the specifications forbid.
    const [first] = descriptor.resources;
    for (const broken of [
      { ...descriptor, name: 'Not A Name' },
      { ...descriptor, resources: [] },
      { ...descriptor, resources: [{ ...first, path: '/etc/passwd' }] },
      { ...descriptor, resources: [{ ...first, schema: { fields: [{ name: 'x', type: 'text' }] } }] },
      { ...descriptor, licenses: [{ title: 'no name or path' }] },
    ])
      expect(validate(broken)).toBe(false);
    expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual([
      'indicators',
      'standards',
      'assessments',
      'evidence',
      'comparison',
      'recommendations',
      'follow_ups',
      'follow_up_evidence',
    ]);
    const patterns: Record<string, RegExp> = {
      integer: /^-?\d+$/,
      number: /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i,
      boolean: /^(true|false)$/,
      date: /^\d{4}-\d{2}-\d{2}$/,
      string: /^/,
    };
    for (const resource of descriptor.resources) {
      const csv = files[resource.name];
      expect(resource.bytes).toBe(Buffer.byteLength(csv));
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(csv).digest('hex')}`);
      const [header] = parse(csv, { to_line: 1 }) as string[][];
      expect(header).toEqual(resource.schema.fields.map((f: { name: string }) => f.name));
      const rows = rowsOf(csv);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const field of resource.schema.fields) {
          const value = row[field.name];
          if (value !== '')
            expect({ [field.name]: value }).toEqual({
              [field.name]: expect.stringMatching(patterns[field.type]),
            });
        }
      }
      if (resource.schema.primaryKey) {
        const keys = rows.map((row) => resource.schema.primaryKey.map((k: string) => row[k]).join('|'));
        expect(new Set(keys).size).toBe(rows.length);
      }
    }
  });

  it('carries the edition’s SHA-256, licence, citation and demo status', async () => {
    const { descriptor } = await download();
    expect(descriptor.edition.contentSha256).toBe(edition.contentSha256);
    expect(descriptor.edition.id).toBe(edition.id);
    expect(descriptor.id).toBe(`urn:uuid:${edition.id}`);
    expect(descriptor.homepage).toBe(origin + edition.url);
    expect(descriptor.licenses).toEqual([
      {
        name: 'CC-BY-4.0',
        title: 'Creative Commons Attribution 4.0 International',
        path: 'https://creativecommons.org/licenses/by/4.0/',
      },
    ]);
    expect(descriptor.citation).toBe(edition.text);
    expect(descriptor.dataStatus).toBe('DEMO');
    expect(descriptor.title).toContain('Illustrative demo data, not real results');
    expect(descriptor.description.startsWith(DEMO_NOTICE)).toBe(true);
  });

  it('re-imports to the same numbers as the published comparison and assessments', async () => {
    const { files } = await download();
    const cells = new Map<string, Row>(
      rowsOf(files.comparison).map((row) => [`${row.indicator_id}|${row.country_code}`, row]),
    );
    let compared = 0;
    for (const row of edition.comparison.rows) {
      for (const cell of row.cells) {
        const csv = cells.get(`${row.indicator.id}|${cell.countryCode}`)!;
        expect({
          score: csv.score === '' ? null : Number(csv.score),
          value: csv.value === '' ? null : csv.value,
          evidenceCount: Number(csv.evidence_count),
        }).toEqual({ score: cell.score, value: cell.value, evidenceCount: cell.evidenceCount });
        compared++;
      }
    }
    expect(compared).toBe(cells.size);
    expect(compared).toBeGreaterThan(100);

    const [{ content }] = await db.dataSource.query(`SELECT content FROM edition WHERE id = $1`, [
      edition.id,
    ]);
    const assessments = new Map<string, Row>(rowsOf(files.assessments).map((row) => [row.id, row]));
    expect(assessments.size).toBe(content.assessments.length);
    for (const a of content.assessments) {
      const row = assessments.get(a.id)!;
      const typed = {
        score: row.score === '' ? null : Number(row.score),
        valueNumber: row.value_number === '' ? null : Number(row.value_number),
        valueBoolean: row.value_boolean === '' ? null : row.value_boolean === 'true',
        valueText: row.value_text === '' ? null : row.value_text,
        version: Number(row.version),
        narrative: a.narrative
          ? Object.fromEntries(Object.keys(a.narrative).map((tag) => [tag, row[`narrative_${tag}`]]))
          : null,
      };
      expect(typed).toEqual({
        score: a.score,
        valueNumber: a.valueNumber,
        valueBoolean: a.valueBoolean,
        valueText: a.valueText,
        version: a.version,
        narrative: a.narrative,
      });
    }
  });

  it('re-reads the recommendations and follow-ups as the edition answers them, in every locale', async () => {
    const { files } = await download();
    const recommendations = new Map(rowsOf(files.recommendations).map((row) => [row.id, row]));
    const followUps = new Map(rowsOf(files.follow_ups).map((row) => [row.id, row]));
    const evidence = rowsOf(files.follow_up_evidence);
    const orNull = (value: string) => (value === '' ? null : value);
    for (const tag of LOCALE_TAGS) {
      const res = await api.query(FOLLOW_UPS, {
        cycleId,
        locale: tag.toUpperCase().replace('-', '_'),
      });
      expect(res.errors).toBeUndefined();
      const answered: Array<Record<string, any>> = res.data!.edition.recommendationFollowUps;
      expect(answered.length).toBeGreaterThan(10);
      expect(followUps.size).toBe(answered.length);
      expect(recommendations.size).toBe(new Set(answered.map((f) => f.recommendationId)).size);
      for (const f of answered) {
        const row = followUps.get(f.followUpId)!;
        const recommendation = recommendations.get(f.recommendationId)!;
        // Every text has all eight languages: the edition answers each in the language asked.
        for (const localised of [f.text, f.sourceTitle, f.narrative].filter(Boolean))
          expect(localised.locale).toBe(tag.toUpperCase().replace('-', '_'));
        expect({
          recommendationId: row.recommendation_id,
          countryCode: row.country_code,
          implementationStatus: row.implementation_status,
          version: Number(row.version),
          evidenceCount: Number(row.evidence_count),
          narrative: orNull(row[`narrative_${tag}`]),
          sourceBody: recommendation.source_body,
          sourceYear: Number(recommendation.source_year),
          sourceRound: orNull(recommendation.source_round),
          reference: recommendation.reference,
          strength: orNull(recommendation.strength),
          text: recommendation[`text_${tag}`],
          sourceTitle: recommendation[`source_title_${tag}`],
          evidence: evidence
            .filter((e) => e.follow_up_id === f.followUpId)
            .map((e) => ({
              kind: e.kind,
              title: e.title,
              citation: orNull(e.citation),
              url: orNull(e.url),
              documentDate: orNull(e.document_date),
            })),
        }).toEqual({
          recommendationId: f.recommendationId,
          countryCode: f.countryCode,
          implementationStatus: f.implementationStatus,
          version: f.version,
          evidenceCount: f.evidence.length,
          narrative: f.narrative?.text ?? null,
          sourceBody: f.sourceBody,
          sourceYear: f.sourceYear,
          sourceRound: f.sourceRound,
          reference: f.reference,
          strength: f.strength,
          text: f.text.text,
          sourceTitle: f.sourceTitle.text,
          evidence: f.evidence,
        });
      }
    }
    // Only published follow-ups, and only the public evidence of published assessments they cite.
    const [{ n }] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM recommendation_follow_up WHERE cycle_id = $1 AND status = 'PUBLISHED'`,
      [cycleId],
    );
    expect(followUps.size).toBe(n);
    const hidden: Array<{ follow_up_id: string; title: string }> = await db.dataSource.query(
      `SELECT x.follow_up_id, e.title FROM follow_up_evidence x JOIN evidence e ON e.id = x.evidence_id
       JOIN recommendation_follow_up f ON f.id = x.follow_up_id
       WHERE f.cycle_id = $1 AND e.confidentiality <> 'PUBLIC'`,
      [cycleId],
    );
    const cited = new Set(evidence.map((e) => `${e.follow_up_id}|${e.title}`));
    expect(hidden.filter((e) => cited.has(`${e.follow_up_id}|${e.title}`))).toEqual([]);
  });

  it('says the same, byte for byte, after the standards it describes were edited', async () => {
    const before = await download();
    const [{ content_sha256: sha }] = await db.dataSource.query(
      `SELECT content_sha256 FROM edition WHERE id = $1`,
      [edition.id],
    );
    const standards = rowsOf(before.files.standards);
    expect(standards.length).toBeGreaterThan(1);
    const [edited, retitled] = standards;
    await db.dataSource.query(
      `UPDATE standard SET reference = reference || ' (amended)', title = title || '{"en": "Amended title"}'
       WHERE id = $1`,
      [edited.id],
    );
    await db.dataSource.query(
      `UPDATE standard SET title = title || '{"sq": "Titull i ri", "sr-Cyrl": "Нови наслов"}' WHERE id = $1`,
      [retitled.id],
    );
    await db.dataSource.query(
      `UPDATE monitoring_cycle SET title = title || '{"en": "Renamed"}' WHERE id = $1`,
      [cycleId],
    );
    const after = await download();
    expect(after.files).toEqual(before.files);
    expect(after.descriptor).toEqual(before.descriptor);
    expect(after.descriptor.edition.contentSha256).toBe(sha);
    const res = await api.query(EDITION, { cycleId });
    expect(res.data!.edition.contentSha256).toBe(sha);
    // The edit itself took: the standards read live say it.
    const [{ reference }] = await db.dataSource.query(`SELECT reference FROM standard WHERE id = $1`, [
      edited.id,
    ]);
    expect(reference).toBe(`${edited.reference} (amended)`);
  });

  it('holds public evidence only, the same for anonymous readers and API keys', async () => {
    const anonymous = await download();
    const lead = await signIn(api, 'lead.rs@demo.example');
    const created = await api.query(
      `mutation($input: ApiKeyCreateInput!) { apiKeyCreate(input: $input) { key } }`,
      { input: { name: 'Open data probe' } },
      lead,
    );
    const withKey = await download({ authorization: `Bearer ${created.data!.apiKeyCreate.key}` });
    expect(withKey.files).toEqual(anonymous.files);
    const hidden: Array<{ assessment_id: string; title: string }> = await db.dataSource.query(
      `SELECT e.assessment_id, e.title FROM evidence e JOIN assessment a ON a.id = e.assessment_id
       WHERE a.cycle_id = $1 AND a.status = 'PUBLISHED' AND e.confidentiality <> 'PUBLIC'`,
      [cycleId],
    );
    expect(hidden.length).toBeGreaterThan(0);
    const listed = new Set(rowsOf(anonymous.files.evidence).map((r) => `${r.assessment_id}|${r.title}`));
    expect(hidden.filter((e) => listed.has(`${e.assessment_id}|${e.title}`))).toEqual([]);
    const [{ n }] = await db.dataSource.query(
      `SELECT sum(jsonb_array_length(a->'evidence'))::int AS n FROM edition, jsonb_array_elements(content->'assessments') a WHERE id = $1`,
      [edition.id],
    );
    expect(listed.size).toBe(n);
  });

  it('cites the edition as CSL-JSON and BibTeX with its stable URL and the demo notice', () => {
    const csl = JSON.parse(edition.csl);
    expect(csl).toMatchObject({
      type: 'dataset',
      version: String(edition.number),
      URL: edition.url,
      publisher: 'Regional database of anti-trafficking indicators',
    });
    expect(csl.issued['date-parts'][0]).toHaveLength(3);
    expect(csl.note).toContain(DEMO_NOTICE);
    expect(edition.url).toBe(`/open-data/editions/${edition.id}/datapackage.json`);
    expect(edition.bibtex).toMatch(/^@misc\{indicators-[a-z0-9]+-ed\d+,\n/);
    expect(edition.bibtex).toContain(`  url = {${edition.url}}`);
    expect(edition.bibtex).toContain(DEMO_NOTICE);
    expect(edition.bibtex.match(/\{/g)!.length).toBe(edition.bibtex.match(/\}/g)!.length);
  });

  it('lists the published editions in an Atom feed that follows RFC 4287', async () => {
    const res = await get('/open-data/editions.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseXml(await res.text());
    expect(feed.name).toBe(`${ATOM}feed`);
    const only = (node: XmlNode, name: string) => {
      const found = node.children.filter((child) => child.name === ATOM + name);
      expect({ name, count: found.length }).toEqual({ name, count: 1 });
      return found[0];
    };
    expect(only(feed, 'id').text).toBe(`${origin}/open-data/editions.atom`);
    expect(only(feed, 'title').text).toContain('Illustrative demo data, not real results');
    expect(only(feed, 'updated').text).toMatch(RFC3339);
    expect(only(only(feed, 'author'), 'name').text).not.toBe('');
    const self = feed.children.find((c) => c.name === `${ATOM}link` && c.attributes.rel === 'self');
    expect(self?.attributes.href).toBe(`${origin}/open-data/editions.atom`);
    const entries = feed.children.filter((child) => child.name === `${ATOM}entry`);
    const [{ n }] = await db.dataSource.query(`SELECT count(*)::int AS n FROM edition`);
    expect(entries).toHaveLength(n);
    for (const entry of entries) {
      expect(only(entry, 'id').text).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(only(entry, 'title').text).toContain('Illustrative demo data');
      expect(only(entry, 'updated').text).toMatch(RFC3339);
      const category = only(entry, 'category');
      expect(category.attributes.term).toBe('DEMO');
      const alternate = entry.children.find(
        (c) => c.name === `${ATOM}link` && c.attributes.rel === 'alternate',
      );
      const followed = await get(alternate!.attributes.href);
      expect(followed.status).toBe(200);
      expect(((await followed.json()) as { id: string }).id).toBe(only(entry, 'id').text);
    }
  });

  it('answers 404 for an unknown edition or resource, and takes its licence and address from the settings', async () => {
    expect(
      (await get('/open-data/editions/00000000-0000-4000-8000-000000000000/datapackage.json')).status,
    ).toBe(404);
    expect((await get('/open-data/editions/not-an-id/datapackage.json')).status).toBe(404);
    expect((await get(edition.url.replace('datapackage.json', 'secrets.csv'))).status).toBe(404);

    const other = await startTestServer(db, {
      OPEN_DATA_LICENCE: 'CC0-1.0',
      PUBLIC_URL: 'https://data.example.org/',
    });
    try {
      const res = await other.query(
        `query($c: ID!) { edition(cycleId: $c) { url csl: citation(format: CSL_JSON) } }`,
        {
          c: cycleId,
        },
      );
      const url = `https://data.example.org/open-data/editions/${edition.id}/datapackage.json`;
      expect(res.data!.edition.url).toBe(url);
      expect(JSON.parse(res.data!.edition.csl).URL).toBe(url);
      const descriptor = (await (await fetch(new URL(other.url).origin + edition.url)).json()) as Record<
        string,
        any
      >;
      expect(descriptor.licenses[0].name).toBe('CC0-1.0');
      expect(descriptor.homepage).toBe(url);
    } finally {
      await other.close();
    }
    const base = { NODE_ENV: 'test', JWT_SECRET: TEST_JWT_SECRET };
    expect(() => loadConfig({ ...base, OPEN_DATA_LICENCE: 'All rights reserved' })).toThrow(
      /OPEN_DATA_LICENCE/,
    );
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'data.example.org' })).toThrow(/PUBLIC_URL/);
  });
});
