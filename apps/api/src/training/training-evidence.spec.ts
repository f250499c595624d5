import { calendarDate, TRAINING_EVIDENCE_MAX_BYTES } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { createTestApp, TestApp } from '../test/test-app';

const PDF = Buffer.from('%PDF-1.4\n% giấy chứng nhận\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('evidence of recorded training', () => {
  let t: TestApp;
  let storage: FileStorage;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let hrB: string;
  let admin: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    storage = t.app.get<FileStorage>(FILE_STORAGE);
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
    hrB = await t.tokenFor((await t.make.user(units.b, { roles: ['learner', 'hr'] })).username);
    admin = await t.tokenFor((await t.make.user(units.root, { roles: ['sysadmin'] })).username);
    today = calendarDate(t.config.reportsTimeZone);
  });
  afterAll(() => t.close());

  /** A recorded training of a new person of Xã A1, made by HR of Tỉnh A. */
  async function newRecord(title = 'Lớp tập huấn chữ ký số'): Promise<string> {
    return (await newRecordOf(title)).id;
  }
  async function newRecordOf(
    title: string,
  ): Promise<{ id: string; userId: string; username: string }> {
    const person = await t.make.user(units.a1);
    const res = await t.http
      .post('/api/training-records')
      .set('Authorization', hrA)
      .send({ userId: person.id, title, hours: 8, completedOn: today, provider: 'Sở Nội vụ' })
      .expect(201);
    return { id: res.body.id, userId: person.id, username: person.username };
  }
  const put = (token: string, id: string, content: Buffer, filename = 'giay-chung-nhan.pdf') =>
    t.http
      .put(`/api/training-records/${id}/evidence`)
      .set('Authorization', token)
      .attach('file', content, { filename, contentType: 'application/pdf' });
  const download = (token: string, id: string, route = `/api/training-records/${id}/evidence`) =>
    t.http
      .get(route)
      .set('Authorization', token)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const keyOf = async (id: string): Promise<string | null> =>
    (await t.db.query(`SELECT evidence_key FROM training_record WHERE id = $1`, [id]))[0]
      ?.evidence_key ?? null;
  const audit = async (id: string) =>
    (await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY at`, [id])).map(
      (r: { action: string }) => r.action,
    );

  it('stores a PDF, serves it as an attachment named after the record, replaces it and removes it; all audited', async () => {
    const { id, userId } = await newRecordOf('Lớp "an toàn" thông tin: cơ bản/nâng cao');
    expect((await put(hrA, id, PDF).expect(200)).body).toMatchObject({ id, hasEvidence: true });
    const first = (await keyOf(id)) as string;
    expect(first).toMatch(new RegExp(`^training-records/${id}/[0-9a-f]{32}\\.pdf$`));

    const got = await download(hrA, id).expect(200);
    expect((got.body as Buffer).equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toMatch(/^application\/pdf/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const disposition = got.headers['content-disposition'];
    // Named after the record, without the quotes, colon and slash of its title.
    expect(disposition).toContain(
      `attachment; filename="Minh chung - Lop an toan thong tin co ban nang cao - ${today}.pdf"`,
    );
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).toBe(
      `Minh chứng - Lớp an toàn thông tin cơ bản nâng cao - ${today}.pdf`,
    );

    // A PNG sent under a PDF name is stored as what it is; the PDF it replaces is gone.
    await put(admin, id, PNG, 'scan.pdf').expect(200);
    const second = (await keyOf(id)) as string;
    expect(second).toMatch(/\.png$/);
    expect(await storage.exists(first)).toBe(false);
    const png = await download(admin, id).expect(200);
    expect(png.headers['content-type']).toMatch(/^image\/png/);
    expect((png.body as Buffer).equals(PNG)).toBe(true);

    await t.http
      .delete(`/api/training-records/${id}/evidence`)
      .set('Authorization', hrA)
      .expect(204);
    expect(await keyOf(id)).toBeNull();
    expect(await storage.exists(second)).toBe(false);
    await download(hrA, id).expect(404);
    const listed = await t.http
      .get(`/api/training-records?userId=${userId}`)
      .set('Authorization', hrA)
      .expect(200);
    expect(listed.body).toEqual([expect.objectContaining({ id, hasEvidence: false })]);
    expect(await audit(id)).toEqual([
      'training_record.created',
      'training_record.evidence_uploaded',
      'training_record.evidence_uploaded',
      'training_record.evidence_removed',
    ]);
  });

  it('deletes the file with the record', async () => {
    const id = await newRecord();
    await put(hrA, id, PDF).expect(200);
    const key = (await keyOf(id)) as string;
    await t.http.delete(`/api/training-records/${id}`).set('Authorization', hrA).expect(204);
    expect(await storage.exists(key)).toBe(false);
  });

  it('refuses an empty file, another type and a file over the limit with a code each, keeping the old file', async () => {
    const id = await newRecord();
    await put(hrA, id, PDF).expect(200);
    const kept = (await keyOf(id)) as string;
    const cases: [Buffer, string][] = [
      [Buffer.alloc(0), 'file_empty'],
      [Buffer.from('<html><script>alert(1)</script></html>'), 'file_type_not_allowed'],
      [Buffer.from('PK\x03\x04 not a scan', 'latin1'), 'file_type_not_allowed'],
      [Buffer.concat([PDF, Buffer.alloc(TRAINING_EVIDENCE_MAX_BYTES)]), 'file_too_large'],
    ];
    for (const [content, code] of cases) {
      const res = await put(hrA, id, content).expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code })]);
    }
    const none = await t.http
      .put(`/api/training-records/${id}/evidence`)
      .set('Authorization', hrA)
      .field('note', 'x')
      .expect(400);
    expect(none.body.errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'file_empty' }),
    ]);
    expect(await keyOf(id)).toBe(kept);
    expect(await storage.exists(kept)).toBe(true);
  });

  it('answers 404 outside the subtree and for an unknown record, writing nothing', async () => {
    const id = await newRecord();
    await put(hrA, id, PDF).expect(200);
    const kept = (await keyOf(id)) as string;
    await put(hrB, id, PNG).expect(404);
    await download(hrB, id).expect(404);
    await t.http
      .delete(`/api/training-records/${id}/evidence`)
      .set('Authorization', hrB)
      .expect(404);
    await put(hrA, '0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10', PDF).expect(404);
    expect(await keyOf(id)).toBe(kept);
    expect(await storage.exists(kept)).toBe(true);
    // The refused uploads left no file behind.
    const files: string[] = [];
    for await (const f of storage.list(`training-records/${id}/`)) files.push(f.key);
    expect(files).toEqual([kept]);
    const learner = await t.tokenFor((await t.make.user(units.a1)).username);
    await download(learner, id).expect(403);
  });

  describe('the person’s own download', () => {
    const own = (token: string, id: string) =>
      download(token, id, `/api/me/training-records/${id}/evidence`);

    it('gives the person the file of their record, as HR gets it, and lists it as present', async () => {
      const { id, username } = await newRecordOf('Lớp chuyển đổi số cơ bản');
      await put(hrA, id, PDF).expect(200);
      const token = await t.tokenFor(username);
      const got = await own(token, id).expect(200);
      expect((got.body as Buffer).equals(PDF)).toBe(true);
      expect(got.headers['content-type']).toMatch(/^application\/pdf/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.headers['content-disposition']).toContain(
        `attachment; filename="Minh chung - Lop chuyen doi so co ban - ${today}.pdf"`,
      );
      const listed = await t.http
        .get('/api/me/training-records')
        .set('Authorization', token)
        .expect(200);
      expect(listed.body).toEqual([expect.objectContaining({ id, hasEvidence: true })]);
    });

    it('answers 404 for anybody else’s record, HR and sysadmin included, and for a record without a file', async () => {
      const { id, username } = await newRecordOf('Lớp kỹ năng số');
      await put(hrA, id, PDF).expect(200);
      // A colleague of the same commune, HR of the subtree, a sysadmin: never through /me.
      const colleague = await t.tokenFor((await t.make.user(units.a1)).username);
      for (const token of [colleague, hrA, hrB, admin]) await own(token, id).expect(404);
      const bare = await newRecordOf('Lớp không có minh chứng');
      await own(await t.tokenFor(bare.username), bare.id).expect(404);
      await own(await t.tokenFor(username), '0b7f8a44-3f1e-4c1a-9d55-1f0d2f7e9a10').expect(404);
      await t.http.get(`/api/me/training-records/${id}/evidence`).expect(401);
    });
  });
});
