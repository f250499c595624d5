import type { AttemptQuestion, QuestionType } from '@dx/contracts';
import { Client } from 'pg';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { enrol } from './quiz-attempts.fixtures';

/** Learners per quiz: the first WARM_UP warm the JIT and the pool, the rest are measured. */
const LEARNERS = 16;
const WARM_UP = 4;
const POOL = 30;
const DRAWN = 10;

/** Every type, matching with pairs, numeric with a tolerance, images on choice options. */
const MIXED: QuestionType[] = [
  'single',
  'multiple',
  'true_false',
  'matching',
  'ordering',
  'short_answer',
  'numeric',
];

/** One question's option rows (text, correct, match, tolerance, image) by type. */
function optionRows(type: QuestionType, n: number): unknown[][] {
  const image = `question-images/${n.toString(16).padStart(32, '0')}.png`;
  switch (type) {
    case 'single':
    case 'multiple':
      return [1, 2, 3, 4].map((o) => [
        `Phương án ${o}`,
        type === 'single' ? o === 1 : o <= 2,
        null,
        null,
        o === 1 ? image : null,
      ]);
    case 'true_false':
      return [
        ['Đúng', true, null, null, null],
        ['Sai', false, null, null, null],
      ];
    case 'matching':
      return [1, 2, 3].map((o) => [`Nền tảng ${o}`, true, `Công dụng ${o}`, null, null]);
    case 'ordering':
      return [1, 2, 3, 4].map((o) => [`Bước ${o}`, true, null, null, null]);
    case 'short_answer':
      return [
        ['Bộ Khoa học và Công nghệ', true, null, null, null],
        ['Bộ KH&CN', true, null, null, null],
      ];
    default:
      return [['80', true, null, 0.5, null]];
  }
}

/**
 * A wrong answer to a shown question, so that both quizzes take the same path (failed, no
 * completion) and only the grading of the types differs.
 */
function wrongAnswer(q: AttemptQuestion) {
  const byText = [...q.options].sort((a, b) => b.text.localeCompare(a.text));
  const ids = byText.map((o) => o.id);
  switch (q.type) {
    case 'matching': {
      // "Nền tảng k" paired with "Công dụng k+1": every pair wrong.
      const matches = byText.map((o) => `Công dụng ${(Number(o.text.slice(-1)) % 3) + 1}`);
      return { questionId: q.id, optionIds: ids, matches };
    }
    case 'ordering':
      return { questionId: q.id, optionIds: ids }; // "Bước 4" first
    case 'short_answer':
      return { questionId: q.id, optionIds: [], text: 'Bộ Nội vụ' };
    case 'numeric':
      return { questionId: q.id, optionIds: [], text: '79' };
    default:
      return { questionId: q.id, optionIds: ids.slice(0, 1) }; // "Sai" or "Phương án 4"
  }
}

/**
 * Quiz start and submit with the new question types cost what they cost with single choice
 * only (issue #16, "Performance"): two finals drawing 10 of a 30-question bank category, as
 * in `npm run bench`, taken by turns in the same run. Queries are counted at the driver;
 * CPU is the whole process's (API and test client alike) per call, so only the ratio speaks.
 */
