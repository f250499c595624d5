// Types and constants shared by the API, the worker and the web app.
// Plain TypeScript only: nothing here may import server or browser code.
export * from './lib/roles';
export * from './lib/http';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/org-units';
export * from './lib/users';
export * from './lib/user-import';
export * from './lib/queues';
export * from './lib/dates';
export * from './lib/courses';
export * from './lib/learning';
export * from './lib/curricula';
export * from './lib/quizzes';
export * from './lib/question-banks';
export * from './lib/certificates';
export * from './lib/reports';
export * from './lib/audit';
export * from './lib/privacy';
export * from './lib/mail';
export * from './lib/notifications';
export * from './lib/training';
export * from './lib/course-authoring';
