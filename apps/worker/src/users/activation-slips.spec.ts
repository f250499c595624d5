import { activationSlipsJobId, JOB_QUEUE, JobName } from '@dx/contracts';
import {
  ActivationSlipBatchEntity,
  enqueueJob,
  hashActivationCode,
  OrgUnitEntity,
  UserEntity,
} from '@dx/db';
import { eventually } from '@dx/testing';
import { Workbook } from 'exceljs';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';
import { ActivationSlipsService } from './activation-slips.service';

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe('activation slips of a unit (real worker: codes issued, PDF of slips, XLSX list, mail)', () => {
  const env: Record<string, string> = { MAIL_FROM: 'Học viện CĐS <no-reply@dx.example.gov.vn>' };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_slips',
    storagePrefix: 'dx-worker-slips-',
    env,
    smtp: true,
  });
  let db: DataSource;
  let province: OrgUnitEntity;
  let commune: OrgUnitEntity;
  let people: Record<string, UserEntity>;

  async function unit(name: string, parent: OrgUnitEntity | null): Promise<OrgUnitEntity> {
    const id = randomUUID();
    const row = db.manager.create(OrgUnitEntity, {
      id,
      code: `U-${id.slice(0, 8)}`,
      name,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
    });
    await db.manager.insert(OrgUnitEntity, row);
    return row;
  }

  async function person(
    username: string,
    fullName: string,
    at: OrgUnitEntity,
    more: Partial<UserEntity> = {},
  ) {
    return db.manager.save(
      db.manager.create(UserEntity, {
        username,
        fullName,
        orgUnitId: at.id,
        roles: ['learner'],
        ...more,
      }),
    );
  }

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    province = await unit('Tỉnh Tuyên Quang', null);
    commune = await unit('Ủy ban nhân dân xã Minh Xuân', province);
    const elsewhere = await unit('Tỉnh Khác', null);
    people = {
      an: await person('an.nv', 'Nguyễn Văn An', commune),
      binh: await person('binh.tt', 'Trần Thị Bình', commune),
      cuong: await person('cuong.lh', 'Lê Hữu Cường', province),
      // Not printed: already activated, deactivated, a sysadmin, another province.
      active: await person('da.kichhoat', 'Đã Kích Hoạt', commune, { passwordHash: 'x' }),
      gone: await person('da.nghi', 'Đã Nghỉ Việc', commune, { active: false }),
      admin: await person('quantri.tq', 'Quản Trị', province, { roles: ['sysadmin'] }),
      other: await person('khac.tinh', 'Ở Tỉnh Khác', elsewhere),
    };
  }, 120_000);
  afterAll(() => worker.stop());

  /** Asks as the API does (batch row + outbox row in one transaction) and waits for the files. */
  async function slipsOf(at: OrgUnitEntity) {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(ActivationSlipBatchEntity, {
        id,
        orgUnitId: at.id,
        unitPath: at.path,
        unitCode: at.code,
        unitName: at.name,
        requestedBy: null,
      });
      await enqueueJob(tx, {
        queue: JOB_QUEUE[JobName.MakeActivationSlips],
        jobName: JobName.MakeActivationSlips,
        jobId: activationSlipsJobId(id),
        payload: { batchId: id },
      });
    });
    const repo = db.getRepository(ActivationSlipBatchEntity);
    await eventually(
      async () => ['completed', 'failed'].includes((await repo.findOneByOrFail({ id })).state),
      60_000,
    );
    const row = await repo.findOneByOrFail({ id });
    expect(row).toMatchObject({ state: 'completed', progress: 100, error: null });
    return {
      row,
      pdf: join(worker.storageDir, row.pdfKey as string),
      xlsx: join(worker.storageDir, row.xlsxKey as string),
    };
  }

  async function listOf(file: string): Promise<unknown[][]> {
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const rows: unknown[][] = [];
    ws.eachRow((r, n) => n > 4 && rows.push((r.values as unknown[]).slice(1)));
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Họ và tên',
      'Tên đăng nhập',
      'Đơn vị',
      'Mã kích hoạt',
      'Hết hạn sau ngày',
    ]);
    return rows;
  }

  it('issues a working code to everyone of the subtree not yet activated, unit by unit, and lists them', async () => {
    const { row, xlsx } = await slipsOf(province);
    expect(row.count).toBe(3);
    const rows = await listOf(xlsx);
    // The province's own people first (its path is a prefix of the commune's), then the commune's.
    expect(rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [1, 'Lê Hữu Cường', 'cuong.lh', 'Tỉnh Tuyên Quang'],
      [2, 'Nguyễn Văn An', 'an.nv', 'Ủy ban nhân dân xã Minh Xuân'],
      [3, 'Trần Thị Bình', 'binh.tt', 'Ủy ban nhân dân xã Minh Xuân'],
    ]);
    for (const r of rows) expect(r[4]).toMatch(CODE);
    expect(rows[0][5]).toMatch(/^\d\d\/\d\d\/\d{4}$/);
    // The printed codes are the open ones: hashed in the table, unused, not replaced.
    const open: { username: string; code_hash: string }[] = await db.query(
      `SELECT u.username, a.code_hash FROM activation_code a JOIN app_user u ON u.id = a.user_id
        WHERE a.used_at IS NULL AND a.replaced_at IS NULL ORDER BY u.username`,
    );
    const secret = worker.config.jwt.secret;
    expect(open).toEqual(
      ['an.nv', 'binh.tt', 'cuong.lh'].map((username) => ({
        username,
        code_hash: hashActivationCode(secret, rows.find((r) => r[2] === username)?.[4] as string),
      })),
    );
  }, 90_000);

  it('prints cut-out slips in Vietnamese with name, unit, username, code and where to go; a new batch replaces the codes', async () => {
    const { row, pdf, xlsx } = await slipsOf(commune);
    expect(row.count).toBe(2);
    const [an, binh] = await listOf(xlsx);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    for (const expected of [
      'PHIẾU KÍCH HOẠT TÀI KHOẢN',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Ủy ban nhân dân xã Minh Xuân',
      'an.nv',
      an[4] as string,
      binh[4] as string,
      `${worker.config.publicBaseUrl}/activate`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Lê Hữu Cường');
    const pages = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(pages).toMatch(/Pages:\s+1\n/);
    // One QR image embedded once, drawn on both slips.
    const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      .filter((cols) => cols[2] === 'image');
    expect(images).toHaveLength(2);
    // Column 10 is the PDF object: the same one drawn twice.
    expect(new Set(images.map((cols) => cols[10])).size).toBe(1);
    // The province's slips of the first test no longer work for the commune's people.
    const [{ open }] = await db.query(
      `SELECT count(*)::int AS open FROM activation_code
        WHERE user_id = ANY($1) AND used_at IS NULL AND replaced_at IS NULL`,
      [[people.an.id, people.binh.id]],
    );
    expect(open).toBe(2);
  }, 90_000);

  it('a unit with nobody left to activate still gets a PDF that says so', async () => {
    await db.query(`UPDATE app_user SET password_hash = 'x' WHERE id = ANY($1)`, [
      [people.an.id, people.binh.id],
    ]);
    const { row, pdf } = await slipsOf(commune);
    expect(row.count).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).normalize('NFC');
    expect(text).toContain('không có người nào cần kích hoạt tài khoản');
  }, 90_000);

  it('mails their code to people with an email, once, and a retried job keeps the mailed code working', async () => {
    const village = await unit('Xã Tân Trào', null);
    const hoa = await person('hoa.pt', 'Phạm Thị Hoa', village, { email: 'hoa.pt@example.vn' });
    const khanh = await person('khanh.dv', 'Đỗ Văn Khánh', village);
    const { row, xlsx } = await slipsOf(village);
    const [hoaLine] = (await listOf(xlsx)).filter((r) => r[2] === 'hoa.pt');
    const code = hoaLine[4] as string;

    await worker.smtp.waitForCount(1);
    const [mail] = worker.smtp.to('hoa.pt@example.vn');
    expect(mail.parsed.subject).toBe('Mã kích hoạt tài khoản DX Academy');
    expect(mail.parsed.text).toContain(`Mã kích hoạt: ${code}`);
    expect(mail.parsed.text).toContain('Tên đăng nhập: hoa.pt');
    expect(mail.parsed.text).toContain(`${worker.config.publicBaseUrl}/activate`);
    // Nothing else about the person or the unit travels by mail.
    expect(mail.parsed.text).not.toContain('Xã Tân Trào');
    expect(mail.parsed.text).not.toContain('Đỗ Văn Khánh');
    const mailsOf = async (userId: string) =>
      (await db.query(`SELECT count(*)::int AS n FROM mail WHERE user_id = $1`, [userId]))[0].n;
    expect(await mailsOf(khanh.id)).toBe(0);

    // The job fails after its codes and mails were committed and is run again.
    await db.getRepository(ActivationSlipBatchEntity).update({ id: row.id }, { state: 'failed' });
    await expect(
      worker.app.get(ActivationSlipsService).make(row.id, async () => undefined),
    ).resolves.toBe('completed');
    const [again] = (await listOf(xlsx)).filter((r) => r[2] === 'hoa.pt');
    expect(again[4]).toBe(code);
    expect(await mailsOf(hoa.id)).toBe(1);
    const [{ hash }] = await db.query(
      `SELECT code_hash AS hash FROM activation_code
        WHERE user_id = $1 AND used_at IS NULL AND replaced_at IS NULL`,
      [hoa.id],
    );
    expect(hash).toBe(hashActivationCode(worker.config.jwt.secret, code));
    // Give a duplicate the time to arrive: there must be none.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(worker.smtp.to('hoa.pt@example.vn')).toHaveLength(1);
  }, 90_000);
});
