import { ConflictException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LessonPacingRules } from '../courses/course-lesson-order.service';

/**
 * Where the learner stands against the rules: which earlier lessons are done, when this
 * one was first opened, and when the last earlier one was completed (database clock).
 */
const LEARNER_PACE = `
  SELECT ARRAY(SELECT lesson_id FROM lesson_completion
                WHERE enrollment_id = $1 AND lesson_id = ANY($3::uuid[])) AS done,
         EXISTS (SELECT 1 FROM lesson_visit WHERE enrollment_id = $1 AND lesson_id = $2) AS opened,
         floor(extract(epoch FROM now() - greatest(
           (SELECT first_opened_at FROM lesson_visit WHERE enrollment_id = $1 AND lesson_id = $2),
           CASE WHEN $4::boolean THEN (SELECT max(completed_at) FROM lesson_completion
                                        WHERE enrollment_id = $1 AND lesson_id = ANY($3::uuid[])) END
         )))::int AS "secondsSpent"`;

/**
 * The course's pacing rules, checked when a learner completes a lesson:
 * - lessons in order: every lesson before it in reading order must be completed first;
 * - a minimum time: counted from its first opening (lesson_visit) or, in a sequential
 *   course, from the completion of the lessons before it if that came later (opening
 *   every lesson at once then gains nothing).
 * Throws 409 `lesson_locked` or `lesson_time_not_reached`, with params the web shows.
 */
export async function assertLessonPacing(
  tx: EntityManager,
  enrollmentId: string,
  lessonId: string,
  rules: LessonPacingRules | null,
): Promise<void> {
  if (!rules || (!rules.sequential && rules.minSeconds <= 0)) return;
  const earlierIds = rules.earlier.map((l) => l.id);
  const [pace] = (await tx.query(LEARNER_PACE, [
    enrollmentId,
    lessonId,
    earlierIds,
    rules.sequential,
  ])) as { done: string[]; opened: boolean; secondsSpent: number | null }[];
  if (rules.sequential) {
    const done = new Set(pace.done);
    const blockedBy = rules.earlier.find((l) => !done.has(l.id));
    if (blockedBy) {
      throw new ConflictException({
        code: 'lesson_locked',
        message: `Complete the lessons before this one first (next: "${blockedBy.title}")`,
        params: { lessonTitle: blockedBy.title },
      });
    }
  }
  if (rules.minSeconds > 0) {
    const spent = pace.opened ? Math.max(0, pace.secondsSpent ?? 0) : 0;
    const remaining = rules.minSeconds - spent;
    if (remaining > 0) {
      throw new ConflictException({
        code: 'lesson_time_not_reached',
        message: `Stay on the lesson a little longer: ${remaining} s left`,
        params: { remainingSeconds: remaining, minSeconds: rules.minSeconds },
      });
    }
  }
}

/** Starts the lesson's clock at its first opening (a no-op on later ones). */
export const RECORD_LESSON_VISIT = `
  INSERT INTO lesson_visit (enrollment_id, lesson_id)
  SELECT id, $4 FROM enrollment
   WHERE user_id = $1 AND course_id = $2 AND course_version_id = $3 AND current
  ON CONFLICT DO NOTHING`;
