/*
 * The certificates feature's piece of the curricula's progress read: the programme
 * certificate a learner holds for a curriculum and year, composed into one statement.
 */

/**
 * `LEFT JOIN` of the programme certificate `<alias>` of learner `userId` for curriculum
 * `curriculumId` and training year `year` (SQL expressions; at most one: a unique index).
 */
export function programmeCertificateJoin(
  alias: string,
  o: { userId: string; curriculumId: string; year: string },
): string {
  return `LEFT JOIN certificate ${alias} ON ${alias}.kind = 'program' AND ${alias}.user_id = ${o.userId}
                              AND ${alias}.curriculum_id = ${o.curriculumId} AND ${alias}.year = ${o.year}`;
}
