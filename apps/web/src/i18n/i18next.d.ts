import 'i18next';
import type vi from './vi.json';

// Typed translation keys: t('login.titel') fails typecheck. vi.json is the reference catalogue.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
    returnNull: false;
  }
}
