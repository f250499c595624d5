import type { EntityManager } from 'typeorm';
import type { CourseAccessService } from '../courses/course-access.service';
import { InvalidInputException } from '../http/invalid-input';

/**
 * A curriculum's `hoursPerYear` is the default of the requirements made from it, and only
 * its courses count toward such a requirement: when their hours (published versions) add
 * up to less, nobody could ever meet it, so the curriculum cannot be published like that.
 */
export async function assertHoursReachable(
  tx: EntityManager,
  courses: CourseAccessService,
  curriculum: { hoursPerYear: number; courseIds: string[] },
): Promise<void> {
  const courseHours = await courses.publishedHours(tx, curriculum.courseIds);
  const { hoursPerYear } = curriculum;
  if (courseHours >= hoursPerYear) return;
  const missingHours = Math.round((hoursPerYear - courseHours) * 100) / 100;
  throw new InvalidInputException([
    {
      field: 'hoursPerYear',
      code: 'curriculum_hours_short',
      message: `the courses hold ${courseHours} h, ${missingHours} h short of ${hoursPerYear} h per year`,
      params: { hoursPerYear, courseHours, missingHours },
    },
  ]);
}
