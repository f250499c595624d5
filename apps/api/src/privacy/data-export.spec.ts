import type { PersonalDataExport } from '@dx/contracts';
import { randomSuffix } from '@dx/db/testing';
import { issuedCertificate } from '../certificates/certificates.fixtures';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';

describe('GET /api/me/data-export', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Enrols, reads the first lesson and takes the final quiz (choosing the first options). */
  async function learn(token: string, courseId: string, lessonId: string, quizId: string) {
    await t.http.post(`/api/courses/${courseId}/enroll`).set('Authorization', token).expect(201);
    await t.http.post(`/api/lessons/${lessonId}/complete`).set('Authorization', token).expect(200);
    const attempt = (
      await t.http.post(`/api/quizzes/${quizId}/attempts`).set('Authorization', token).expect(201)
    ).body;
    const answers = attempt.questions.map((q: { id: string; options: { id: string }[] }) => ({
      questionId: q.id,
      optionIds: [q.options[0].id],
    }));
    await t.http
      .post(`/api/attempts/${attempt.attemptId}/submit`)
      .set('Authorization', token)
      .send({ answers })
      .expect(200);
    return answers as { questionId: string; optionIds: string[] }[];
  }

  it('holds everything about the caller and nothing about anyone else, as an attachment', async () => {
    const { a, a1 } = await t.make.twoProvinces();
    const nationalId = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
    const me = await t.make.user(a1, {
      roles: ['learner', 'hr'],
      fullName: 'Trương Thị Xuất Dữ Liệu',
      nationalId,
    });
    const neighbour = await t.make.user(a1, { fullName: 'Mai Văn Hàng Xóm' });
    const myToken = await t.tokenFor(me.username);
    const theirToken = await t.tokenFor(neighbour.username);
    const built = await buildCourse(t.db, {
      owner: a,
      title: 'An toàn thông tin cơ bản',
      modules: [2],
      quizzes: [{ kind: 'final', shuffle: false, questions: [{ text: 'Mật khẩu mạnh là gì?' }] }],
    });
    const ids = [built.course.id, built.lessons[0].id, built.quizzes[0].quiz.id] as const;
    const myAnswers = await learn(myToken, ...ids);
    await learn(theirToken, ...ids);
    const myCert = await issuedCertificate(t, {
      holder: me,
      issuer: a1,
      dateOfBirth: '1991-07-15',
    });
    const theirCert = await issuedCertificate(t, { holder: neighbour, issuer: a1 });
    await t.http
      .post('/api/users')
      .set('Authorization', myToken)
      .send({
        username: `xd.${randomSuffix()}`,
        password: 'Mot-mat-khau-dai-1',
        fullName: 'Người Được Tạo',
        orgUnitId: a1.id,
        dxRole: 'none',
      })
      .expect(201);

    const res = await t.http.get('/api/me/data-export').set('Authorization', myToken).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="dx-academy-${me.username}-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.body as PersonalDataExport;

    expect(data.profile).toMatchObject({
      id: me.id,
      username: me.username,
      fullName: 'Trương Thị Xuất Dữ Liệu',
      nationalId,
      roles: ['learner', 'hr'],
      orgUnit: { id: a1.id, code: a1.code, name: a1.name },
    });
    expect(data.memberships).toEqual([
      expect.objectContaining({ orgUnitId: a1.id, validTo: null }),
    ]);
    expect(data.enrollments).toEqual([
      expect.objectContaining({
        courseId: built.course.id,
        courseTitle: 'An toàn thông tin cơ bản',
        progress: expect.any(Number),
        lessonCompletions: [
          expect.objectContaining({ lessonId: built.lessons[0].id, lessonTitle: 'Bài 1.1' }),
        ],
      }),
    ]);
    expect(data.quizAttempts).toEqual([
      expect.objectContaining({
        quizId: built.quizzes[0].quiz.id,
        status: 'submitted',
        score: expect.any(Number),
        answers: [
          {
            questionId: myAnswers[0].questionId,
            questionText: 'Mật khẩu mạnh là gì?',
            optionIds: myAnswers[0].optionIds,
            optionTexts: [expect.any(String)],
          },
        ],
      }),
    ]);
    expect(data.certificates).toEqual([
      expect.objectContaining({
        id: myCert.id,
        serial: myCert.serial,
        dateOfBirth: '1991-07-15',
        // The QR's link carries the private verification code (`?c=`).
        verifyUrl: `${t.config.publicBaseUrl}/verify/${myCert.serial}?c=${myCert.verifyCode}`,
        pdfUrl: `${t.config.publicBaseUrl}/api/certificates/${myCert.id}/pdf`,
      }),
    ]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.auditEntries).toEqual([
      expect.objectContaining({ action: 'user.created', actorId: me.id }),
    ]);

    const text = JSON.stringify(data);
    for (const foreign of [
      neighbour.id,
      neighbour.username,
      'Mai Văn Hàng Xóm',
      theirCert.id,
      theirCert.serial as string,
    ]) {
      expect(text).not.toContain(foreign);
    }
    // Never secrets, nor which answers were right.
    expect(text).not.toMatch(/argon2|passwordHash|tokenHash|"correct"/);
  });

  it('needs a signed-in caller', async () => {
    await t.http.get('/api/me/data-export').expect(401);
  });
});
