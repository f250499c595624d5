// Who is notified of what: the set-based recipient queries behind the reminders, the HR
// digest, report-ready and queue-failure notices (NotificationsService.notifyMany runs them).
export * from './hr-digest.sql';
export * from './people-batches';
export * from './queue-failures.sql';
export * from './report-ready.sql';
export * from './requirement-reminders.sql';
