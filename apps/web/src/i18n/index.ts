import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import vi from './vi.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

const LANGUAGE_KEY = 'dx.lang';

// Vietnamese (the default) is in the first download; English comes as its own chunk when
// it is chosen, which keeps the initial JS within budget as the catalogues grow.
export const resources = {
  vi: { translation: vi },
} as const;

const loaders: Record<Exclude<Language, 'vi'>, () => Promise<{ default: unknown }>> = {
  en: () => import('./en.json'),
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(LANGUAGE_KEY, lng);
  } catch {
    // storage disabled: the choice lasts for this page only
  }
}

// Read before init: starting in Vietnamese stores "vi", which must not hide the choice.
const initialLanguage = storedLanguage();

i18n.on('languageChanged', applyLanguage);

const initialized = i18n.use(initReactI18next).init({
  resources,
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  // Languages other than Vietnamese are added by setLanguage, not by a backend.
  partialBundledLanguages: true,
  interpolation: { escapeValue: false }, // React escapes already
  // Said explicitly, these defaults spare every t() call i18next's guess at whether the key
  // is a sentence or a path (a regular expression per call: ~10% of the catalog's script
  // time in a profile). One namespace, so keys never name one.
  keySeparator: '.',
  nsSeparator: false,
  returnNull: false,
});

/** Switches the language, loading its catalogue first when it is not in the bundle. */
export async function setLanguage(lng: Language): Promise<void> {
  await initialized;
  if (lng !== 'vi' && !i18n.hasResourceBundle(lng, 'translation')) {
    const catalog = await loaders[lng]();
    i18n.addResourceBundle(lng, 'translation', catalog.default, true, true);
  }
  await i18n.changeLanguage(lng);
}

/**
 * Settles once the remembered language is ready; main.tsx renders after it, so an English
 * reader never sees a flash of Vietnamese. Immediate for Vietnamese.
 */
export const i18nReady: Promise<void> =
  initialLanguage === DEFAULT_LANGUAGE
    ? Promise.resolve()
    : setLanguage(initialLanguage).catch(() => {
        // The chunk did not load (offline): stay in Vietnamese rather than show nothing.
      });

export default i18n;
