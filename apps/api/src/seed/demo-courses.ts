import type { EntityManager } from 'typeorm';
import { DemoCourseVersion, insertDemoCourses } from '../courses/demo/demo-courses';
import { insertDemoQuizzes } from '../quizzes/demo/demo-quizzes';
import { AN_TOAN_THONG_TIN } from './demo-courses/an-toan-thong-tin.data';
import { CHINH_PHU_SO } from './demo-courses/chinh-phu-so.data';
import { CHUYEN_DOI_SO_CO_BAN } from './demo-courses/chuyen-doi-so-co-ban.data';
import type { DemoCourse } from './demo-courses/demo-course.types';
import { DU_LIEU_SO } from './demo-courses/du-lieu-so.data';
import { KY_NANG_SO } from './demo-courses/ky-nang-so.data';
import type { DemoSeedContext } from './demo-seed.step';

export const DEMO_COURSES: readonly DemoCourse[] = [
  CHUYEN_DOI_SO_CO_BAN,
  CHINH_PHU_SO,
  DU_LIEU_SO,
  AN_TOAN_THONG_TIN,
  KY_NANG_SO,
];

export const DEMO_BANK_TITLE = 'Ngân hàng câu hỏi bồi dưỡng chuyển đổi số';
export const DEMO_COMMON_CATEGORY = 'Kiến thức chung (câu hỏi ôn tập)';
/** Each final draws this many from its course's category and from the common one. */
export const DEMO_FINAL_DRAW = { own: 3, common: 2 } as const;

/**
 * The demo catalog: five published courses (version 1) with modules, markdown lessons, a
 * final quiz each and practice quizzes on some, in Vietnamese. Four belong to the root
 * unit (every demo learner sees them) and are issued by the Ministry's training
 * institution, one belongs to Hà Nội. The courses feature writes the courses, the quizzes
 * feature the quizzes, each with one INSERT per table. Returns the courses by code.
 *
 * The finals draw from the root unit's question bank (issue #16): each course's final
 * questions form a category of their own, the practice questions of every course a common
 * one; a final draws 3 + 2, so an attempt shows 5 of at least 17 and cannot be copied.
 */
export async function seedDemoCourses(
  tx: EntityManager,
  ctx: Pick<DemoSeedContext, 'units' | 'users'>,
): Promise<Map<string, DemoCourseVersion>> {
  const root = ctx.units.get('VN');
  if (!root) throw new Error('Demo courses: no root unit VN');
  const courses = await insertDemoCourses(
    tx,
    DEMO_COURSES.map((c) => {
      const owner = ctx.units.get(c.ownerCode);
      const issuer = c.issuerCode ? ctx.units.get(c.issuerCode) : owner;
      if (!owner || !issuer) throw new Error(`Demo course ${c.code}: a unit is missing`);
      return {
        code: c.code,
        ownerOrgUnitId: owner.id,
        issuerOrgUnitId: issuer === owner ? null : issuer.id,
        createdBy: ctx.users.get(c.author) ?? null,
        publishedAt: new Date(Date.now() - c.publishedDaysAgo * 86_400_000),
        title: c.title,
        description: c.description,
        hours: c.hours,
        sequentialLessons: c.sequentialLessons ?? false,
        modules: c.modules.map((m) => ({
          title: m.title,
          lessons: m.lessons.map((l) => ({ ...l, minSeconds: l.minSeconds ?? 0 })),
        })),
      };
    }),
  );
  await insertDemoQuizzes(tx, {
    bank: { ownerOrgUnitId: root.id, title: DEMO_BANK_TITLE, commonCategory: DEMO_COMMON_CATEGORY },
    finalDraw: DEMO_FINAL_DRAW,
    courses: DEMO_COURSES.map((c, i) => ({
      versionId: courses[i].versionId,
      title: c.title,
      modules: c.modules.map((m, j) => ({
        moduleId: courses[i].moduleIds[j],
        practice: m.practice,
      })),
      final: c.final,
    })),
  });
  return new Map(courses.map((c) => [c.code, c]));
}
