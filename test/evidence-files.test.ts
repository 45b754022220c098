import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ConfigError, loadConfig } from '../src/config';
import { EMPTY_SHA256, signatureV4 } from '../src/common/storage/s3-signature';
import { S3FileStorage } from '../src/common/storage/s3-storage';
import { FileNotFoundError } from '../src/common/storage/storage';
import { createTestDatabase, type TestDatabase } from './support/database';
import {
  FAKE_S3_CREDENTIALS,
  listFiles,
  makeDocx,
  makePdf,
  makeXlsx,
  makeZip,
  sha256Hex,
  startFakeS3,
  type FakeS3,
} from './support/evidence-files';
import { signIn, startTestServer, type TestServer } from './support/server';

const LIMIT = 16 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_QUERY = `query($id: ID!) { evidence(id: $id) { id file { name contentType size sha256 downloadUrl } } }`;

type Headers = Record<string, string>;

describe('evidence files', () => {
  let db: TestDatabase;
  let api: TestServer;
  let origin: string;
  let dataDir: string;
  let filesDir: string;
  const as: Record<string, Headers> = {};
  /** Evidence rows made for these tests, by purpose. */
  const ev: Record<string, string> = {};
  let editableAssessment: string;

  async function assessmentOf(cycle: string, status: string): Promise<string> {
    const [row] = await db.dataSource.query(
      `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
       WHERE c.code = $1 AND a.country_code = 'RS' AND a.status = $2 ORDER BY a.id LIMIT 1`,
      [cycle, status],
    );
    if (!row) throw new Error(`The demo data has no ${status} RS assessment in ${cycle}`);
    return row.id;
  }

  async function newEvidence(assessmentId: string, confidentiality = 'PARTNERS'): Promise<string> {
    const [row] = await db.dataSource.query(
      `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
       VALUES ($1, 'RS', 'REPORT', 'Report for file tests', 'en', 'HIGH', $2) RETURNING id`,
      [assessmentId, confidentiality],
    );
    return row.id;
  }

  function put(id: string, body: Buffer | Readable, headers: Headers = {}, query = '') {
    const init: RequestInit & { duplex?: 'half' } = {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: body as unknown as RequestInit['body'],
    };
    if (!Buffer.isBuffer(body)) init.duplex = 'half';
    return fetch(`${origin}/evidence/${id}/file${query}`, init);
  }

  const named = (name: string, headers: Headers = {}) => ({
    'content-disposition': `attachment; filename="${name}"`,
    ...headers,
  });

  function download(id: string, headers: Headers = {}) {
    return fetch(`${origin}/evidence/${id}/file`, { headers });
  }

  async function errorOf(response: Response): Promise<string> {
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(typeof body.error.message).toBe('string');
    return body.error.code;
  }

  /** What a refused upload must leave as it was: the row, its audit trail and every stored file. */
  async function snapshot(id: string) {
    const [row] = await db.dataSource.query(
      `SELECT file_key, file_name, file_mime, file_size, file_sha256, updated_at FROM evidence WHERE id = $1`,
      [id],
    );
    const [audit] = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`,
      [id],
    );
    return {
      row,
      audits: audit.n,
      files: listFiles(filesDir),
      spool: listFiles(path.join(dataDir, 'uploads')),
    };
  }

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-files-'));
    filesDir = path.join(dataDir, 'files');
    db = await createTestDatabase();
    api = await startTestServer(db, { DATA_DIR: dataDir, EVIDENCE_FILE_MAX_BYTES: String(LIMIT) });
    origin = new URL(api.url).origin;
    for (const [name, email] of Object.entries({
      editorRs: 'editor.rs@demo.example',
      leadRs: 'lead.rs@demo.example',
      viewerRs: 'viewer.rs@demo.example',
      editorAl: 'editor.al@demo.example',
      viewerAl: 'viewer.al@demo.example',
      reviewer: 'reviewer@demo.example',
    })) {
      as[name] = await signIn(api, email);
    }
    // CHANGES_REQUESTED: the partner may still edit it, and the reviewer may read it (not so a DRAFT).
    editableAssessment = await assessmentOf('2025', 'CHANGES_REQUESTED');
    ev.main = await newEvidence(editableAssessment);
    ev.docx = await newEvidence(editableAssessment);
    ev.refused = await newEvidence(editableAssessment);
    ev.fault = await newEvidence(editableAssessment);
    ev.removed = await newEvidence(editableAssessment);
    ev.visibility = await newEvidence(await assessmentOf('2025', 'DRAFT'));
    ev.submitted = await newEvidence(await assessmentOf('2025', 'SUBMITTED'));
    ev.published = await newEvidence(await assessmentOf('2024', 'PUBLISHED'));
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const pdf = makePdf('Annual report');

  it('lets an editor of the country upload a PDF and answers with its size and SHA-256', async () => {
    const res = await put(ev.main, pdf, named('Annual report 2025.pdf', as.editorRs));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/evidence/${ev.main}/file`);
    expect(await res.json()).toEqual({
      file: {
        name: 'Annual report 2025.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: sha256Hex(pdf),
        downloadUrl: `/evidence/${ev.main}/file`,
      },
    });
    const [row] = await db.dataSource.query(`SELECT * FROM evidence WHERE id = $1`, [ev.main]);
    expect(row).toMatchObject({
      file_name: 'Annual report 2025.pdf',
      file_mime: 'application/pdf',
      file_size: String(pdf.length),
      file_sha256: sha256Hex(pdf),
    });
    // Stored under an opaque random key, never under the user's name, and byte for byte.
    expect(row.file_key).toMatch(/^[0-9a-f]{32}$/);
    expect(listFiles(filesDir)).toEqual({ [row.file_key]: sha256Hex(pdf) });
    expect(listFiles(path.join(dataDir, 'uploads'))).toEqual({});
    const audits = await db.dataSource.query(
      `SELECT action, before, after, country_code, assessment_id FROM audit_event WHERE entity_id = $1`,
      [ev.main],
    );
    expect(audits).toEqual([
      {
        action: 'file_attach',
        before: null,
        after: {
          fileName: 'Annual report 2025.pdf',
          fileSize: pdf.length,
          fileSha256: sha256Hex(pdf),
          fileMime: 'application/pdf',
        },
        country_code: 'RS',
        assessment_id: editableAssessment,
      },
    ]);
  });

  it('shows the attached file on the GraphQL Evidence type', async () => {
    const res = await api.query(FILE_QUERY, { id: ev.main }, as.editorRs);
    expect(res.errors).toBeUndefined();
    expect(res.data!.evidence.file).toEqual({
      name: 'Annual report 2025.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: sha256Hex(pdf),
      downloadUrl: `/evidence/${ev.main}/file`,
    });
    const none = await api.query(FILE_QUERY, { id: ev.docx }, as.editorRs);
    expect(none.data!.evidence.file).toBeNull();
  });

  it('lets the reviewer and the country lead download it unchanged, as an attachment that is never sniffed', async () => {
    for (const who of [as.reviewer, as.leadRs]) {
      const res = await download(ev.main, who);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-length')).toBe(String(pdf.length));
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Annual report 2025.pdf"; filename*=UTF-8''Annual%20report%202025.pdf`,
      );
    }
    const head = await fetch(`${origin}/evidence/${ev.main}/file`, { method: 'HEAD', headers: as.reviewer });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(pdf.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it('keeps a name with quotes and non-ASCII letters exact, and sends it back safely encoded', async () => {
    const name = 'Izveštaj "2025"; nova verzija.pdf';
    const res = await put(ev.docx, pdf, {
      ...as.editorRs,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
    });
    expect(res.status).toBe(201);
    expect(((await res.json()) as any).file.name).toBe(name);
    const got = await download(ev.docx, as.leadRs);
    expect(got.headers.get('content-disposition')).toBe(
      `attachment; filename="Izve_taj _2025__ nova verzija.pdf"; filename*=UTF-8''Izve%C5%A1taj%20%222025%22%3B%20nova%20verzija.pdf`,
    );
    const byQuery = await put(
      ev.docx,
      pdf,
      as.editorRs,
      `?filename=${encodeURIComponent('Ćirilica – извештај.pdf')}`,
    );
    expect(byQuery.status).toBe(200);
    expect(((await byQuery.json()) as any).file.name).toBe('Ćirilica – извештај.pdf');
  });

  it('lets partners of other countries download PARTNERS but not INTERNAL evidence, and never the public', async () => {
    // An approved assessment is readable by every partner; which of its evidence is, depends on confidentiality.
    const [{ assessment_id: assessmentId }] = await db.dataSource.query(
      `SELECT assessment_id FROM evidence WHERE id = $1`,
      [ev.visibility],
    );
    await db.dataSource.query(`UPDATE assessment SET status = 'CHANGES_REQUESTED' WHERE id = $1`, [
      assessmentId,
    ]);
    expect((await put(ev.visibility, pdf, named('interview.pdf', as.editorRs))).status).toBe(201);
    await db.dataSource.query(`UPDATE assessment SET status = 'APPROVED' WHERE id = $1`, [assessmentId]);

    await db.dataSource.query(`UPDATE evidence SET confidentiality = 'INTERNAL' WHERE id = $1`, [
      ev.visibility,
    ]);
    // Evidence a reader may not see is, for that reader, evidence that does not exist.
    const denied = await download(ev.visibility, as.viewerAl);
    expect(denied.status).toBe(404);
    expect(await errorOf(denied)).toBe('NOT_FOUND');
    const anonymous = await download(ev.visibility);
    expect(anonymous.status).toBe(404);
    expect(await errorOf(anonymous)).toBe('NOT_FOUND');
    const own = await download(ev.visibility, as.viewerRs);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer())).toEqual(pdf);

    await db.dataSource.query(`UPDATE evidence SET confidentiality = 'PARTNERS' WHERE id = $1`, [
      ev.visibility,
    ]);
    const partner = await download(ev.visibility, as.viewerAl);
    expect(partner.status).toBe(200);
    expect(Buffer.from(await partner.arrayBuffer())).toEqual(pdf);
    expect((await download(ev.visibility)).status).toBe(404);

    // Approved means no longer editable by the partner.
    const before = await snapshot(ev.visibility);
    const late = await put(ev.visibility, makePdf('late'), named('late.pdf', as.editorRs));
    expect(late.status).toBe(409);
    expect(await errorOf(late)).toBe('NOT_EDITABLE');
    expect(await snapshot(ev.visibility)).toEqual(before);
  });

  it('refuses uploads by anyone but the country’s editors and lead, and stores nothing', async () => {
    const before = await snapshot(ev.refused);
    // Those who may read the evidence are refused; to another country's editor, work in progress is not there.
    for (const [who, status, code] of [
      [as.viewerRs, 403, 'FORBIDDEN'],
      [as.reviewer, 403, 'FORBIDDEN'],
      [as.editorAl, 404, 'NOT_FOUND'],
    ] as const) {
      const res = await put(ev.refused, pdf, named('x.pdf', who));
      expect(res.status).toBe(status);
      expect(await errorOf(res)).toBe(code);
    }
    const anonymous = await put(ev.refused, pdf, named('x.pdf'));
    expect(anonymous.status).toBe(401);
    expect(await errorOf(anonymous)).toBe('UNAUTHENTICATED');
    const forged = await put(ev.refused, pdf, named('x.pdf', { authorization: 'Bearer not-a-token' }));
    expect(forged.status).toBe(401);
    expect(await errorOf(forged)).toBe('UNAUTHENTICATED');
    const removal = await fetch(`${origin}/evidence/${ev.main}/file`, {
      method: 'DELETE',
      headers: as.viewerRs,
    });
    expect(removal.status).toBe(403);
    expect(await snapshot(ev.refused)).toEqual(before);
    expect((await download(ev.main, as.leadRs)).status).toBe(200);
  });

  it('judges the type by content: a renamed executable, a web page and a plain zip are refused', async () => {
    const before = await snapshot(ev.refused);
    const executable = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      Buffer.alloc(200),
    ]);
    const html = Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>');
    const plainZip = makeZip({ 'notes.txt': 'not an office document' });
    const cases: Array<[Buffer, string, Headers]> = [
      [executable, 'report.pdf', { 'content-type': 'application/pdf' }],
      [html, 'x.pdf', { 'content-type': 'application/pdf' }],
      [plainZip, 'x.docx', { 'content-type': DOCX }],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'x.exe', {}],
    ];
    for (const [body, name, headers] of cases) {
      const res = await put(ev.refused, body, named(name, { ...as.editorRs, ...headers }));
      expect(res.status).toBe(415);
      expect(await errorOf(res)).toBe('UNSUPPORTED_FILE_TYPE');
    }
    expect(await snapshot(ev.refused)).toEqual(before);
  });

  it('refuses a file over the limit with 413, declared or streamed, and stores nothing', async () => {
    const before = await snapshot(ev.refused);
    const big = Buffer.concat([makePdf('big'), Buffer.alloc(64 * LIMIT)]);
    const declared = await put(ev.refused, big, named('big.pdf', as.editorRs));
    expect(declared.status).toBe(413);
    expect(await errorOf(declared)).toBe('FILE_TOO_LARGE');
    // Sent in chunks without a Content-Length: counted as it arrives.
    async function* chunks() {
      yield makePdf('streamed');
      for (let i = 0; i < 1024; i++) yield Buffer.alloc(1024, 0x20);
    }
    const streamed = await put(ev.refused, Readable.from(chunks()), named('big.pdf', as.editorRs));
    expect(streamed.status).toBe(413);
    expect(await errorOf(streamed)).toBe('FILE_TOO_LARGE');
    expect(await snapshot(ev.refused)).toEqual(before);
    // A file of exactly the limit is fine.
    const exact = Buffer.concat([makePdf('exact')]);
    const padded = Buffer.concat([exact, Buffer.alloc(LIMIT - exact.length, 0x20)]);
    const ok = await put(ev.refused, padded, named('exact.pdf', as.editorRs));
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as any).file.size).toBe(LIMIT);
  });

  it('discards a half-sent upload when the client goes away', async () => {
    const before = await snapshot(ev.refused);
    const abort = new AbortController();
    let sent = 0;
    async function* slow() {
      yield makePdf('half');
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent++;
        if (sent === 20) abort.abort();
        yield Buffer.alloc(100, 0x20);
      }
    }
    const body = Readable.from(slow());
    await expect(
      fetch(`${origin}/evidence/${ev.refused}/file?filename=half.pdf`, {
        method: 'PUT',
        headers: as.editorRs,
        body: body as unknown as RequestInit['body'],
        duplex: 'half',
        signal: abort.signal,
      } as RequestInit),
    ).rejects.toThrow();
    body.destroy();
    for (let i = 0; i < 100 && Object.keys(listFiles(path.join(dataDir, 'uploads'))).length > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await snapshot(ev.refused)).toEqual(before);
  });

  it('accepts a Word document (a zip with word/document.xml) as docx and a workbook as xlsx', async () => {
    const docx = makeDocx();
    const res = await put(
      ev.docx,
      docx,
      { ...as.leadRs, 'content-type': DOCX },
      '?filename=Mi%C5%A1ljenje.docx',
    );
    expect(res.status).toBe(200);
    expect(((await res.json()) as any).file).toMatchObject({ contentType: DOCX, size: docx.length });
    const got = await download(ev.docx, as.reviewer);
    expect(got.headers.get('content-type')).toBe(DOCX);
    expect(Buffer.from(await got.arrayBuffer())).toEqual(docx);
    // Declared as octet-stream and named .bin: the content still decides.
    const xlsx = await put(ev.docx, makeXlsx(), named('statistics.bin', as.editorRs));
    expect(((await xlsx.json()) as any).file.contentType).toBe(XLSX);
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    const doc = await put(ev.docx, ole, named('old.DOC', as.editorRs));
    expect(((await doc.json()) as any).file.contentType).toBe('application/msword');
  });

  it('refuses files for a submitted assessment or a cycle that is not open with 409', async () => {
    for (const [id, code] of [
      [ev.submitted, 'NOT_EDITABLE'],
      [ev.published, 'CYCLE_NOT_OPEN'],
    ]) {
      const before = await snapshot(id);
      const res = await put(id, pdf, named('x.pdf', as.editorRs));
      expect(res.status).toBe(409);
      expect(await errorOf(res)).toBe(code);
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it('answers malformed requests with 400 and unknown evidence with 404', async () => {
    const before = await snapshot(ev.refused);
    const badId = await put('not-a-uuid', pdf, named('x.pdf', as.editorRs));
    expect(badId.status).toBe(400);
    expect(await errorOf(badId)).toBe('BAD_USER_INPUT');
    const noName = await put(ev.refused, pdf, as.editorRs);
    expect(noName.status).toBe(400);
    expect(await errorOf(noName)).toBe('BAD_USER_INPUT');
    for (const name of ['../../etc/passwd', 'a\\b.pdf', '   ', 'cv\u202Efdp.exe', 'x'.repeat(256)]) {
      const res = await put(ev.refused, pdf, as.editorRs, `?filename=${encodeURIComponent(name)}`);
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe('BAD_USER_INPUT');
    }
    const empty = await put(ev.refused, Buffer.alloc(0), named('x.pdf', as.editorRs));
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toBe('BAD_USER_INPUT');
    expect(await snapshot(ev.refused)).toEqual(before);
    const unknown = await put('00000000-0000-4000-8000-000000000000', pdf, named('x.pdf', as.editorRs));
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toBe('NOT_FOUND');
    const noFile = await download(ev.removed, as.leadRs);
    expect(noFile.status).toBe(404);
    expect(await errorOf(noFile)).toBe('NOT_FOUND');
  });

  it('replaces a file and deletes the old one only once the new one is recorded', async () => {
    const [{ file_key: oldKey }] = await db.dataSource.query(`SELECT file_key FROM evidence WHERE id = $1`, [
      ev.main,
    ]);
    const second = makePdf('Second edition');
    const res = await put(ev.main, second, named('Second edition.pdf', as.leadRs));
    expect(res.status).toBe(200);
    const [row] = await db.dataSource.query(`SELECT file_key, file_sha256 FROM evidence WHERE id = $1`, [
      ev.main,
    ]);
    expect(row.file_sha256).toBe(sha256Hex(second));
    expect(row.file_key).not.toBe(oldKey);
    expect(fs.existsSync(path.join(filesDir, oldKey))).toBe(false);
    expect(fs.readFileSync(path.join(filesDir, row.file_key))).toEqual(second);
    const [audit] = await db.dataSource.query(
      `SELECT before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at DESC, id LIMIT 1`,
      [ev.main],
    );
    expect(audit.before).toMatchObject({ fileName: 'Annual report 2025.pdf', fileSha256: sha256Hex(pdf) });
    expect(audit.after).toMatchObject({ fileName: 'Second edition.pdf', fileSha256: sha256Hex(second) });
  });

  it('deletes the newly stored file again when the database refuses the change', async () => {
    const before = await snapshot(ev.fault);
    await db.dataSource.query(`CREATE FUNCTION refuse_file() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await db.dataSource.query(`CREATE TRIGGER refuse_file BEFORE UPDATE ON evidence FOR EACH ROW
      WHEN (NEW.id = '${ev.fault}') EXECUTE FUNCTION refuse_file()`);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const res = await put(ev.fault, pdf, named('x.pdf', as.editorRs));
      expect(res.status).toBe(500);
      expect(await errorOf(res)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      stderr.mockRestore();
      await db.dataSource.query(`DROP TRIGGER refuse_file ON evidence; DROP FUNCTION refuse_file()`);
    }
    expect(await snapshot(ev.fault)).toEqual(before);
  });

  it('removes a file: the row forgets it, the store deletes it, and the trail records it', async () => {
    const docx = makeDocx();
    expect((await put(ev.removed, docx, named('gone.docx', as.editorRs))).status).toBe(201);
    const [{ file_key: key }] = await db.dataSource.query(`SELECT file_key FROM evidence WHERE id = $1`, [
      ev.removed,
    ]);
    const res = await fetch(`${origin}/evidence/${ev.removed}/file`, {
      method: 'DELETE',
      headers: as.editorRs,
    });
    expect(res.status).toBe(204);
    expect(fs.existsSync(path.join(filesDir, key))).toBe(false);
    const gql = await api.query(FILE_QUERY, { id: ev.removed }, as.editorRs);
    expect(gql.data!.evidence.file).toBeNull();
    expect((await download(ev.removed, as.editorRs)).status).toBe(404);
    const [audit] = await db.dataSource.query(
      `SELECT action, before, after FROM audit_event WHERE entity_id = $1 ORDER BY occurred_at DESC, id LIMIT 1`,
      [ev.removed],
    );
    expect(audit).toEqual({
      action: 'file_remove',
      before: { fileName: 'gone.docx', fileSize: docx.length, fileSha256: sha256Hex(docx), fileMime: DOCX },
      after: null,
    });
    const again = await fetch(`${origin}/evidence/${ev.removed}/file`, {
      method: 'DELETE',
      headers: as.editorRs,
    });
    expect(again.status).toBe(404);
  });
});

describe('S3 file storage', () => {
  const bucket = 'evidence-files';
  let s3: FakeS3;

  beforeAll(async () => {
    s3 = await startFakeS3(bucket);
  });
  afterAll(() => s3.close());

  it('signs as the Signature V4 documentation’s GET example', () => {
    const header = signatureV4({
      method: 'GET',
      path: '/test.txt',
      headers: {
        host: 'examplebucket.s3.amazonaws.com',
        range: 'bytes=0-9',
        'x-amz-content-sha256': EMPTY_SHA256,
        'x-amz-date': '20130524T000000Z',
      },
      payloadHash: EMPTY_SHA256,
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      amzDate: '20130524T000000Z',
    });
    expect(header).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('round-trips a file through an S3-compatible server with signed requests', async () => {
    const storage = new S3FileStorage({ endpoint: s3.endpoint, bucket, ...FAKE_S3_CREDENTIALS });
    const pdf = makePdf('S3');
    await storage.put('0123456789abcdef0123456789abcdef', pdf, { contentType: 'application/pdf' });
    await storage.put(
      'fedcba9876543210fedcba9876543210',
      Readable.from([pdf.subarray(0, 10), pdf.subarray(10)]),
      {
        size: pdf.length,
        sha256: sha256Hex(pdf),
      },
    );
    expect(s3.objects.get('0123456789abcdef0123456789abcdef')?.body).toEqual(pdf);
    const stream = await storage.get('fedcba9876543210fedcba9876543210');
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(pdf);
    await storage.delete('0123456789abcdef0123456789abcdef');
    expect(s3.objects.has('0123456789abcdef0123456789abcdef')).toBe(false);
    await expect(storage.get('0123456789abcdef0123456789abcdef')).rejects.toBeInstanceOf(FileNotFoundError);
    expect(s3.refused).toBe(0);
    const wrong = new S3FileStorage({
      endpoint: s3.endpoint,
      bucket,
      ...FAKE_S3_CREDENTIALS,
      secretAccessKey: 'x',
    });
    await expect(wrong.put('0123456789abcdef0123456789abcdef', pdf)).rejects.toThrow(/HTTP 403/);
    expect(s3.refused).toBe(1);
    await expect(storage.get('../secrets')).rejects.toThrow(/Not a valid file key/);
  });

  it('serves uploads and downloads from the bucket when FILE_STORAGE=s3', async () => {
    const db = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-s3-'));
    const api = await startTestServer(db, {
      DATA_DIR: dataDir,
      FILE_STORAGE: 's3',
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: bucket,
      S3_REGION: FAKE_S3_CREDENTIALS.region,
      S3_ACCESS_KEY_ID: FAKE_S3_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: FAKE_S3_CREDENTIALS.secretAccessKey,
    });
    try {
      const [{ id: assessmentId }] = await db.dataSource.query(
        `SELECT a.id FROM assessment a JOIN monitoring_cycle c ON c.id = a.cycle_id
         WHERE c.code = '2025' AND a.country_code = 'RS' AND a.status = 'DRAFT' LIMIT 1`,
      );
      const [{ id }] = await db.dataSource.query(
        `INSERT INTO evidence (assessment_id, country_code, kind, title, language, reliability, confidentiality)
         VALUES ($1, 'RS', 'LAW', 'Law', 'sr-Latn', 'HIGH', 'INTERNAL') RETURNING id`,
        [assessmentId],
      );
      const editor = await signIn(api, 'editor.rs@demo.example');
      const origin = new URL(api.url).origin;
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.alloc(64, 1),
      ]);
      const res = await fetch(`${origin}/evidence/${id}/file?filename=scan.png`, {
        method: 'PUT',
        headers: { ...editor, 'content-type': 'image/png' },
        body: png,
      });
      expect(res.status).toBe(201);
      const [{ file_key: key }] = await db.dataSource.query(`SELECT file_key FROM evidence WHERE id = $1`, [
        id,
      ]);
      expect(s3.objects.get(key)).toEqual({ body: png, contentType: 'image/png' });
      const got = await fetch(`${origin}/evidence/${id}/file`, { headers: editor });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer())).toEqual(png);
      const removed = await fetch(`${origin}/evidence/${id}/file`, { method: 'DELETE', headers: editor });
      expect(removed.status).toBe(204);
      expect(s3.objects.has(key)).toBe(false);
      expect(listFiles(dataDir)).toEqual({});
    } finally {
      await api.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('file storage settings', () => {
  it('accepts local or s3 only, and needs every S3 setting for s3', () => {
    expect(loadConfig({}).fileStorage).toBe('local');
    const problems = (env: Record<string, string>): string => {
      try {
        loadConfig(env);
      } catch (error) {
        if (error instanceof ConfigError) return error.problems.join('\n');
        throw error;
      }
      return '';
    };
    expect(problems({ FILE_STORAGE: 'ftp' })).toMatch(/FILE_STORAGE must be local or s3/);
    expect(problems({ FILE_STORAGE: 's3', S3_BUCKET: 'files' })).toMatch(
      /FILE_STORAGE=s3 needs S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/,
    );
    const s3 = {
      FILE_STORAGE: 's3',
      S3_ENDPOINT: 'https://s3.eu-central-1.amazonaws.com/',
      S3_BUCKET: 'evidence-files',
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(loadConfig(s3).s3).toEqual({
      endpoint: 'https://s3.eu-central-1.amazonaws.com',
      bucket: 'evidence-files',
      region: 'eu-central-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
    });
    const bad = problems({ ...s3, S3_ENDPOINT: 'ftp://x', S3_BUCKET: 'Bad_Bucket' });
    expect(bad).toMatch(/S3_ENDPOINT/);
    expect(bad).toMatch(/S3_BUCKET/);
  });
});
