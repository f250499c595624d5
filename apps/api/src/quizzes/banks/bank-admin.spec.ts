import { Workbook } from 'exceljs';
import { buildCourse } from '../../test/course-factory';
import { createTestApp, TestApp } from '../../test/test-app';
import { uploadQuestionFile } from '../question-import.fixtures';
import { NEW_TYPE_QUESTIONS } from '../question-types.fixtures';
import { bankWithCategory, bankWithQuestion } from './question-banks.fixtures';

describe('renaming, deleting and exporting question banks and categories', () => {
  let t: TestApp;
  let trainer: string;
  let outsider: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { a, b } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    outsider = await t.tokenFor((await t.make.user(b, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('Authorization', token),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', token).send(body),
    patch: (url: string, body: object) => t.http.patch(url).set('Authorization', token).send(body),
    delete: (url: string) => t.http.delete(url).set('Authorization', token),
  });

  it('renames a bank and a category; a name the bank already has is a 400 on the field', async () => {
    const { bankId, categoryId } = await bankWithCategory(t, trainer);
    await as(trainer).post(`/api/question-banks/${bankId}/categories`, { name: 'Chương 2' });
    await as(trainer)
      .patch(`/api/question-banks/${bankId}`, { title: 'Ngân hàng 2026' })
      .expect(204);
    await as(trainer)
      .patch(`/api/question-categories/${categoryId}`, { name: 'Chương mở đầu' })
      .expect(204);
    const bank = (await as(trainer).get(`/api/question-banks/${bankId}`).expect(200)).body;
    expect(bank.title).toBe('Ngân hàng 2026');
    expect(bank.categories.map((c: { name: string }) => c.name)).toEqual([
      'Chương 2',
      'Chương mở đầu',
    ]);
    const taken = await as(trainer)
      .patch(`/api/question-categories/${categoryId}`, { name: 'Chương 2' })
      .expect(400);
    expect(taken.body.errors).toEqual([
      expect.objectContaining({ field: 'name', code: 'already_used' }),
    ]);
    // Another province's trainer learns nothing: 404, and nothing changes.
    await as(outsider).patch(`/api/question-banks/${bankId}`, { title: 'Của tôi' }).expect(404);
    await as(outsider).delete(`/api/question-categories/${categoryId}`).expect(404);
  });

  it('refuses to delete while a draw rule or a question uses it, with a code and the counts', async () => {
    const {
      bankId,
      categoryId,
      question: q,
    } = await bankWithQuestion(t, trainer, NEW_TYPE_QUESTIONS[0]);
    const inUse = await as(trainer).delete(`/api/question-categories/${categoryId}`).expect(409);
    expect(inUse.body).toMatchObject({
      code: 'question_category_in_use',
      params: { drawRules: 0, questions: 1 },
    });
    await as(trainer).delete(`/api/bank-questions/${q.id}`).expect(204);

    // A draw rule of a course (any version) keeps the category.
    const { a } = await t.make.twoProvinces();
    const built = await buildCourse(t.db, { owner: a, quizzes: [{ kind: 'final' }] });
    await t.db.query(
      'INSERT INTO quiz_draw_rule (quiz_id, category_id, count) VALUES ($1, $2, 1)',
      [built.quizzes[0].quiz.id, categoryId],
    );
    const ruled = await as(trainer).delete(`/api/question-banks/${bankId}`).expect(409);
    expect(ruled.body).toMatchObject({
      code: 'question_bank_in_use',
      params: { drawRules: 1, questions: 0 },
    });
    await t.db.query('DELETE FROM quiz_draw_rule WHERE category_id = $1', [categoryId]);

    // Unused now: the retired version goes with the category, then the bank goes.
    await as(trainer).delete(`/api/question-categories/${categoryId}`).expect(204);
    await as(trainer).delete(`/api/question-banks/${bankId}`).expect(204);
    await as(trainer).get(`/api/question-banks/${bankId}`).expect(404);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM question WHERE id = $1', [
      q.id,
    ]);
    expect(n).toBe(0);
  });

  it('keeps earlier versions that an attempt drew: 409 question_history_kept', async () => {
    const { bankId, question: q } = await bankWithQuestion(t, trainer, NEW_TYPE_QUESTIONS[1]);
    const { a } = await t.make.twoProvinces();
    const learner = await t.make.user(a);
    const built = await buildCourse(t.db, { owner: a, quizzes: [{ kind: 'practice' }] });
    await t.db.query(
      `INSERT INTO quiz_attempt (user_id, quiz_id, number, status, drawn)
       VALUES ($1, $2, 1, 'submitted', $3::jsonb)`,
      [learner.id, built.quizzes[0].quiz.id, JSON.stringify([{ questionId: q.id, optionIds: [] }])],
    );
    await as(trainer).delete(`/api/bank-questions/${q.id}`).expect(204);
    const kept = await as(trainer).delete(`/api/question-banks/${bankId}`).expect(409);
    expect(kept.body).toMatchObject({ code: 'question_history_kept', params: { versions: 1 } });
  });

  it('exports the current questions as the import template: imported into a new bank, the export is the same', async () => {
    const { bankId, categoryId } = await bankWithCategory(t, trainer, 'Ngân hàng nguồn');
    const single = {
      type: 'single',
      text: 'Ngày Chuyển đổi số quốc gia?',
      options: [
        { text: '10/10', correct: true },
        { text: '2/9', correct: false },
      ],
      explanation: 'Ngày 10/10 hằng năm.',
      tags: ['ngày lễ'],
    };
    for (const q of [single, ...NEW_TYPE_QUESTIONS]) {
      await as(trainer)
        .post(`/api/question-banks/${bankId}/questions`, { ...q, categoryId })
        .expect(201);
    }
    const exported = await as(trainer)
      .get(`/api/question-banks/${bankId}/export`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(exported.headers['content-type']).toMatch(/spreadsheetml/);
    const copy = (await as(trainer).post('/api/question-banks', { title: 'Bản sao' })).body.id;
    await uploadQuestionFile(
      t,
      trainer,
      `/api/question-banks/${copy}/import`,
      exported.body,
      'ngan-hang.xlsx',
    ).expect(200, { created: 5, updated: 0, unchanged: 0 });
    const content = async (id: string) =>
      (await as(trainer).get(`/api/question-banks/${id}`).expect(200)).body.questions.map(
        ({
          type,
          text,
          explanation,
          tags,
          ignoreCase,
          ignoreDiacritics,
          options,
        }: Record<string, unknown>) => ({
          type,
          text,
          explanation,
          tags,
          ignoreCase,
          ignoreDiacritics,
          options: (options as Record<string, unknown>[]).map(({ id: _id, ...o }) => o),
        }),
      );
    expect(await content(copy)).toEqual(await content(bankId));
    const sheet = new Workbook();
    await sheet.xlsx.load(exported.body);
    expect(sheet.worksheets[0].getRow(1).getCell(1).value).toBe('externalId');
    await as(outsider).get(`/api/question-banks/${bankId}/export`).expect(404);

    // GIFT: the ordering question and the diacritic-insensitive short answer are left out, named.
    const gift = await as(trainer)
      .get(`/api/question-banks/${bankId}/export?format=gift`)
      .expect(200);
    expect(gift.headers['content-type']).toMatch(/^text\/plain/);
    expect(gift.text).toMatch(/3 câu; 2 câu không xuất được dạng GIFT/);
    const giftCopy = (await as(trainer).post('/api/question-banks', { title: 'Bản GIFT' })).body.id;
    await uploadQuestionFile(
      t,
      trainer,
      `/api/question-banks/${giftCopy}/import`,
      Buffer.from(gift.text, 'utf8'),
      'ngan-hang.gift.txt',
    ).expect(200, { created: 3, updated: 0, unchanged: 0 });
    const expressible = (await content(bankId)).filter(
      (q: { type: string }) => !['ordering', 'short_answer'].includes(q.type),
    );
    expect(await content(giftCopy)).toEqual(expressible);
    await as(trainer).get(`/api/question-banks/${bankId}/export?format=pdf`).expect(400);
  });
});
