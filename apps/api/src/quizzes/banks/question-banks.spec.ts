import { authorCourse } from '../../courses/courses.fixtures';
import { createTestApp, TestApp } from '../../test/test-app';
import { FIRST_COLUMNS, questionSheet, uploadQuestionFile } from '../question-import.fixtures';

const HEADER = [...FIRST_COLUMNS, 'correct', 'category', 'tags'];

/** 20 questions in "Chương 1" and 10 in "Chương 2", the option numbered `right` correct. */
function bankRows(textSuffix = ''): (string | number)[][] {
  return Array.from({ length: 30 }, (_, i) => [
    `NH-${i + 1}`,
    'single',
    `Câu ${i + 1}: dịch vụ công trực tuyến mức ${i + 1}?${textSuffix}`,
    `Phương án A${i}`,
    `Phương án B${i}`,
    `Phương án C${i}`,
    String((i % 3) + 1),
    i < 20 ? 'Chương 1' : 'Chương 2',
    'dịch vụ công, chính phủ số',
  ]);
}

const xlsx = (rows: (string | number)[][]) => questionSheet(HEADER, rows);

describe('question banks, versioned questions and category draws', () => {
  let t: TestApp;
  let trainer: string;
  let outsider: string;
  let learner: string;
  let bankId: string;
  let cat1: string;
  let cat2: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { a, b } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    outsider = await t.tokenFor((await t.make.user(b, { roles: ['trainer'] })).username);
    learner = await t.tokenFor((await t.make.user(a, { fullName: 'Lò Thị Mai' })).username);
    const created = await t.http
      .post('/api/question-banks')
      .set('Authorization', trainer)
      .send({ title: 'Ngân hàng Chính phủ số' })
      .expect(201);
    bankId = created.body.id;
  }, 60_000);
  afterAll(() => t.close());

  const as = (token: string) => ({
    get: (url: string) => t.http.get(url).set('Authorization', token),
    put: (url: string, body: object) => t.http.put(url).set('Authorization', token).send(body),
    post: (url: string, body: object = {}) =>
      t.http.post(url).set('Authorization', token).send(body),
  });
  const importBank = (file: Buffer, query = '', filename = 'ngan-hang.xlsx') =>
    uploadQuestionFile(t, trainer, `/api/question-banks/${bankId}/import${query}`, file, filename);

  it('imports an XLSX into categories it creates; the same file again changes nothing', async () => {
    const file = await xlsx(bankRows());
    await importBank(file).expect(200, { created: 30, updated: 0, unchanged: 0 });
    await importBank(file).expect(200, { created: 0, updated: 0, unchanged: 30 });
    const bank = (await as(trainer).get(`/api/question-banks/${bankId}`).expect(200)).body;
    expect(
      bank.categories.map((c: { name: string; questions: number }) => [c.name, c.questions]),
    ).toEqual([
      ['Chương 1', 20],
      ['Chương 2', 10],
    ]);
    cat1 = bank.categories[0].id;
    cat2 = bank.categories[1].id;
    expect(bank.questions).toHaveLength(30);
    expect(bank.questions[0]).toMatchObject({ version: 1, tags: ['dịch vụ công', 'chính phủ số'] });
    const list = (await as(trainer).get('/api/question-banks').expect(200)).body;
    expect(list).toContainEqual(
      expect.objectContaining({ id: bankId, categories: 2, questions: 30 }),
    );
  });

  it('is invisible outside the owner unit’s scope', async () => {
    await as(outsider).get(`/api/question-banks/${bankId}`).expect(404);
    const list = (await as(outsider).get('/api/question-banks').expect(200)).body;
    expect(list.map((b: { id: string }) => b.id)).not.toContain(bankId);
    await as(outsider).post(`/api/question-banks/${bankId}/categories`, { name: 'Lạ' }).expect(404);
  });

  it('refuses rows with no category (none chosen for the import) and writes nothing', async () => {
    const rows = bankRows()
      .slice(0, 2)
      .map((r) => [...r.slice(0, 7), '', '']);
    rows[0][0] = 'MOI-1';
    rows[1][0] = 'MOI-2';
    const res = await importBank(await xlsx(rows)).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.2.category',
      'rows.3.category',
    ]);
    await importBank(await xlsx(rows), `?categoryId=${cat2}`).expect(200, {
      created: 2,
      updated: 0,
      unchanged: 0,
    });
    const bank = (await as(trainer).get(`/api/question-banks/${bankId}`).expect(200)).body;
    const ids = bank.questions.filter((q: { externalId: string }) =>
      q.externalId.startsWith('MOI'),
    );
    expect(ids).toHaveLength(2);
    // Retired again, so the category holds its 10 questions for the draws below.
    for (const q of ids)
      await t.http.delete(`/api/bank-questions/${q.id}`).set('Authorization', trainer).expect(204);
  });

  it('a final draws 10 of 32: publish refuses a category drawn beyond what it holds, naming it', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const rules = `/api/quizzes/${course.quizId}/draw-rules`;
    await as(trainer)
      .put(rules, { rules: [{ categoryId: cat2, count: 11 }] })
      .expect(200);
    const refused = await as(trainer).post(`/api/courses/${course.id}/publish`).expect(400);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({
        code: 'publish_draw_exceeds_category',
        params: expect.objectContaining({ category: 'Chương 2', count: 11, available: 10 }),
      }),
    );
    // 2 own + 15 drawn = 17 per attempt from a pool of 32: below twice → refused.
    await as(trainer)
      .put(rules, {
        rules: [
          { categoryId: cat1, count: 10 },
          { categoryId: cat2, count: 5 },
        ],
      })
      .expect(200);
    const small = await as(trainer).post(`/api/courses/${course.id}/publish`).expect(400);
    expect(small.body.errors).toContainEqual(
      expect.objectContaining({
        code: 'publish_final_pool_too_small',
        params: expect.objectContaining({ pool: 32, perAttempt: 17 }),
      }),
    );
    const saved = await as(trainer)
      .put(rules, {
        rules: [
          { categoryId: cat1, count: 6 },
          { categoryId: cat2, count: 2 },
        ],
      })
      .expect(200);
    expect(saved.body).toEqual([
      expect.objectContaining({ categoryName: 'Chương 1', count: 6, available: 20, bankId }),
      expect.objectContaining({ categoryName: 'Chương 2', count: 2, available: 10 }),
    ]);
    await as(trainer).post(`/api/courses/${course.id}/publish`).expect(200);

    // The learner's attempt: 2 own questions + 6 + 2 from the categories, no answers in it.
    await as(learner).post(`/api/courses/${course.id}/enroll`).expect(201);
    const started = await as(learner).post(`/api/quizzes/${course.quizId}/attempts`).expect(201);
    expect(started.body.questions).toHaveLength(10);
    expect(JSON.stringify(started.body)).not.toMatch(/correct|explanation/);
    const drawnIds: string[] = started.body.questions.map((q: { id: string }) => q.id);
    const fromBank: { id: string; category_id: string }[] = await t.db.query(
      'SELECT id, category_id FROM question WHERE id = ANY ($1) AND bank_id IS NOT NULL',
      [drawnIds],
    );
    expect(fromBank.filter((q) => q.category_id === cat1)).toHaveLength(6);
    expect(fromBank.filter((q) => q.category_id === cat2)).toHaveLength(2);

    // A trainer edits a drawn bank question: a new version; the open attempt keeps the old.
    const edited = fromBank[0].id;
    const before = started.body.questions.find((q: { id: string }) => q.id === edited);
    const v2 = await as(trainer)
      .put(`/api/bank-questions/${edited}`, {
        categoryId: fromBank[0].category_id,
        type: 'single',
        text: 'Câu đã sửa: dịch vụ công trực tuyến toàn trình là gì?',
        options: [
          { text: 'Mới A', correct: false },
          { text: 'Mới B', correct: true },
        ],
      })
      .expect(200);
    expect(v2.body).toMatchObject({ version: 2 });
    expect(v2.body.id).not.toBe(edited);
    await as(trainer)
      .put(`/api/bank-questions/${edited}`, {
        categoryId: cat1,
        type: 'single',
        text: 'x',
        options: [
          { text: 'a', correct: true },
          { text: 'b', correct: false },
        ],
      })
      .expect(409);
    const resumed = await as(learner).post(`/api/quizzes/${course.quizId}/attempts`).expect(200);
    expect(resumed.body.questions.find((q: { id: string }) => q.id === edited)).toEqual(before);

    // Graded on the versions drawn: the right options of the old rows score 100.
    const keys: { question_id: string; id: string }[] = await t.db.query(
      'SELECT question_id, id FROM question_option WHERE question_id = ANY ($1) AND correct',
      [drawnIds],
    );
    const answers = drawnIds.map((id) => ({
      questionId: id,
      optionIds: keys.filter((k) => k.question_id === id).map((k) => k.id),
    }));
    const result = await as(learner)
      .post(`/api/attempts/${started.body.attemptId}/submit`, { answers })
      .expect(200);
    expect(result.body).toMatchObject({ score: 100, passed: true, total: 10 });

    // A new draft copies the rules with the quiz.
    await t.http
      .patch(`/api/courses/${course.id}`)
      .set('Authorization', trainer)
      .send({ title: 'Kỹ năng số (bản 2)' })
      .expect(200);
    const draft = (await as(trainer).get(`/api/courses/${course.id}/draft`).expect(200)).body;
    const copied = await as(trainer)
      .get(`/api/quizzes/${draft.quizzes[0].id}/draw-rules`)
      .expect(200);
    expect(copied.body.map((r: { count: number }) => r.count)).toEqual([6, 2]);
  }, 60_000);

  it('refuses a category of a bank outside the scope, and a category named twice', async () => {
    const course = await authorCourse(t, outsider, { publish: false });
    const res = await as(outsider)
      .put(`/api/quizzes/${course.quizId}/draw-rules`, { rules: [{ categoryId: cat1, count: 1 }] })
      .expect(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ field: 'rules.0.categoryId', code: 'category_not_visible' }),
    ]);
    const mine = await authorCourse(t, trainer, { publish: false });
    const twice = await as(trainer)
      .put(`/api/quizzes/${mine.quizId}/draw-rules`, {
        rules: [
          { categoryId: cat1, count: 1 },
          { categoryId: cat1, count: 2 },
        ],
      })
      .expect(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'rules.1.categoryId' })]);
    await as(outsider).get(`/api/quizzes/${mine.quizId}/draw-rules`).expect(404);
  });

  it('a GIFT file with $CATEGORY lines fills that category', async () => {
    const gift = [
      '$CATEGORY: $course$/top/Chương 3',
      '',
      '::G1:: Chữ ký số dùng để làm gì? {=Xác thực người ký ~Trang trí văn bản}',
      '',
      '::G2:: Dữ liệu mở được chia sẻ công khai. {T}',
    ].join('\n');
    const res = await importBank(Buffer.from(gift), '', 'cau-hoi.gift').expect(200);
    expect(res.body).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const bank = (await as(trainer).get(`/api/question-banks/${bankId}`).expect(200)).body;
    expect(bank.categories).toContainEqual(
      expect.objectContaining({ name: 'Chương 3', questions: 2 }),
    );
  });
});
