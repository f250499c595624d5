export * from './lib/key-ring';
export * from './lib/key-ring.provider';
