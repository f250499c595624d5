import { foldForSearch, QUESTION_TYPES } from '@dx/contracts';
import {
  catalogQuery,
  CourseEntity,
  CourseVersionEntity,
  OrgUnitEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizDrawRuleEntity,
  QuizEntity,
  toPrefixTsQuery,
} from '@dx/db';
import { DataSource, In } from 'typeorm';
import { optionRuleError } from '../courses/dto/question.dto';
import { publishProblems } from '../courses/publish-check';
import { createTestApp, TestApp } from '../test/test-app';
import { quizPoolCheck } from '../quizzes/final-pool-check';
import { DEMO_BANK_TITLE, DEMO_COURSES, DEMO_FINAL_DRAW, seedDemoCourses } from './demo-courses';
import { DEMO_TRAINING_INSTITUTION } from './demo-org-units.data';

describe('demo courses', () => {
  let t: TestApp;
  let db: DataSource;
  let units: Map<string, OrgUnitEntity>;
  let root: OrgUnitEntity;
  let hanoi: OrgUnitEntity;
  let institution: OrgUnitEntity;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.db;
    const tree = await t.make.twoProvinces();
    root = tree.root;
    hanoi = tree.a;
    institution = await t.make.unit(root, 'Trường bồi dưỡng thử nghiệm');
    units = new Map([
      ['VN', root],
      ['HN', hanoi],
      [DEMO_TRAINING_INSTITUTION, institution],
    ]);
  });
  afterAll(() => t.close());

  it('are publishable courses with well-formed quizzes, rolled back afterwards', async () => {
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      const tx = runner.manager;
      const seeded = await seedDemoCourses(tx, { units, users: new Map() });
      expect([...seeded.keys()]).toEqual(DEMO_COURSES.map((c) => c.code));
      const ids = [...seeded.values()].map((c) => c.courseId);
      const courses = await tx.findBy(CourseEntity, { id: In(ids) });
      expect(courses.filter((c) => c.ownerOrgUnitId === hanoi.id)).toHaveLength(1);
      // National courses: the root's (every learner sees them), issued by a training institution.
      const national = courses.filter((c) => c.ownerOrgUnitId === root.id);
      expect(national).toHaveLength(4);
      expect(national.map((c) => c.issuerOrgUnitId)).toEqual(national.map(() => institution.id));

      for (const course of courses) {
        expect(course.status).toBe('published');
        const version = await tx.findOneByOrFail(CourseVersionEntity, {
          id: String(course.publishedVersionId),
        });
        // The hours a completion credits are the lessons' time (1 h = 60 min), as stored.
        const [{ minutes }] = await tx.query(
          `SELECT sum(duration_minutes)::int AS minutes FROM lesson WHERE course_version_id = $1`,
          [version.id],
        );
        expect({ code: course.code, hours: version.hours }).toEqual({
          code: course.code,
          hours: minutes / 60,
        });
        expect(version.hours).toBeGreaterThanOrEqual(1);
        expect(version.searchText).toBe(
          foldForSearch(`${course.code} ${version.title} ${version.description}`),
        );
        expect(await publishProblems(tx, version.id)).toEqual([]);

        const [shape] = await tx.query(
          `SELECT count(DISTINCT m.id)::int AS modules, min(n.lessons)::int AS "minLessons", max(n.lessons)::int AS "maxLessons"
             FROM course_module m
             JOIN LATERAL (SELECT count(*) AS lessons FROM lesson l WHERE l.module_id = m.id) n ON true
            WHERE m.course_version_id = $1`,
          [version.id],
        );
        expect(shape.modules).toBeGreaterThanOrEqual(2);
        expect(shape.modules).toBeLessThanOrEqual(3);
        expect(shape.minLessons).toBeGreaterThanOrEqual(2);
        expect(shape.maxLessons).toBeLessThanOrEqual(3);

        const quizzes = await tx.findBy(QuizEntity, { courseVersionId: version.id });
        const finals = quizzes.filter((q) => q.kind === 'final');
        expect(finals).toHaveLength(1);
        // Finals draw from the bank, the pool at least three times a draw (no warning).
        expect((await quizPoolCheck(tx, version.id)).warnings).toEqual([]);
        for (const quiz of quizzes) {
          const rules = await tx.findBy(QuizDrawRuleEntity, { quizId: quiz.id });
          const own = await tx.findBy(QuestionEntity, { quizId: quiz.id });
          const drawable = rules.length
            ? await tx.findBy(QuestionEntity, { categoryId: In(rules.map((r) => r.categoryId)) })
            : [];
          if (quiz.kind === 'final') {
            // A final certifies: attempts draw from a pool at least twice as large (an attempt
            // cannot be copied from the last), answers show only once passed.
            expect(rules.map((r) => r.count).sort()).toEqual([
              DEMO_FINAL_DRAW.common,
              DEMO_FINAL_DRAW.own,
            ]);
            expect(own).toEqual([]);
            expect(quiz.maxAttempts).not.toBeNull();
            expect(quiz.reviewPolicy).toBe('after_passing');
          } else {
            expect(quiz.reviewPolicy).toBe('immediately');
          }
          for (const question of [...own, ...drawable]) {
            expect(question.explanation).toBeTruthy();
            const options = await tx.findBy(QuestionOptionEntity, { questionId: question.id });
            expect({
              question: question.text,
              error: optionRuleError(question.type, options),
            }).toEqual({
              question: question.text,
              error: null,
            });
          }
        }
      }
      expect(DEMO_COURSES.some((c) => c.modules.some((m) => m.practice))).toBe(true);
      // The pacing options show on at least one course: lessons in order, minimum times.
      const [paced] = await tx.query(
        `SELECT count(DISTINCT v.id) FILTER (WHERE v.sequential_lessons)::int AS sequential,
                count(DISTINCT v.id) FILTER (WHERE l.min_seconds > 0)::int AS timed
           FROM course_version v JOIN lesson l ON l.course_version_id = v.id
          WHERE v.course_id = ANY($1)`,
        [ids],
      );
      expect(paced.sequential).toBeGreaterThanOrEqual(1);
      expect(paced.timed).toBeGreaterThanOrEqual(1);
      // A new installation shows every question type, in practice quizzes and in finals' pool.
      const types: { type: string; practice: boolean; bank: boolean }[] = await tx.query(
        `SELECT type, bool_or(quiz_id IS NOT NULL) AS practice, bool_or(bank_id IS NOT NULL) AS bank
           FROM question x
          WHERE x.quiz_id IN (SELECT q.id FROM quiz q JOIN course_version v ON v.id = q.course_version_id
                               WHERE v.course_id = ANY($1))
             OR x.bank_id IN (SELECT id FROM question_bank WHERE title = $2)
          GROUP BY type ORDER BY type`,
        [ids, DEMO_BANK_TITLE],
      );
      expect(types).toEqual(
        [...QUESTION_TYPES].sort().map((type) => ({ type, practice: true, bank: true })),
      );

      // A learner of the province finds them in the catalog, diacritics or not.
      const search = catalogQuery({
        lineage: [root.id, hanoi.id],
        tsquery: toPrefixTsQuery('chuyen doi so'),
        limit: 20,
        offset: 0,
      });
      const found: { code: string }[] = await tx.query(search.sql, search.params);
      expect(found.map((r) => r.code)).toEqual(['CDS-CB-01']);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
