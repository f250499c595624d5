import { calendarDate, certificateExportJobId, CERTIFICATES_QUEUE, JobName } from '@dx/contracts';
import { CertificateEntity, CertificateExportEntity, enqueueJob, OrgUnitEntity } from '@dx/db';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import * as yauzl from 'yauzl';
import { eventually, requestCertificates } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { CertificateIssuerService } from './certificate-issuer.service';
import { REGISTER_HEADERS } from './exports/register-format';

/** Every entry of a ZIP file with its bytes, read by yauzl (a maintained ZIP reader). */
async function readZip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  try {
    for (;;) {
      const next = new Promise<yauzl.Entry | null>((resolve, reject) => {
        zip.once('entry', resolve);
        zip.once('end', () => resolve(null));
        zip.once('error', reject);
      });
      zip.readEntry();
      const entry = await next;
      zip.removeAllListeners('entry').removeAllListeners('end').removeAllListeners('error');
      if (!entry) break;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

describe('certificate exports (real worker: ZIP of PDFs, register as XLSX and PDF)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_export',
    storagePrefix: 'dx-worker-export-',
  });
  let db: DataSource;
  let unit: OrgUnitEntity;
  let certs: CertificateEntity[];
  let year: number;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    year = Number(calendarDate(worker.config.reportsTimeZone).slice(0, 4));
    // Issued directly (no outbox rows): three in the unit, one in another unit.
    const issuer = worker.app.get(CertificateIssuerService);
    const mine = await requestCertificates(db, 3, 'Trần Thị Xuân', { outbox: false });
    const other = await requestCertificates(db, 1, 'Người Ở Tỉnh Khác', { outbox: false });
    for (const c of [...mine.certificates, ...other.certificates]) await issuer.issue(c.id);
    unit = mine.issuer;
    const repo = db.getRepository(CertificateEntity);
    certs = await repo.find({
      where: mine.certificates.map((c) => ({ id: c.id })),
      order: { serial: 'ASC' },
    });
    await repo.update(
      { id: certs[1].id },
      { status: 'revoked', revokedAt: new Date(), revokedReason: 'lent' },
    );
  }, 120_000);
  afterAll(() => worker.stop());

  /** Asks as the API does (row + outbox row in one transaction) and waits for the file. */
  async function exported(format: 'zip' | 'xlsx' | 'pdf', forYear = year) {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(CertificateExportEntity, {
        id,
        orgUnitId: unit.id,
        unitPath: unit.path,
        unitCode: unit.code,
        unitName: unit.name,
        year: forYear,
        format,
        requestedBy: null,
      });
      await enqueueJob(tx, {
        queue: CERTIFICATES_QUEUE,
        jobName: JobName.ExportCertificates,
        jobId: certificateExportJobId(id),
        payload: { exportId: id },
      });
    });
    const repo = db.getRepository(CertificateExportEntity);
    await eventually(
      async () => ['completed', 'failed'].includes((await repo.findOneByOrFail({ id })).state),
      60_000,
    );
    const row = await repo.findOneByOrFail({ id });
    expect(row).toMatchObject({ state: 'completed', progress: 100, error: null });
    return { row, file: join(worker.storageDir, row.fileKey as string) };
  }

  it('ZIP: every PDF the unit issued in the year, byte for byte, named by unit and serial', async () => {
    const { row, file } = await exported('zip');
    expect(row.count).toBe(3);
    const entries = await readZip(file);
    expect([...entries.keys()].sort()).toEqual(certs.map((c) => `${unit.code}/${c.serial}.pdf`));
    for (const c of certs) {
      const stored = readFileSync(join(worker.storageDir, c.pdfKey as string));
      expect(entries.get(`${unit.code}/${c.serial}.pdf`)?.equals(stored)).toBe(true);
    }
  }, 90_000);

  it('XLSX register: title, headings, one line per certificate with status and revocation', async () => {
    const { row, file } = await exported('xlsx');
    expect(row.count).toBe(3);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.getCell(1, 1).value).toBe(`SỔ CẤP GIẤY CHỨNG NHẬN BỒI DƯỠNG NĂM ${year}`);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...REGISTER_HEADERS]);
    const lines = [4, 5, 6].map((r) => (ws.getRow(r).values as unknown[]).slice(1));
    expect(lines.map((l) => l[1])).toEqual(certs.map((c) => c.serial));
    expect(lines[0]).toEqual([
      1,
      certs[0].serial,
      certs[0].registerNumber,
      certs[0].snapshot.holderName,
      '17/05/1990',
      'Chuyển đổi số cơ bản cho cán bộ, công chức',
      8,
      '26/11/2026',
      expect.stringMatching(new RegExp(`^\\d\\d/\\d\\d/${year}$`)),
      'Sở Khoa học và Công nghệ Hà Nội',
      'Còn hiệu lực',
    ]);
    expect(lines[1][10]).toBe('Đã thu hồi');
    expect(lines[1][11]).toMatch(/^\d\d\/\d\d\/\d{4} — Cho người khác mượn$/);
    expect(ws.getRow(7).values).toEqual([]);
  }, 90_000);

  it('PDF register: Vietnamese text of every line, page numbers', async () => {
    const { file } = await exported('pdf');
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    expect(text).toContain(`SỔ CẤP GIẤY CHỨNG NHẬN BỒI DƯỠNG NĂM ${year}`);
    expect(text).toContain('Đơn vị: Sở Khoa học và Công nghệ Hà Nội');
    for (const c of certs) expect(text).toContain(c.serial as string);
    expect(text).toContain('Đã thu hồi');
    expect(text).toContain('Trang 1/1');
  }, 90_000);

  it('an empty year: a register with its headings and an empty ZIP, not an error', async () => {
    const xlsx = await exported('xlsx', 2001);
    expect(xlsx.row.count).toBe(0);
    const wb = new Workbook();
    await wb.xlsx.readFile(xlsx.file);
    expect((wb.worksheets[0].getRow(3).values as unknown[]).slice(1)).toEqual([
      ...REGISTER_HEADERS,
    ]);
    expect(wb.worksheets[0].getRow(4).values).toEqual([]);
    const zip = await exported('zip', 2001);
    expect((await readZip(zip.file)).size).toBe(0);
    const pdf = await exported('pdf', 2001);
    const text = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Số hiệu');
  }, 120_000);
});
