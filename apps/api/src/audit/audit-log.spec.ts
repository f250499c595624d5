import { calendarDate, type AuditLogEntryResponse } from '@dx/contracts';
import { UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { issuedCertificate } from '../certificates/certificates.fixtures';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) coc_coc_browser/120.0 kiem-thu';

describe('audit log', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let admin: UserEntity;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    admin = await t.make.user(tree.root, { roles: ['sysadmin'], fullName: 'Quản trị Nhật ký' });
    adminToken = await t.tokenFor(admin.username);
  });
  afterAll(() => t.close());

  const newUser = (extra: object = {}) => ({
    username: `nk.${randomSuffix()}`,
    password: 'Mot-mat-khau-dai-1',
    fullName: 'Đặng Thị Ghi Nhận',
    orgUnitId: tree.a1.id,
    dxRole: 'full_time',
    ...extra,
  });
  const list = (query: Record<string, string | number>, token = adminToken) =>
    t.http.get('/api/audit-log').query(query).set('Authorization', token);

  it('records who created a user, from which address and browser, with the roles granted', async () => {
    const body = newUser({ roles: ['learner', 'hr'] });
    const created = await t.http
      .post('/api/users')
      .set('Authorization', adminToken)
      .set('User-Agent', BROWSER)
      .send(body)
      .expect(201);
    const res = await list({ actorId: admin.id, action: 'user.created' }).expect(200);
    const entry = res.body.items.find((e: AuditLogEntryResponse) => e.targetId === created.body.id);
    expect(entry).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actorId: admin.id,
      actorUsername: admin.username,
      action: 'user.created',
      targetType: 'user',
      targetId: created.body.id,
      orgUnitId: tree.a1.id,
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
      userAgent: BROWSER,
      details: { username: body.username, roles: ['learner', 'hr'] },
    });
    expect(JSON.stringify(entry)).not.toContain(body.password);
    expect(Date.now() - Date.parse(entry.at)).toBeLessThan(60_000);
  });

  it('writes nothing for an action that did not happen', async () => {
    const body = newUser();
    await t.http.post('/api/users').set('Authorization', adminToken).send(body).expect(201);
    await t.http.post('/api/users').set('Authorization', adminToken).send(body).expect(409);
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'user.created' AND details->>'username' = $1`,
      [body.username],
    );
    expect(count).toBe(1);
  });

  it('is readable by sysadmin only', async () => {
    const hr = await t.tokenFor((await t.make.user(tree.a, { roles: ['hr'] })).username);
    const trainer = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
    const learner = await t.tokenFor((await t.make.user(tree.a)).username);
    for (const token of [hr, trainer, learner]) await list({}, token).expect(403);
    await t.http.get('/api/audit-log').expect(401);
  });

  it('filters by actor, action and time, newest first, paginated', async () => {
    const other = await t.make.user(tree.root, { roles: ['sysadmin'] });
    const otherToken = await t.tokenFor(other.username);
    const before = new Date(Date.now() - 1000).toISOString();
    for (let i = 0; i < 3; i++) {
      await t.http.post('/api/users').set('Authorization', otherToken).send(newUser()).expect(201);
    }
    const code = `NK-${randomSuffix().toUpperCase()}`;
    await t.http
      .post('/api/org-units')
      .set('Authorization', otherToken)
      .send({ code, name: 'Phòng Nhật ký', parentId: tree.b.id })
      .expect(201);

    const all = (await list({ actorId: other.id }).expect(200)).body;
    expect(all.total).toBe(4);
    expect(all.items.map((e: AuditLogEntryResponse) => e.action)).toEqual([
      'org_unit.created',
      'user.created',
      'user.created',
      'user.created',
    ]);
    expect(all.items[0].details).toEqual({ code, parentId: tree.b.id });
    const at = all.items.map((e: AuditLogEntryResponse) => Date.parse(e.at));
    expect([...at].sort((x, y) => y - x)).toEqual(at);

    const page2 = (
      await list({ actorId: other.id, action: 'user.created', pageSize: 2, page: 2 }).expect(200)
    ).body;
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);

    expect((await list({ actorId: other.id, from: before }).expect(200)).body.total).toBe(4);
    expect((await list({ actorId: other.id, to: before }).expect(200)).body.total).toBe(0);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect((await list({ actorId: other.id, from: tomorrow }).expect(200)).body.total).toBe(0);
    expect((await list({ actorId: other.id, to: tomorrow }).expect(200)).body.total).toBe(4);
  });

  it('refuses bad filters with field errors', async () => {
    const res = await list({
      actorId: 'x',
      action: 'DROP TABLE',
      from: 'hôm qua',
      pageSize: 1000,
    }).expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['action', 'actorId', 'from', 'pageSize']));
  });

  it('records a certificate revocation with the serial and reason, and an import with its counts', async () => {
    const holder = await t.make.user(tree.a1, { fullName: 'Lý Thị Thu Hồi' });
    const cert = await issuedCertificate(t, { holder, issuer: tree.a1 });
    await t.http
      .post(`/api/certificates/${cert.id}/revoke`)
      .set('Authorization', adminToken)
      .send({ reason: 'issuer_error' })
      .expect(200);
    const revoked = (await list({ action: 'certificate.revoked', actorId: admin.id }).expect(200))
      .body.items;
    expect(revoked.find((e: AuditLogEntryResponse) => e.targetId === cert.id)).toMatchObject({
      targetType: 'certificate',
      orgUnitId: tree.a1.id,
      details: { serial: cert.serial, reason: 'issuer_error' },
    });

    const csv = `username,fullName,orgUnitCode,dxRole\r\nnk.${randomSuffix()},Hà Văn Nhập,${tree.a1.code},none\r\nX,,NO-UNIT,none\r\n`;
    await t.http
      .post('/api/users/import')
      .set('Authorization', adminToken)
      .attach('file', Buffer.from(csv, 'utf8'), 'ds.csv')
      .expect(200);
    const imported = (await list({ action: 'users.imported', actorId: admin.id }).expect(200)).body
      .items;
    expect(imported[0].details).toEqual({ rows: 2, created: 1, updated: 0, rejected: 1 });
  });

  it('records course publication and archiving, a curriculum, a merge and a re-issue', async () => {
    const actor = await t.make.user(tree.root, { roles: ['sysadmin'] });
    const token = await t.tokenFor(actor.username);
    const post = (path: string, body: object = {}) =>
      t.http
        .post(path)
        .set('Authorization', token)
        .send(body)
        .expect((r) => expect(r.status).toBeLessThan(300));
    const draft = await buildCourse(t.db, { owner: tree.b, published: false });
    await post(`/api/courses/${draft.course.id}/publish`);
    await post(`/api/courses/${draft.course.id}/archive`);
    const live = await buildCourse(t.db, { owner: tree.b });
    const curriculum = await post('/api/curricula', {
      code: `CT-${randomSuffix().toUpperCase()}`,
      title: 'Chương trình kiểm toán',
      hoursPerYear: 4,
      ownerOrgUnitId: tree.b.id,
      courseIds: [live.course.id],
    });
    await post(`/api/curricula/${curriculum.body.id}/publish`);
    const [from, into] = [await t.make.unit(tree.root), await t.make.unit(tree.root)];
    await post(`/api/org-units/${from.id}/merge`, {
      targetId: into.id,
      effectiveDate: calendarDate(t.config.reportsTimeZone),
    });
    const cert = await issuedCertificate(t, {
      holder: await t.make.user(tree.b1),
      issuer: tree.b1,
    });
    await post(`/api/certificates/${cert.id}/reissue`, { reason: 'lost' });

    const items: AuditLogEntryResponse[] = (await list({ actorId: actor.id }).expect(200)).body
      .items;
    const seen = items.map((e) => [e.action, e.targetId]).reverse();
    expect(seen).toEqual([
      ['course.published', draft.course.id],
      ['course.archived', draft.course.id],
      ['curriculum.published', curriculum.body.id],
      ['org_unit.merged', from.id],
      ['certificate.reissued', cert.id],
    ]);
    expect(items[0].details).toEqual({ serial: cert.serial, reason: 'lost', n: 1 });
    expect(items[1].details).toEqual({ targetId: into.id, effectiveDate: expect.any(String) });
  });

  it('cannot be changed or deleted, even with direct database access', async () => {
    await expect(
      t.db.query(`UPDATE audit_log SET action = 'x' WHERE actor_id = $1`, [admin.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.db.query(`DELETE FROM audit_log WHERE actor_id = $1`, [admin.id]),
    ).rejects.toThrow(/append-only/);
  });
});
