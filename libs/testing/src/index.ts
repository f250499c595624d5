// Test support shared by every project's specs, benchmarks and browser tests: helpers that
// start real engines (SMTP, OIDC, S3, Redis, PostgreSQL replicas…) on loopback ports.
// Never imported by production code (a guard checks the builds).
export * from './processes';
export * from './services';
export * from './smtp-server';
export * from './s3-server';
export * from './postgres-cluster';
export * from './postgres-replica';
export * from './pgbouncer';
export * from './redis-sentinel';
export * from './coverage-fixture';
export * from './certificate-fixtures';
export * from './oidc-provider';
export * from './pdf-signing-ca';
