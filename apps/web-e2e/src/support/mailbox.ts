import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { E2eState } from './e2e-env';

/** A mail as the suite's SMTP server accepted it, written where the specs can read it. */
export interface SpooledMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** What global setup hands each accepted message (the server's `ReceivedMail`, in short). */
interface AcceptedMail {
  from: string;
  to: string[];
  parsed: { subject?: string; text?: string; html?: string | false };
}

let spooled = 0;

/**
 * Writes one accepted message to `dir` (global setup's SMTP server lives in the jest parent
 * process; specs read the files). Written then renamed, so a reader never sees half a file.
 */
export function spoolMail(dir: string, mail: AcceptedMail): void {
  mkdirSync(dir, { recursive: true });
  const body: SpooledMail = {
    from: mail.from,
    to: mail.to,
    subject: mail.parsed.subject ?? '',
    text: mail.parsed.text ?? '',
    html: mail.parsed.html || '',
  };
  const name = `${Date.now()}-${String(++spooled).padStart(6, '0')}`;
  writeFileSync(join(dir, `${name}.tmp`), JSON.stringify(body));
  renameSync(join(dir, `${name}.tmp`), join(dir, `${name}.json`));
}

/** Every mail to `address` so far, oldest first. */
export function mailsTo(state: E2eState, address: string): SpooledMail[] {
  return readdirSync(state.mailDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(state.mailDir, f), 'utf8')) as SpooledMail)
    .filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
}

/** The first mail to `address` whose subject matches, once the worker has sent it. */
export async function waitForMail(
  state: E2eState,
  address: string,
  subject: RegExp,
  timeoutMs = 30_000,
): Promise<SpooledMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(state, address).find((m) => subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline) {
      throw new Error(`No mail "${subject.source}" to ${address} after ${timeoutMs / 1000}s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
