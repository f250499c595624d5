import { CurriculumCourseEntity, CurriculumEntity } from '@dx/db';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** A published curriculum of courses that exist already, in the order given. */
export interface DemoCurriculumSpec {
  code: string;
  title: string;
  description: string;
  audience: string;
  hoursPerYear: number;
  ownerOrgUnitId: string;
  courseIds: string[];
}

/**
 * Writes a demo curriculum as published, in the caller's transaction (the demo seed's:
 * its courses are not committed yet, so the API's publish path cannot see them). The seed
 * keeps to the publish check's rule itself: the courses hold the hours asked.
 */
export async function insertDemoCurriculum(
  tx: EntityManager,
  spec: DemoCurriculumSpec,
): Promise<string> {
  const id = randomUUID();
  await tx.insert(CurriculumEntity, {
    id,
    code: spec.code,
    title: spec.title,
    description: spec.description,
    audience: spec.audience,
    jobTitles: [],
    hoursPerYear: spec.hoursPerYear,
    ownerOrgUnitId: spec.ownerOrgUnitId,
    status: 'published',
  });
  if (spec.courseIds.length)
    await tx.insert(
      CurriculumCourseEntity,
      spec.courseIds.map((courseId, i) => ({ curriculumId: id, courseId, position: i + 1 })),
    );
  return id;
}
