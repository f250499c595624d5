import { execFileSync } from 'node:child_process';

/** An activation code as printed: Crockford base32, four groups of four. */
const CODE = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/;

/** The slips' text in drawing order (name, username, code of one slip, then the next). */
export function slipsText(pdfPath: string): string {
  return execFileSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' }).normalize('NFC');
}

/** The code printed on `username`'s slip: the first code after the username, as people read it. */
export function codeOnSlip(text: string, username: string): string {
  const at = text.search(new RegExp(`^${username.replace(/\./g, '\\.')}$`, 'm'));
  if (at < 0) throw new Error(`no slip for ${username} in:\n${text}`);
  const code = CODE.exec(text.slice(at))?.[0];
  if (!code) throw new Error(`no code after ${username} in:\n${text}`);
  return code;
}
