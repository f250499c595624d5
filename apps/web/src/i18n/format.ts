import type { Language } from './index';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

function localeOf(language: string): string {
  return LOCALES[language as Language] ?? LOCALES.vi;
}

/** Calendar date as shown on Vietnamese documents (dd/mm/yyyy), in Vietnam's time zone. */
export function formatDate(iso: string, language = 'vi'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** Date and time (dd/mm/yyyy hh:mm, 24-hour), in Vietnam's time zone. */
export function formatDateTime(iso: string, language = 'vi'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
  return `${formatDate(iso, language)} ${time}`;
}

/** A number the way the language writes it (1,5 in Vietnamese; 1.5 in English). */
export function formatNumber(value: number, language = 'vi'): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(value);
}

/** A 0–1 ratio as a percentage with one decimal (66,7% in Vietnamese; 66.7% in English). */
export function formatPercent(ratio: number, language = 'vi'): string {
  return new Intl.NumberFormat(localeOf(language), {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(Number.isFinite(ratio) ? ratio : 0);
}

/** The current calendar year in Vietnam's time zone (reports count years there). */
export function currentYear(now = new Date()): number {
  return Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: TIME_ZONE }).format(now),
  );
}
