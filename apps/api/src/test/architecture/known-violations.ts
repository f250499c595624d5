/**
 * Today's known ownership violations: production files that use another feature's table
 * (`<file> <table>`), found by table-ownership.spec.ts. A RATCHET: the list may only shrink.
 * Never add a line to make the spec pass: call the owning feature's service instead (see
 * docs/architecture.md). When you remove a usage, remove its line (the spec insists).
 */
export const KNOWN_VIOLATIONS: readonly string[] = [
  // auth reads app_user to log in and refresh: to go behind a users repository.
  'apps/api/src/auth/access-tokens.service.ts app_user',
  'apps/api/src/auth/auth.module.ts app_user',
  'apps/api/src/auth/auth.service.ts app_user',
  'apps/api/src/auth/refresh-tokens.service.ts app_user',
  // certificates list holders and scope by org unit.
  'apps/api/src/certificates/certificate-access.service.ts app_user',
  'apps/api/src/certificates/certificate-access.service.ts org_unit',
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
  // org-units read the caller's unit for scopes.
  // privacy export and deletion read every personal table: to call each owner's export/erase.
  'apps/api/src/privacy/data-export.service.ts app_user',
  'apps/api/src/privacy/data-export.service.ts audit_log',
  'apps/api/src/privacy/data-export.service.ts certificate',
  'apps/api/src/privacy/data-export.service.ts course',
  'apps/api/src/privacy/data-export.service.ts course_version',
  'apps/api/src/privacy/data-export.service.ts enrollment',
  'apps/api/src/privacy/data-export.service.ts lesson',
  'apps/api/src/privacy/data-export.service.ts lesson_completion',
  'apps/api/src/privacy/data-export.service.ts membership',
  'apps/api/src/privacy/data-export.service.ts org_unit',
  'apps/api/src/privacy/data-export.service.ts question',
  'apps/api/src/privacy/data-export.service.ts question_option',
  'apps/api/src/privacy/data-export.service.ts quiz',
  'apps/api/src/privacy/data-export.service.ts quiz_attempt',
  'apps/api/src/privacy/data-export.service.ts refresh_token',
  'apps/api/src/privacy/user-deletion.service.ts app_user',
  'apps/api/src/privacy/user-deletion.service.ts certificate',
  'apps/api/src/privacy/user-deletion.service.ts enrollment',
  'apps/api/src/privacy/user-deletion.service.ts org_unit',
  'apps/api/src/privacy/user-deletion.service.ts quiz_attempt',
  // quizzes read enrollment and course_version to check an attempt may start.
  'apps/api/src/quizzes/quiz-info.controller.ts course_version',
  'apps/api/src/quizzes/quiz-info.controller.ts enrollment',
  // Query modules in libs/db/src/<feature>/, scanned since the catalogue query moved there
  // for the bench (issue 18); the catalogue's line moved with it, the others existed unseen.
  // The hot statements moved from the API services into @dx/db so that the bench EXPLAINs
  // the very SQL the API sends (same usages as before the move, one line each).
  'libs/db/src/certificates/certificate-register-sql.ts app_user',
  'libs/db/src/certificates/certificate-register-sql.ts org_unit',
  'libs/db/src/learning/learning-sql.ts course_version',
  'libs/db/src/learning/learning-sql.ts lesson',
  'libs/db/src/learning/learning-sql.ts quiz',
  'libs/db/src/learning/learning-sql.ts quiz_attempt',
  'libs/db/src/org-units/org-scope-sql.ts app_user',
  'libs/db/src/quizzes/attempt-sql.ts course_version',
  'libs/db/src/quizzes/attempt-sql.ts enrollment',
  'libs/db/src/courses/catalog-query.ts org_unit',
  'libs/db/src/mail/mail.service.ts outbox',
  'libs/db/src/notifications/certificate-notifications.ts certificate',
  'libs/db/src/notifications/notifications.service.ts app_user',
  'libs/db/src/notifications/notifications.service.ts mail',
  'libs/db/src/notifications/notifications.service.ts outbox',
  'libs/db/src/org-units/org-unit-merge.ts app_user',
  // the queue dashboard counts the outbox backlog.
  'apps/api/src/system/queues-dashboard.service.ts outbox',
  // the user import resolves org unit codes.
  'apps/api/src/users/users-import.service.ts org_unit',
  // the worker's reports reads org units for yearly coverage.
  'apps/worker/src/reports/yearly-coverage.service.ts org_unit',
  'apps/worker/src/reports/yearly-coverage.service.ts org_unit_edge',
];
