export * from './lib/canonical-json';
export * from './lib/certificate-signer';
export * from './lib/fonts';
export * from './lib/render-certificate';
export * from './lib/pdf-signing';
export * from './lib/pdf-signing.provider';
