import { createTestDatabase, type TestDatabase } from './support/database';
import { databaseFingerprint } from './support/fingerprint';
import { signIn, startTestServer, type TestServer } from './support/server';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the partners do: export their country's workbook, edit it in a spreadsheet, import it back. */
describe('export and import round trip', () => {
  let db: TestDatabase;
  let api: TestServer;
  let editor: Record<string, string>;
  let cycleId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestServer(db);
    editor = await signIn(api, 'editor.rs@demo.example');
    [{ id: cycleId }] = await db.dataSource.query(`SELECT id FROM monitoring_cycle WHERE code = '2025'`);
  });
  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  async function exportWorkbook(): Promise<Buffer> {
    const res = await fetch(
      `${api.url.replace('/graphql', '')}/exports/assessments.xlsx?cycleId=${cycleId}&countryCode=RS`,
      {
        headers: editor,
      },
    );
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  }

  async function importWorkbook(body: Buffer) {
    const res = await fetch(
      `${api.url.replace('/graphql', '')}/imports/assessments?cycleId=${cycleId}&countryCode=RS`,
      {
        method: 'POST',
        headers: { ...editor, 'content-type': XLSX },
        body,
      },
    );
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  it('imports an unedited export back without changing anything', async () => {
    const before = await databaseFingerprint(db.dataSource);
    const result = await importWorkbook(await exportWorkbook());
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 0, updated: 0, evidenceCreated: 0 });
    expect(result.body.unchanged).toBeGreaterThan(0);
    expect(await databaseFingerprint(db.dataSource)).toEqual(before);
  });

  it('applies an edit made in the exported workbook', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportWorkbook()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Assessments')!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => headers.indexOf(name);
    let edited: { code: string; score: number } | null = null;
    sheet.eachRow((row, n) => {
      if (n === 1 || edited) return;
      const status = String(row.getCell(col('status')).value);
      const score = row.getCell(col('score')).value;
      if (status === 'DRAFT' && typeof score === 'number') {
        const next = (score + 1) % 4;
        row.getCell(col('score')).value = next;
        edited = { code: String(row.getCell(col('indicator_code')).value), score: next };
      }
    });
    expect(edited).not.toBeNull();
    const result = await importWorkbook(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ created: 0, updated: 1 });
    const target = edited as unknown as { code: string; score: number };
    const [stored] = await db.dataSource.query(
      `SELECT a.score FROM assessment a JOIN indicator i ON i.id = a.indicator_id
       WHERE a.cycle_id = $1 AND a.country_code = 'RS' AND i.code = $2`,
      [cycleId, target.code],
    );
    expect(stored.score).toBe(target.score);
  });
});
