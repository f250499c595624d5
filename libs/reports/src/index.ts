// Coverage reports as the worker produces them and the API reads them back.
export * from './lib/coverage-access-queries';
export * from './lib/coverage-calculation';
export * from './lib/coverage-ledger';
export * from './lib/coverage-tree';
export * from './lib/coverage-snapshot';
export * from './lib/coverage-report.generator';
export * from './lib/exports/coverage-export-format';
export * from './lib/exports/coverage-csv';
export * from './lib/exports/coverage-xlsx';
export * from './lib/exports/coverage-pdf';
export * from './lib/people-report';
export * from './lib/exports/people-export';
export * from './lib/training-ledger-queries';
export * from './lib/training-queries';
export * from './lib/notifications';
export * from './lib/certificate-register';
export * from './lib/exports/coverage-export-rows';
