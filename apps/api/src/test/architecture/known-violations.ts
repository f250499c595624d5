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
  // the demo seed writes every feature's rows directly (certificates go through their creator).
  'apps/api/src/seed/admin-account.service.ts app_user',
  'apps/api/src/seed/admin-account.service.ts membership',
  'apps/api/src/seed/admin-account.service.ts org_unit',
  'apps/api/src/seed/admin-account.service.ts org_unit_edge',
  'apps/api/src/seed/demo-completions.step.ts app_user',
  'apps/api/src/seed/demo-completions.step.ts course',
  'apps/api/src/seed/demo-completions.step.ts course_version',
  'apps/api/src/seed/demo-completions.step.ts enrollment',
  'apps/api/src/seed/demo-completions.step.ts lesson',
  'apps/api/src/seed/demo-completions.step.ts lesson_completion',
  'apps/api/src/seed/demo-completions.step.ts org_unit',
  'apps/api/src/seed/demo-courses.step.ts curriculum',
  'apps/api/src/seed/demo-courses.step.ts curriculum_course',
  'apps/api/src/seed/demo-courses.ts course',
  'apps/api/src/seed/demo-courses.ts course_module',
  'apps/api/src/seed/demo-courses.ts course_version',
  'apps/api/src/seed/demo-courses.ts lesson',
  'apps/api/src/seed/demo-courses.ts question',
  'apps/api/src/seed/demo-courses.ts question_option',
  'apps/api/src/seed/demo-courses.ts quiz',
  'apps/api/src/seed/demo-org-units.step.ts org_unit',
  'apps/api/src/seed/demo-org-units.step.ts org_unit_edge',
  'apps/api/src/seed/demo-people.step.ts app_user',
  'apps/api/src/seed/demo-people.step.ts membership',
  'apps/api/src/seed/demo-reform.step.ts org_unit',
  'apps/api/src/seed/demo-seed.service.ts org_unit',
  'apps/api/src/seed/demo-seed.step.ts org_unit',
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
