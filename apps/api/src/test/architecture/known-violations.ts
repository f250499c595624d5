/**
 * Today's known ownership violations: production files that use another feature's table
 * (`<file> <table>`), found by table-ownership.spec.ts. A RATCHET: the list may only shrink.
 * Never add a line to make the spec pass: call the owning feature's service instead (see
 * docs/architecture.md). When you remove a usage, remove its line (the spec insists).
 */
export const KNOWN_VIOLATIONS: readonly string[] = [
  // courses read enrollment/org_unit for access, and copy or check quiz rows (the draft copy lists columns by hand).
  'apps/api/src/courses/course-access.service.ts org_unit',
  'apps/api/src/courses/course-draft.service.ts question',
  'apps/api/src/courses/course-draft.service.ts question_option',
  'apps/api/src/courses/course-draft.service.ts quiz',
  'apps/api/src/courses/course-outline.service.ts question',
  'apps/api/src/courses/course-outline.service.ts question_option',
  'apps/api/src/courses/course-outline.service.ts quiz',
  'apps/api/src/courses/course-quizzes.service.ts question',
  'apps/api/src/courses/course-quizzes.service.ts question_option',
  'apps/api/src/courses/course-quizzes.service.ts quiz',
  'apps/api/src/courses/course-summary.ts org_unit',
  // curricula read courses, enrollments, org units, to find earned programmes.
  'apps/api/src/curricula/curricula-query.service.ts app_user',
  'apps/api/src/curricula/curricula-query.service.ts course',
  'apps/api/src/curricula/curricula-query.service.ts course_version',
  'apps/api/src/curricula/curricula-query.service.ts enrollment',
  'apps/api/src/curricula/curricula-query.service.ts org_unit',
  'apps/api/src/curricula/curricula.service.ts course',
  'apps/api/src/curricula/curricula.service.ts org_unit',
  'apps/api/src/curricula/curriculum-queries.ts certificate',
  'apps/api/src/curricula/curriculum-queries.ts course',
  'apps/api/src/curricula/curriculum-queries.ts course_version',
  'apps/api/src/curricula/curriculum-queries.ts enrollment',
  'apps/api/src/curricula/curriculum-queries.ts org_unit',
  'apps/api/src/curricula/program-certificate.service.ts app_user',
  'apps/api/src/curricula/program-certificate.service.ts course_version',
  'apps/api/src/curricula/program-certificate.service.ts enrollment',
  'apps/api/src/curricula/program-certificate.service.ts org_unit',
  // learning reads course content and org units, to decide completion.
  'apps/api/src/learning/course-completion.service.ts app_user',
  'apps/api/src/learning/course-completion.service.ts course',
  'apps/api/src/learning/course-completion.service.ts course_version',
  'apps/api/src/learning/course-completion.service.ts org_unit',
  'apps/api/src/learning/enrollments.service.ts course',
  'apps/api/src/learning/enrollments.service.ts org_unit',
  // (moved from lessons.service.ts by main's lesson cache, not new usages)
  'apps/api/src/learning/lessons.service.ts course',
  'apps/api/src/learning/lessons.service.ts course_version',
  'apps/api/src/learning/lessons.service.ts lesson',
  'apps/api/src/learning/lessons.service.ts org_unit',
  // quizzes read enrollment and course_version to check an attempt may start.
  'apps/api/src/quizzes/quiz-info.controller.ts course_version',
  'apps/api/src/quizzes/quiz-info.controller.ts enrollment',
];