describe('cost of quiz start and submit by question type', () => {
  let t: TestApp;
  let queries = 0;
  const realQuery = Client.prototype.query;
  beforeAll(async () => {
    t = await createTestApp();
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      queries++;
      return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof Client.prototype.query;
  });
  afterAll(async () => {
    Client.prototype.query = realQuery;
    await t.close();
  });

  async function finalQuiz(types: QuestionType[]) {
    const unit = await t.make.unit(null, `Sở thử chi phí ${types.length}`);
    const built = await buildCourse(t.db, {
      owner: unit,
      quizzes: [{ kind: 'final', maxAttempts: null, questions: [] }],
    });
    const quizId = built.quizzes[0].quiz.id;
    const [{ id: bankId }] = await t.db.query(
      `INSERT INTO question_bank (owner_org_unit_id, title) VALUES ($1, 'Ngân hàng') RETURNING id`,
      [unit.id],
    );
    const [{ id: categoryId }] = await t.db.query(
      `INSERT INTO question_category (bank_id, name) VALUES ($1, 'Chương 1') RETURNING id`,
      [bankId],
    );
    for (let n = 1; n <= POOL; n++) {
      const type = types[n % types.length];
      const [{ id }] = await t.db.query(
        `INSERT INTO question (bank_id, category_id, key, position, type, text, explanation, ignore_diacritics)
         VALUES ($1, $2, gen_random_uuid(), $3, $4, $5, 'Giải thích', true) RETURNING id`,
        [bankId, categoryId, n, type, `Câu ${n} (${type})?`],
      );
      for (const [i, [text, correct, match, tolerance, image]] of optionRows(type, n).entries()) {
        await t.db.query(
          `INSERT INTO question_option (question_id, position, text, correct, match, tolerance, image_key, image_alt)
           VALUES ($1, $2, $3, $4, $5, $6, $7::varchar, CASE WHEN $7::varchar IS NULL THEN NULL ELSE 'Hình' END)`,
          [id, i + 1, text, correct, match, tolerance, image],
        );
      }
    }
    await t.db.query(
      'INSERT INTO quiz_draw_rule (quiz_id, category_id, count) VALUES ($1, $2, $3)',
      [quizId, categoryId, DRAWN],
    );
    const auths: string[] = [];
    for (let i = 0; i < LEARNERS; i++) {
      const user = await t.make.user(unit);
      await enrol(t, user, built);
      auths.push(await t.tokenFor(user.username));
    }
    return { quizId, auths, starts: [] as Sample[], submits: [] as Sample[] };
  }

  type Sample = { queries: number; cpuMs: number };
  async function measured<T>(into: Sample[], call: () => Promise<T>): Promise<T> {
    const q0 = queries;
    const c0 = process.cpuUsage();
    const result = await call();
    const c = process.cpuUsage(c0);
    into.push({ queries: queries - q0, cpuMs: (c.user + c.system) / 1000 });
    return result;
  }

  const perCall = (samples: Sample[]) => {
    const kept = samples.slice(WARM_UP);
    const cpu = kept.map((s) => s.cpuMs).sort((a, b) => a - b);
    return {
      queries: Math.max(...kept.map((s) => s.queries)),
      cpuMedianMs: cpu[Math.floor(cpu.length / 2)],
    };
  };

  it('issues no more queries and spends about the same CPU per start and submit', async () => {
    const single = await finalQuiz(['single']);
    const mixed = await finalQuiz(MIXED);
    for (let i = 0; i < LEARNERS; i++) {
      // By turns, so the machine's load falls on both alike.
      for (const quiz of [single, mixed]) {
        const started = await measured(quiz.starts, () =>
          t.http
            .post(`/api/quizzes/${quiz.quizId}/attempts`)
            .set('Authorization', quiz.auths[i])
            .expect(201),
        );
        const questions = started.body.questions as AttemptQuestion[];
        expect(questions).toHaveLength(DRAWN);
        const submitted = await measured(quiz.submits, () =>
          t.http
            .post(`/api/attempts/${started.body.attemptId}/submit`)
            .set('Authorization', quiz.auths[i])
            .send({ answers: questions.map(wrongAnswer) })
            .expect(200),
        );
        expect(submitted.body.correctCount).toBe(0);
      }
    }
    const drawnTypes = new Set(
      (
        await t.db.query(
          `SELECT DISTINCT x.type FROM quiz_attempt a, jsonb_array_elements(a.drawn) d
             JOIN question x ON x.id = (d->>'questionId')::uuid WHERE a.quiz_id = $1`,
          [mixed.quizId],
        )
      ).map((r: { type: string }) => r.type),
    );
    expect([...drawnTypes].sort()).toEqual([...MIXED].sort());

    const figures = {
      start: { single: perCall(single.starts), mixed: perCall(mixed.starts) },
      submit: { single: perCall(single.submits), mixed: perCall(mixed.submits) },
    };
    console.log(`question-types cost per call: ${JSON.stringify(figures)}`);
    for (const call of [figures.start, figures.submit]) {
      expect(call.mixed.queries).toBeLessThanOrEqual(call.single.queries);
      // Generous: CPU here includes the test client and moves ±30% with the machine's load;
      // a query per option or a quadratic grading loop would show as several times as much.
      expect(call.mixed.cpuMedianMs).toBeLessThan(call.single.cpuMedianMs * 2 + 1);
    }
  }, 180_000);
});
