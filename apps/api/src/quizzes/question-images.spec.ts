import { createTestApp, TestApp } from '../test/test-app';
import { learnerOn, startAttempt } from './quiz-attempts.fixtures';

/** The PNG signature and a little more: what is recognised is the content, never the name. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

describe('images in questions', () => {
  let t: TestApp;
  let trainer: string;
  let learner: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { a } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    learner = await t.tokenFor((await t.make.user(a)).username);
  });
  afterAll(() => t.close());

  const upload = (file: Buffer, name: string, token = trainer) =>
    t.http
      .post('/api/question-images')
      .set('Authorization', token)
      .attach('file', file, { filename: name });

  it('stores images recognised by content; anything else or over 1 MB is a 400 on file', async () => {
    const ok = await upload(PNG, 'so-do.txt').expect(201);
    expect(ok.body.key).toMatch(/^question-images\/[0-9a-f]{32}\.png$/);
    for (const [body, name] of [
      [Buffer.from('<svg onload="alert(1)"></svg>'), 'anh.png'],
      [Buffer.from('MZ\x90\x00'), 'anh.jpg'],
      [Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]), 'lon.png'],
    ] as const) {
      const res = await upload(body, name).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'file_rejected' }),
      ]);
    }
    await upload(PNG, 'anh.png', learner).expect(403);
  });

  it('a question needs alt text and an uploaded key; a learner sees and fetches the image safely', async () => {
    const key = (await upload(PNG, 'anh.png').expect(201)).body.key as string;
    const bankId = (
      await t.http
        .post('/api/question-banks')
        .set('Authorization', trainer)
        .send({ title: 'Ngân hàng ảnh' })
    ).body.id;
    const categoryId = (
      await t.http
        .post(`/api/question-banks/${bankId}/categories`)
        .set('Authorization', trainer)
        .send({ name: 'Chương 1' })
    ).body.id;
    const question = (image: object) => ({
      categoryId,
      type: 'true_false',
      text: 'Sơ đồ đúng quy trình?',
      options: [
        { text: 'Đúng', correct: true },
        { text: 'Sai', correct: false },
      ],
      image,
    });
    const post = (body: object) =>
      t.http
        .post(`/api/question-banks/${bankId}/questions`)
        .set('Authorization', trainer)
        .send(body);
    const noAlt = await post(question({ key, alt: ' ' })).expect(400);
    expect(noAlt.body.errors[0].field).toBe('image.alt');
    const unknown = await post(
      question({ key: key.replace(/[0-9a-f]{32}/, '0'.repeat(32)), alt: 'Sơ đồ' }),
    ).expect(400);
    expect(unknown.body.errors[0].field).toBe('image.key');
    await post(question({ key, alt: 'Sơ đồ quy trình nộp hồ sơ' })).expect(201);
    const bank = (
      await t.http.get(`/api/question-banks/${bankId}`).set('Authorization', trainer).expect(200)
    ).body;
    expect(bank.questions[0].image).toEqual({ key, alt: 'Sơ đồ quy trình nộp hồ sơ' });

    const l = await learnerOn(t, { kind: 'practice', questions: [{}] });
    await t.db.query(`UPDATE question SET image_key = $1, image_alt = 'Sơ đồ' WHERE quiz_id = $2`, [
      key,
      l.quizId,
    ]);
    const attempt = await startAttempt(t, l);
    expect(attempt.questions[0].image).toEqual({ key, alt: 'Sơ đồ' });
    const name = key.split('/')[1];
    const img = await t.http
      .get(`/api/question-images/${name}`)
      .set('Authorization', l.auth)
      .expect(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(img.headers['x-content-type-options']).toBe('nosniff');
    expect(img.headers['content-security-policy']).toMatch(/default-src 'none'/);
    await t.http.get(`/api/question-images/${name}`).expect(401);
    for (const bad of ['0'.repeat(32) + '.png', '..%2F..%2Fetc%2Fpasswd', `${name}.svg`]) {
      await t.http.get(`/api/question-images/${bad}`).set('Authorization', l.auth).expect(404);
    }
  });
});
