import type { Language } from './index';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Calendar date as shown on Vietnamese documents (dd/mm/yyyy), in Vietnam's time zone. */
export function formatDate(iso: string, language = 'vi'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const locale = LOCALES[language as Language] ?? LOCALES.vi;
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Asia/Ho_Chi_Minh',
  }).format(date);
}
