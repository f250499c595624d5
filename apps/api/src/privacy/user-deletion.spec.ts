import {
  AuditLogEntity,
  CertificateEntity,
  EnrollmentEntity,
  MembershipEntity,
  QuizAttemptEntity,
  RefreshTokenEntity,
  UserEntity,
} from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { issuedCertificate, pendingCertificate } from '../certificates/certificates.fixtures';
import { buildCourse } from '../test/course-factory';
import { Factories } from '../test/factories';
import { createTestApp, TestApp } from '../test/test-app';

describe('DELETE /api/users/:id', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: UserEntity;
  let hrAToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    tree = await t.make.twoProvinces();
    hrA = await t.make.user(tree.a, { roles: ['learner', 'hr'] });
    hrAToken = await t.tokenFor(hrA.username);
  });
  afterAll(() => t.close());

  const del = (id: string, token = hrAToken) =>
    t.http.delete(`/api/users/${id}`).set('Authorization', token);
  const login = (username: string) =>
    t.http.post('/api/auth/login').send({ username, password: Factories.PASSWORD });

  it('erases the person and their learning data; the issued certificate keeps verifying by name only', async () => {
    const person = await t.make.user(tree.a1, { fullName: 'Hồ Thị Được Xóa' });
    const token = await t.tokenFor(person.username);
    const { course, lessons, quizzes } = await buildCourse(t.db, {
      owner: tree.a,
      quizzes: [{ kind: 'final', questions: [{}] }],
    });
    const { enrollmentId } = (
      await t.http.post(`/api/courses/${course.id}/enroll`).set('Authorization', token).expect(201)
    ).body;
    await t.http
      .post(`/api/lessons/${lessons[0].id}/complete`)
      .set('Authorization', token)
      .expect(200);
    await t.http
      .post(`/api/quizzes/${quizzes[0].quiz.id}/attempts`)
      .set('Authorization', token)
      .expect(201);
    const cert = await issuedCertificate(t, {
      holder: person,
      issuer: tree.a1,
      dateOfBirth: '1987-11-02',
    });
    const pending = await pendingCertificate(t, { holder: person, issuer: tree.a1 });

    const [{ count: before }] = await t.db.query(
      `SELECT count(*)::int AS count FROM lesson_completion WHERE enrollment_id = $1`,
      [enrollmentId],
    );
    expect(before).toBe(1);

    await del(person.id).expect(204);

    await login(person.username).expect(401);
    await t.http.get('/api/me').set('Authorization', token).expect(404);
    const listed = await t.http
      .get('/api/users')
      .query({ q: person.username })
      .set('Authorization', hrAToken)
      .expect(200);
    expect(listed.body.total).toBe(0);
    for (const entity of [
      MembershipEntity,
      EnrollmentEntity,
      QuizAttemptEntity,
      RefreshTokenEntity,
    ]) {
      expect(await t.db.getRepository(entity).countBy({ userId: person.id })).toBe(0);
    }
    const [{ count: completions }] = await t.db.query(
      `SELECT count(*)::int AS count FROM lesson_completion WHERE enrollment_id = $1`,
      [enrollmentId],
    );
    expect(completions).toBe(0);
    expect(await t.db.getRepository(CertificateEntity).existsBy({ id: pending.id })).toBe(false);
    const kept = await t.db.getRepository(CertificateEntity).findOneByOrFail({ id: cert.id });
    expect(kept).toMatchObject({ userId: null, status: 'issued', serial: cert.serial });

    // With the code of its QR (as the holder's employer would have it): the name shows.
    const pub = await t.http
      .get(`/api/public/certificates/${cert.serial}`)
      .query({ c: kept.verifyCode as string })
      .expect(200);
    expect(pub.body).toMatchObject({
      serial: cert.serial,
      holderName: 'Hồ Thị Được Xóa',
      holderNameShown: true,
      status: 'valid',
    });
    expect(Object.keys(pub.body).sort()).toEqual(
      [
        'courseTitle',
        'holderName',
        'holderNameShown',
        'hours',
        'issuedAt',
        'issuer',
        'kid',
        'serial',
        'status',
      ].sort(),
    );
    expect(JSON.stringify(pub.body)).not.toContain('1987');

    const audit = await t.db
      .getRepository(AuditLogEntity)
      .findOneByOrFail({ action: 'user.deleted', targetId: person.id });
    expect(audit).toMatchObject({
      actorId: hrA.id,
      orgUnitId: tree.a1.id,
      details: {
        username: person.username,
        enrollments: 1,
        quizAttempts: 1,
        certificatesKept: 1,
        pendingCertificatesRemoved: 1,
      },
    });
    await del(person.id).expect(404);
  });

  it('erases the scanned evidence of the person’s recorded training', async () => {
    const person = await t.make.user(tree.a1);
    const record = await t.http
      .post('/api/training-records')
      .set('Authorization', hrAToken)
      .send({
        userId: person.id,
        title: 'Lớp tập huấn chữ ký số',
        hours: 4,
        completedOn: '2025-03-10',
        provider: 'Sở Nội vụ',
      })
      .expect(201);
    await t.http
      .put(`/api/training-records/${record.body.id}/evidence`)
      .set('Authorization', hrAToken)
      .attach('file', Buffer.from('%PDF-1.4\n%%EOF\n'), 'giay-chung-nhan.pdf')
      .expect(200);
    const [{ key }] = await t.db.query(
      `SELECT evidence_key AS key FROM training_record WHERE id = $1`,
      [record.body.id],
    );
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    expect(await storage.exists(key)).toBe(true);

    await del(person.id).expect(204);
    expect(await storage.exists(key)).toBe(false);
  });

  it('keeps hr to their subtree (404 outside), never lets them delete a sysadmin, and nobody themselves', async () => {
    const inB = await t.make.user(tree.b1);
    await del(inB.id).expect(404);
    const admin = await t.make.user(tree.a1, { roles: ['sysadmin'] });
    await del(admin.id).expect(403);
    const self = await del(hrA.id).expect(403);
    expect(self.body).toEqual({
      statusCode: 403,
      code: 'forbidden',
      message: expect.any(String),
      errors: [],
    });
    const learner = await t.tokenFor((await t.make.user(tree.a)).username);
    const victim = await t.make.user(tree.a1);
    await del(victim.id, learner).expect(403);
    await t.http.delete(`/api/users/${victim.id}`).expect(401);
    await del('khong-phai-uuid').expect(400);
    expect(await t.db.getRepository(UserEntity).countBy({ id: inB.id })).toBe(1);
    expect(await t.db.getRepository(UserEntity).countBy({ id: admin.id })).toBe(1);
    expect(await t.db.getRepository(UserEntity).countBy({ id: victim.id })).toBe(1);
  });

  it('lets a sysadmin delete anyone but themselves', async () => {
    const admin = await t.make.user(tree.root, { roles: ['sysadmin'] });
    const adminToken = await t.tokenFor(admin.username);
    const other = await t.make.user(tree.b1, { roles: ['sysadmin'] });
    await del(other.id, adminToken).expect(204);
    await del(admin.id, adminToken).expect(403);
  });
});
