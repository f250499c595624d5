import type { EntityManager } from 'typeorm';
import { CourseVersionEntity } from './course-version.entity';
import { CourseEntity } from './course.entity';

// The courses feature's TypeORM reads for other features (learning's completion); its SQL
// pieces are in course-sql.ts.

/** A course by id; throws EntityNotFoundError when it does not exist. */
export function findCourseOrFail(m: EntityManager, id: string): Promise<CourseEntity> {
  return m.findOneByOrFail(CourseEntity, { id });
}

/** A course version by id; throws EntityNotFoundError when it does not exist. */
export function findCourseVersionOrFail(
  m: EntityManager,
  id: string,
): Promise<CourseVersionEntity> {
  return m.findOneByOrFail(CourseVersionEntity, { id });
}
