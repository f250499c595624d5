import type { Language } from './index';

/*
 * Dates and numbers are formatted by hand, not with Intl: the first Intl.DateTimeFormat or
 * Intl.NumberFormat of a page loads ICU's locale and time-zone data, which took 50–200 ms of
 * main thread on a desktop (4× that on a mid-range phone), and new formatters per call cost
 * again in every list. Both languages need only fixed patterns (dd/mm/yyyy, 24-hour time,
 * two separators), and Vietnam's clock is UTC+7 all year (no daylight saving since 1975).
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function separatorsOf(language: string) {
  return SEPARATORS[language as Language] ?? SEPARATORS.vi;
}

const two = (n: number) => String(n).padStart(2, '0');

/** The instant as Vietnam's wall clock, read with the UTC getters; null for a bad date. */
function vietnamClock(iso: string | Date): Date | null {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? null : new Date(time + VIETNAM_OFFSET_MS);
}

/** Calendar date as shown on Vietnamese documents (dd/mm/yyyy), in Vietnam's time zone. */
export function formatDate(iso: string, language = 'vi'): string {
  void language; // both languages write dd/mm/yyyy
  const d = vietnamClock(iso);
  if (!d) return iso;
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** Date and time (dd/mm/yyyy hh:mm, 24-hour), in Vietnam's time zone. */
export function formatDateTime(iso: string, language = 'vi'): string {
  const d = vietnamClock(iso);
  if (!d) return iso;
  return `${formatDate(iso, language)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

/** "1299" → "1300", "99" → "100": one unit added in the last place of a digit string. */
function addOneInLastPlace(digits: string): string {
  const nines = /9*$/.exec(digits)?.[0].length ?? 0;
  const head = digits.slice(0, digits.length - nines);
  const bumped = head ? head.slice(0, -1) + String(Number(head.slice(-1)) + 1) : '1';
  return bumped + '0'.repeat(nines);
}

/**
 * |value| × 10^shift rounded half away from zero to `max` decimals, as digit strings. Like
 * ICU, it rounds the shortest decimal that reads back as the double ("1.2345"), not the
 * double's exact binary value (1.23449999…): 123.45% shows as 123,5%, as Intl shows it.
 */
function roundDecimal(value: number, shift: number, max: number): [string, string] {
  const [, int, frac = '', exp = '0'] = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(
    String(Math.abs(value)),
  ) as RegExpExecArray;
  let digits = int + frac;
  let point = int.length + Number(exp) + shift; // digits before the decimal point
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  digits = digits.padEnd(point + max + 1, '0');
  const kept = digits.slice(0, point + max);
  let rounded = kept;
  if (digits[point + max] >= '5') {
    rounded = addOneInLastPlace(kept);
    if (rounded.length > kept.length) point += 1;
  }
  return [rounded.slice(0, point).replace(/^0+(?=\d)/, '') || '0', rounded.slice(point)];
}

/** `value` with `min`–`max` decimals, grouped by thousands with the language's separators. */
function formatDecimal(
  value: number,
  shift: number,
  min: number,
  max: number,
  language: string,
): string {
  const { group, decimal } = separatorsOf(language);
  const [int, frac] = roundDecimal(value, shift, max);
  const fraction = frac.replace(/0+$/, '').padEnd(min, '0');
  const whole = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const negative = value < 0 && /[1-9]/.test(int + frac);
  return `${negative ? '-' : ''}${whole}${fraction ? decimal + fraction : ''}`;
}

/** A number the way the language writes it (1,5 in Vietnamese; 1.5 in English). */
export function formatNumber(value: number, language = 'vi'): string {
  if (!Number.isFinite(value)) return String(value);
  return formatDecimal(value, 0, 0, 2, language);
}

/** A 0–1 ratio as a percentage with one decimal (66,7% in Vietnamese; 66.7% in English). */
export function formatPercent(ratio: number, language = 'vi'): string {
  return `${formatDecimal(Number.isFinite(ratio) ? ratio : 0, 2, 1, 1, language)}%`;
}

/** The current calendar year in Vietnam's time zone (reports count years there). */
export function currentYear(now = new Date()): number {
  return (vietnamClock(now) as Date).getUTCFullYear();
}
