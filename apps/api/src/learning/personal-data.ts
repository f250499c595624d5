import type { PersonalDataExport } from '@dx/contracts';
import { courseJoin, courseVersionJoin, lessonJoin } from '@dx/db';
import type { EntityManager } from 'typeorm';

/*
 * The learning feature's part of a person's data export and erasure (Law 91/2025): the
 * privacy feature composes every owner's part in one transaction.
 */

type Enrollment = PersonalDataExport['enrollments'][number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The person's enrolments of every year, with the lessons they completed in each. */
export async function exportEnrollments(tx: EntityManager, userId: string): Promise<Enrollment[]> {
  const rows: (Omit<Enrollment, 'lessonCompletions' | 'enrolledAt' | 'completedAt'> & {
    enrolledAt: Date;
    completedAt: Date | null;
  })[] = await tx.query(
    `SELECT e.id, e.course_id AS "courseId", c.code AS "courseCode", v.title AS "courseTitle",
            v.version, e.status, e.progress, e.enrolled_at AS "enrolledAt", e.completed_at AS "completedAt"
       FROM enrollment e ${courseJoin('c', 'e.course_id')}
       ${courseVersionJoin('v', 'e.course_version_id')}
      WHERE e.user_id = $1 ORDER BY e.enrolled_at`,
    [userId],
  );
  const done: {
    enrollmentId: string;
    lessonId: string;
    lessonTitle: string;
    completedAt: Date;
  }[] = await tx.query(
    `SELECT lc.enrollment_id AS "enrollmentId", lc.lesson_id AS "lessonId", l.title AS "lessonTitle",
            lc.completed_at AS "completedAt"
       FROM lesson_completion lc JOIN enrollment e ON e.id = lc.enrollment_id
       ${lessonJoin('l', 'lc.lesson_id')}
      WHERE e.user_id = $1 ORDER BY lc.completed_at`,
    [userId],
  );
  return rows.map((e) => ({
    ...e,
    enrolledAt: e.enrolledAt.toISOString(),
    completedAt: iso(e.completedAt),
    lessonCompletions: done
      .filter((d) => d.enrollmentId === e.id)
      .map((d) => ({
        lessonId: d.lessonId,
        lessonTitle: d.lessonTitle,
        completedAt: d.completedAt.toISOString(),
      })),
  }));
}

/** How many enrolments the person has (they go with the account, by cascade). */
export async function countEnrollments(tx: EntityManager, userId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await tx.query(
    `SELECT count(*)::int AS n FROM enrollment WHERE user_id = $1`,
    [userId],
  );
  return n;
}
