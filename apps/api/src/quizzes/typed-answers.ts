/**
 * How typed answers (short answer, numeric) and matching picks compare with the answer key.
 * Pure functions: grading at submit, the review rebuilt on read and the specs share them.
 */

/** Spacing and Unicode form never decide an answer: "  Hà   Nội " is "Hà Nội". */
export function tidyText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Vietnamese letters without their marks; đ/Đ is its own letter in Unicode, so mapped by hand. */
function withoutDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

export interface TextRule {
  ignoreCase: boolean;
  ignoreDiacritics: boolean;
}

export function comparableText(s: string, rule: TextRule): string {
  let out = tidyText(s);
  if (rule.ignoreDiacritics) out = withoutDiacritics(out);
  if (rule.ignoreCase) out = out.toLocaleLowerCase('vi');
  return out;
}

export function textAccepted(typed: string, accepted: readonly string[], rule: TextRule): boolean {
  const mine = comparableText(typed, rule);
  return mine !== '' && accepted.some((a) => comparableText(a, rule) === mine);
}

/**
 * A number as Vietnamese learners and spreadsheets write it: "3,5" or "3.5", "-2", "1e3";
 * thousands separators are refused rather than guessed ("1.000" is ambiguous). Null: not a number.
 */
export function parseNumber(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!/^[-+]?(\d+([.,]\d+)?|[.,]\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export interface NumericKey {
  value: number;
  tolerance: number;
}

export function numberAccepted(typed: string, accepted: readonly NumericKey[]): boolean {
  const n = parseNumber(typed);
  if (n === null) return false;
  // A small epsilon so that 0.1 + 0.2 within 0 of 0.3 counts as exact.
  return accepted.some((k) => Math.abs(n - k.value) <= k.tolerance + 1e-9 * Math.max(1, Math.abs(k.value)));
}

/** "3,14 ± 0,01" in the review (Vietnamese decimal comma). */
export function numericKeyText(k: NumericKey): string {
  const vi = (n: number) => String(n).replace('.', ',');
  return k.tolerance > 0 ? `${vi(k.value)} ± ${vi(k.tolerance)}` : vi(k.value);
}
