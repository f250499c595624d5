import { CourseEntity, QuestionEntity, QuestionOptionEntity, QuizEntity } from '@dx/db';
import { authorCourse } from '../courses/courses.fixtures';
import { columnsOf, ownColumns, Row, unfilledColumns } from '../test/copied-rows';
import { createTestApp, TestApp } from '../test/test-app';

/**
 * A new draft copies every column of its quizzes, questions and options: the copy reads the
 * columns from the entities, so one added later is carried over too. The source rows are
 * filled in every column (the spec refuses a column left null, so a new column must be given
 * a value here, and is then checked like the others).
 */
describe('draft copy of quizzes (copyQuizzesToVersion)', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const tree = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(tree.a, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  /** Columns that must stay null on a course quiz's question (it belongs to no bank). */
  const NULL_BY_RULE: Record<string, string[]> = { question: ['bank_id', 'category_id'] };

  const unfilled = (table: string, rows: Row[]) =>
    unfilledColumns(table, rows, NULL_BY_RULE[table]);

  it('keeps every column of quiz, question and question_option, with new ids and parents', async () => {
    const course = await authorCourse(t, trainer, { modules: [1, 1] });
    const { publishedVersionId: source } = await t.db
      .getRepository(CourseEntity)
      .findOneByOrFail({ id: course.id });
    // Every column away from its default, so a copy that dropped one would be seen.
    await t.db.query(
      `UPDATE quiz SET module_id = $2, passing_score = 77, time_limit_seconds = 600, max_attempts = 4,
                       questions_per_attempt = 1, shuffle = false, review_policy = 'never'
        WHERE id = $1`,
      [course.quizId, course.moduleIds[1]],
    );
    await t.db.query(
      `UPDATE question SET version = 3, retired_at = '2026-03-04T05:06:07Z', tags = '{an-toan,so-hoa}',
                           external_id = 'EXT-' || position, explanation = 'Vì sao: ' || position,
                           image_key = 'questions/' || position || '.png', image_alt = 'Hình ' || position,
                           ignore_case = false, ignore_diacritics = true
        WHERE quiz_id = $1`,
      [course.quizId],
    );
    await t.db.query(
      `UPDATE question_option SET match = 'Cặp ' || position, tolerance = 0.25 * position,
                                  image_key = 'options/' || position || '.png', image_alt = 'Lựa chọn ' || position
        WHERE question_id = ANY($1)`,
      [course.questionIds],
    );

    // Any edit opens the draft, which copies the published version's content.
    await t.http
      .patch(`/api/courses/${course.id}`)
      .set('Authorization', trainer)
      .send({ title: 'Bản nháp để chép' })
      .expect(200);
    const { draftVersionId: draft } = await t.db
      .getRepository(CourseEntity)
      .findOneByOrFail({ id: course.id });
    expect(draft).not.toBeNull();

    const quizzes = (version: string | null): Promise<Row[]> =>
      t.db.query('SELECT * FROM quiz WHERE course_version_id = $1 ORDER BY key', [version]);
    const questions = (quizIds: unknown[]): Promise<Row[]> =>
      t.db.query('SELECT * FROM question WHERE quiz_id = ANY($1) ORDER BY key', [quizIds]);
    const options = (questionIds: unknown[]): Promise<Row[]> =>
      t.db.query(
        `SELECT o.*, x.key AS question_key FROM question_option o JOIN question x ON x.id = o.question_id
          WHERE o.question_id = ANY($1) ORDER BY x.key, o.position`,
        [questionIds],
      );
    const [fromQuizzes, toQuizzes] = [await quizzes(source), await quizzes(draft)];
    const [fromQuestions, toQuestions] = [
      await questions(fromQuizzes.map((q) => q.id)),
      await questions(toQuizzes.map((q) => q.id)),
    ];
    const [fromOptions, toOptions] = [
      await options(fromQuestions.map((x) => x.id)),
      await options(toQuestions.map((x) => x.id)),
    ];

    // The spec sees every column the entities declare, each one filled in the source.
    expect(Object.keys(fromQuizzes[0]).sort()).toEqual(columnsOf(t.db, QuizEntity));
    expect(Object.keys(fromQuestions[0]).sort()).toEqual(columnsOf(t.db, QuestionEntity));
    expect(
      Object.keys(fromOptions[0])
        .filter((c) => c !== 'question_key')
        .sort(),
    ).toEqual(columnsOf(t.db, QuestionOptionEntity));
    expect([
      ...unfilled('quiz', fromQuizzes),
      ...unfilled('question', fromQuestions),
      ...unfilled('question_option', fromOptions),
    ]).toEqual([]);
    expect(fromQuestions).toHaveLength(2);
    expect(fromOptions.length).toBeGreaterThanOrEqual(4);

    // Same values, new ids; links point into the draft.
    const links = {
      quiz: ['course_version_id', 'module_id'],
      question: ['quiz_id'],
      option: ['question_id'],
    };
    expect(toQuizzes.map((r) => ownColumns(r, links.quiz))).toEqual(
      fromQuizzes.map((r) => ownColumns(r, links.quiz)),
    );
    expect(toQuestions.map((r) => ownColumns(r, links.question))).toEqual(
      fromQuestions.map((r) => ownColumns(r, links.question)),
    );
    expect(toOptions.map((r) => ownColumns(r, links.option))).toEqual(
      fromOptions.map((r) => ownColumns(r, links.option)),
    );
    const draftModules: Row[] = await t.db.query(
      `SELECT d.id FROM course_module s JOIN course_module d ON d.key = s.key AND d.course_version_id = $2
        WHERE s.id = $1`,
      [course.moduleIds[1], draft],
    );
    expect(toQuizzes[0]).toMatchObject({ course_version_id: draft, module_id: draftModules[0].id });
    expect(toQuizzes[0].id).not.toBe(fromQuizzes[0].id);
    const draftQuizIds = toQuizzes.map((q) => q.id);
    expect(toQuestions.every((x) => draftQuizIds.includes(x.quiz_id))).toBe(true);
    const draftQuestionIds = toQuestions.map((x) => x.id);
    expect(toOptions.every((o) => draftQuestionIds.includes(o.question_id))).toBe(true);
    expect(toOptions.some((o) => fromOptions.some((f) => f.id === o.id))).toBe(false);
  });
});
