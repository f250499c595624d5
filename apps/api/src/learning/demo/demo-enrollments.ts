import { EnrollmentEntity, insertChunks } from '@dx/db';
import type { EntityManager } from 'typeorm';

/** A demo enrolment: completed (with its moment) or in progress from the start. */
export interface DemoEnrollmentSpec {
  id: string;
  userId: string;
  courseId: string;
  courseVersionId: string;
  status: 'completed' | 'in_progress';
  progress: number;
  year: number;
  /** Absent: now. */
  enrolledAt?: Date;
  completedAt?: Date;
  /** False once a later enrolment in the same course (a re-training) replaced it. */
  current?: boolean;
}

/**
 * Writes the demo enrolments (one INSERT per 500) and, as the API requires of a completed
 * one, every lesson of its version completed at its completion moment: `lessonIds` gives
 * each version's lessons. In the caller's transaction.
 */
export async function insertDemoEnrollments(
  tx: EntityManager,
  enrollments: readonly DemoEnrollmentSpec[],
  lessonIds: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  await insertChunks(tx, EnrollmentEntity, [...enrollments]);
  const completions: { enrollmentIds: string[]; lessonIds: string[]; at: Date[] } = {
    enrollmentIds: [],
    lessonIds: [],
    at: [],
  };
  for (const e of enrollments) {
    if (e.status !== 'completed' || !e.completedAt) continue;
    for (const lessonId of lessonIds.get(e.courseVersionId) ?? []) {
      completions.enrollmentIds.push(e.id);
      completions.lessonIds.push(lessonId);
      completions.at.push(e.completedAt);
    }
  }
  // One statement with three array parameters, whatever the number of rows.
  await tx.query(
    `INSERT INTO lesson_completion (enrollment_id, lesson_id, completed_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])`,
    [completions.enrollmentIds, completions.lessonIds, completions.at],
  );
}
