export * from './read-replica';
export * from './read-replica.provider';
export * from './replica-freshness';
