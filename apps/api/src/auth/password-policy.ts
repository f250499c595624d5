import type { ErrorParams, FieldErrorCode } from '@dx/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The password rules of NIST SP 800-63B §3.1.1.2: long enough, no composition rules, and
 * not a password attackers try first (a list of ~49,000 leaked passwords, plus a few that
 * Vietnamese users pick), nor the person's own username or name.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

const VIETNAMESE_COMMON = [
  'matkhau',
  'matkhau123',
  'matkhaumoi',
  'anhyeuem',
  'emyeuanh',
  'vietnam',
  'vietnam123',
  'hanoi',
  'saigon',
  'hochiminh',
  'quantri',
  'admin@123',
  'abc@12345',
  'chuyendoiso',
];

const COMMON = new Set<string>([...dictionary['passwords-common'], ...VIETNAMESE_COMMON]);

/** Lower case, no diacritics (đ → d), no spaces or punctuation: "Nguyễn Văn A" → "nguyenvana". */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export interface PasswordContext {
  username?: string;
  fullName?: string;
}

/** Why a password is refused: a field code the web translates, and an English message for logs. */
export interface PasswordProblem {
  code: FieldErrorCode;
  message: string;
  params?: ErrorParams;
}

/** The rule a password breaks, or null when it is acceptable. */
export function passwordProblem(
  password: string,
  who: PasswordContext = {},
): PasswordProblem | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) {
    const params = { min: MIN_PASSWORD_LENGTH };
    return {
      code: 'password_too_short',
      message: `is shorter than ${MIN_PASSWORD_LENGTH} characters`,
      params,
    };
  }
  if (length > MAX_PASSWORD_LENGTH) {
    const params = { max: MAX_PASSWORD_LENGTH };
    return {
      code: 'password_too_long',
      message: `is longer than ${MAX_PASSWORD_LENGTH} characters`,
      params,
    };
  }
  const folded = fold(password);
  const lower = password.toLowerCase();
  // Common passwords with a little decoration ("password1!", "Matkhau123") are as weak.
  const stripped = lower.replace(/[^a-z]+$/, '').replace(/^[^a-z]+/, '');
  if (COMMON.has(lower) || COMMON.has(folded) || (stripped.length >= 4 && COMMON.has(stripped))) {
    return { code: 'password_too_common', message: 'is a commonly used password' };
  }
  if (new Set(folded).size <= 2 || isSequence(folded)) {
    return {
      code: 'password_repetitive',
      message: 'is a repeated or sequential run of characters',
    };
  }
  const name = fold(who.fullName ?? '');
  const user = fold(who.username ?? '');
  if ((user.length >= 3 && folded.includes(user)) || (name.length >= 4 && folded.includes(name))) {
    return { code: 'password_contains_name', message: 'contains the username or full name' };
  }
  return null;
}

/** "0123456789", "abcdefghij", "9876543210"…: every character one step from the last. */
function isSequence(value: string): boolean {
  if (value.length < 4) return false;
  const step = value.charCodeAt(1) - value.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 2; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) !== step) return false;
  }
  return true;
}
