import { CourseEntity, CourseModuleEntity, CourseVersionEntity, LessonEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { courseSearchText } from '../course-summary';

/** A course published as version 1, with text lessons (markdown) in modules. */
export interface DemoCourseSpec {
  code: string;
  ownerOrgUnitId: string;
  /** The unit that issues its certificates when not the owner. */
  issuerOrgUnitId: string | null;
  createdBy: string | null;
  publishedAt: Date;
  title: string;
  description: string;
  hours: number;
  sequentialLessons: boolean;
  modules: {
    title: string;
    lessons: { title: string; minutes: number; minSeconds: number; content: string }[];
  }[];
}

/** What other features' demo rows need of a published demo course. */
export interface DemoCourseVersion {
  code: string;
  courseId: string;
  versionId: string;
  title: string;
  hours: number;
  /** Who signs its certificates: the issuer, else the owner. */
  certifyingOrgUnitId: string;
  /** In outline order, for the quizzes placed in modules. */
  moduleIds: string[];
  /** Every lesson of the version (a completed enrolment has them all completed). */
  lessonIds: string[];
}

type Rows<T> = QueryDeepPartialEntity<T>[];

/**
 * Writes a demo catalog of published courses with one INSERT per table (the seed runs on
 * every start), in the caller's transaction. Returns the courses in the order given.
 */
export async function insertDemoCourses(
  tx: EntityManager,
  specs: readonly DemoCourseSpec[],
): Promise<DemoCourseVersion[]> {
  const courses: Rows<CourseEntity> = [];
  const versions: Rows<CourseVersionEntity> = [];
  const modules: Rows<CourseModuleEntity> = [];
  const lessons: Rows<LessonEntity> = [];
  const out: DemoCourseVersion[] = [];
  for (const c of specs) {
    const courseId = randomUUID();
    const versionId = randomUUID();
    const made: DemoCourseVersion = {
      code: c.code,
      courseId,
      versionId,
      title: c.title,
      hours: c.hours,
      certifyingOrgUnitId: c.issuerOrgUnitId ?? c.ownerOrgUnitId,
      moduleIds: [],
      lessonIds: [],
    };
    courses.push({
      id: courseId,
      code: c.code,
      ownerOrgUnitId: c.ownerOrgUnitId,
      issuerOrgUnitId: c.issuerOrgUnitId,
      status: 'published',
      publishedVersionId: versionId,
      draftVersionId: null,
      createdBy: c.createdBy,
      createdAt: c.publishedAt,
    });
    versions.push({
      id: versionId,
      courseId,
      version: 1,
      status: 'published',
      title: c.title,
      description: c.description,
      hours: c.hours,
      sequentialLessons: c.sequentialLessons,
      searchText: courseSearchText(c.code, c.title, c.description),
      publishedAt: c.publishedAt,
      createdAt: c.publishedAt,
    });
    c.modules.forEach((m, i) => {
      const moduleId = randomUUID();
      made.moduleIds.push(moduleId);
      modules.push({
        id: moduleId,
        courseVersionId: versionId,
        key: randomUUID(),
        position: i + 1,
        title: m.title,
      });
      m.lessons.forEach((l, j) => {
        const lessonId = randomUUID();
        made.lessonIds.push(lessonId);
        lessons.push({
          id: lessonId,
          moduleId,
          courseVersionId: versionId,
          key: randomUUID(),
          position: j + 1,
          title: l.title,
          kind: 'text',
          content: l.content,
          durationMinutes: l.minutes,
          minSeconds: l.minSeconds,
        });
      });
    });
    out.push(made);
  }
  await tx.insert(CourseEntity, courses);
  await tx.insert(CourseVersionEntity, versions);
  await tx.insert(CourseModuleEntity, modules);
  await tx.insert(LessonEntity, lessons);
  return out;
}
