import { createTestApp, TestApp } from '../test/test-app';
import { bankWithCategory } from './banks/question-banks.fixtures';
import { learnerOn, rightAnswers, startAttempt } from './quiz-attempts.fixtures';

import sharp from 'sharp';
import { GPS_MARKER, photoWithGps, TINY_PNG as PNG } from './question-images.fixtures';

/** The PNG signature and junk: recognised by its first bytes, refused when it does not decode. */
const FAKE_PNG = Buffer.concat([
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
      [FAKE_PNG, 'gia.png'],
    ] as const) {
      const res = await upload(body, name).expect(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'file_rejected' }),
      ]);
    }
    await upload(PNG, 'anh.png', learner).expect(403);
  });

  const stored = async (key: string) =>
    (
      await t.http
        .get(`/api/question-images/${key.split('/')[1]}`)
        .set('Authorization', trainer)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200)
    ).body as Buffer;

  it('re-encodes what it stores: EXIF and GPS gone, appended payloads dropped, at most 2000 px', async () => {
    const photo = await photoWithGps();
    expect(photo.includes(GPS_MARKER)).toBe(true);
    const clean = await stored((await upload(photo, 'anh.jpg').expect(201)).body.key);
    expect(clean.includes(GPS_MARKER)).toBe(false);
    const meta = await sharp(clean).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 60, height: 40 });
    expect(meta.exif).toBeUndefined();

    // A JPEG that is also an HTML page: the pixels are kept, the page is not.
    const polyglot = Buffer.concat([photo, Buffer.from('<html><script>alert(1)</script>')]);
    const kept = await stored((await upload(polyglot, 'anh.jpg').expect(201)).body.key);
    expect(kept.includes('<script>')).toBe(false);

    const big = await sharp({
      create: { width: 3000, height: 1500, channels: 3, background: '#fff' },
    })
      .webp()
      .toBuffer();
    const bounded = await sharp(
      await stored((await upload(big, 'lon.webp').expect(201)).body.key),
    ).metadata();
    expect(bounded).toMatchObject({ format: 'webp', width: 2000, height: 1000 });
  });

  it('a question needs alt text and an uploaded key; a learner sees and fetches the image safely', async () => {
    const key = (await upload(PNG, 'anh.png').expect(201)).body.key as string;
    const { bankId, categoryId } = await bankWithCategory(t, trainer, 'Ngân hàng ảnh');
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

  it('options carry images: authored through the draft, shown to the learner and in the review', async () => {
    const key = (await upload(PNG, 'a.png').expect(201)).body.key as string;
    const post = (url: string, body: object) =>
      t.http.post(url).set('Authorization', trainer).send(body);
    const courseId = (
      await post('/api/courses', { code: `IMG-${Date.now()}`, title: 'Ảnh trong đáp án', hours: 1 })
    ).body.id;
    const quizId = (
      await post(`/api/courses/${courseId}/quizzes`, { title: 'Ôn tập', kind: 'practice' }).expect(
        201,
      )
    ).body.id;
    const single = (image: object | null, type = 'single') => ({
      type,
      text: 'Biểu tượng nào là của VNeID?',
      options: [
        { text: 'Hình A', correct: true, image },
        { text: 'Hình B', correct: false },
      ],
    });
    const missing = key.replace(/[0-9a-f]{32}/, 'f'.repeat(32));
    const unknown = await post(
      `/api/quizzes/${quizId}/questions`,
      single({ key: missing, alt: 'A' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      field: 'options.0.image.key',
      code: 'file_rejected',
    });
    const noAlt = await post(`/api/quizzes/${quizId}/questions`, single({ key, alt: '' }));
    expect(noAlt.status).toBe(400);
    expect(noAlt.body.errors[0].field).toMatch(/^options\.0\.image\.alt$/);
    const typed = await post(
      `/api/quizzes/${quizId}/questions`,
      single({ key, alt: 'Hình A' }, 'short_answer'),
    );
    expect(typed.status).toBe(400);
    expect(typed.body.errors[0].message).toMatch(/carry no image/);
    await post(`/api/quizzes/${quizId}/questions`, single({ key, alt: 'Biểu tượng VNeID' })).expect(
      201,
    );
    const draft = (
      await t.http.get(`/api/courses/${courseId}/draft`).set('Authorization', trainer).expect(200)
    ).body;
    const options = draft.quizzes[0].questions[0].options;
    expect(options.map((o: { image: unknown }) => o.image)).toEqual([
      { key, alt: 'Biểu tượng VNeID' },
      null,
    ]);

    const l = await learnerOn(t, { kind: 'practice', questions: [{}] });
    await t.db.query(
      `UPDATE question_option SET image_key = $1, image_alt = 'Hình A'
        WHERE position = 1 AND question_id IN (SELECT id FROM question WHERE quiz_id = $2)`,
      [key, l.quizId],
    );
    const attempt = await startAttempt(t, l);
    // Options may be shuffled: exactly the first-authored one carries its image.
    const images = (q: { options: { image?: unknown }[] }) =>
      q.options.flatMap((o) => o.image ?? []);
    expect(images(attempt.questions[0])).toEqual([{ key, alt: 'Hình A' }]);
    expect(attempt.questions[0].options).toHaveLength(2);
    await t.http
      .post(`/api/attempts/${attempt.attemptId}/submit`)
      .set('Authorization', l.auth)
      .send({ answers: rightAnswers(l.built, attempt.questions) })
      .expect(200);
    const review = (
      await t.http
        .get(`/api/attempts/${attempt.attemptId}`)
        .set('Authorization', l.auth)
        .expect(200)
    ).body;
    expect(review.answersShown).toBe(true);
    expect(images(review.questions[0])).toEqual([{ key, alt: 'Hình A' }]);
  });
});
