import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';

// Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses
// an injected <script>.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

type Catalog = { [key: string]: string | Catalog };

/** The web app's Vietnamese catalogue, read as the data file it is (not imported as code). */
const vi = JSON.parse(
  readFileSync(join(__dirname, '../../../web/src/i18n/vi.json'), 'utf8'),
) as Catalog;

function keysOf(catalog: Catalog, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [path] : keysOf(value, path);
  });
}

/** i18next shows a missing translation as its key, e.g. "home.nextItem". */
const KEYS = keysOf(vi as Catalog).filter((k) => k.includes('.'));

const API_SOURCE = join(__dirname, '../../../api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/**
 * Where the API's source writes an English refusal: `message: '…'`, `new XxxException('…')`,
 * and the message argument of the helpers that refuse a field, a file or an import row
 * (`invalidField('year', '…')`, `invalidFile('file_empty', '…')`, `fail(r, 'username',
 * 'already_used', '…')`, `problem('gift_essay', '…')`), after their variable and one-word
 * (field, code) arguments.
 */
const ENGLISH_IN_SOURCE =
  /(?:message:\s*|error:\s*|Exception\(\s*|\b(?:invalidField|invalidFile|fail|problem)\((?:\s*(?:\w+|'[\w.]*')\s*,)*\s*)['`]([A-Za-z][^'`$]{11,})/g;

/**
 * The English sentences the API writes into error bodies and import results, read from its
 * source: none may reach the Vietnamese UI, which shows errors only by their code. Sentences
 * with placeholders are cut at the first one.
 */
const API_ENGLISH: string[] = [
  ...new Set(
    sourceFiles(API_SOURCE).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(ENGLISH_IN_SOURCE)].map((m) => m[1].trim()),
    ),
  ),
];

/** Whether the check reads a sentence of the API's source (a check that misses one never fails). */
export const knowsApiSentence = (sentence: string) => API_ENGLISH.includes(sentence);

/** How many API sentences the check knows (a check that read nothing could never fail). */
export const apiEnglishCount = () => API_ENGLISH.length;

interface AnswerBody {
  message?: unknown;
  error?: unknown;
  errors?: { message?: unknown }[];
}

/**
 * The English the API put in an answer: of an error, its `message` and its field errors';
 * of a success, the row errors of an import result (`errors[]`) and a failed job's `error`.
 */
export function englishOfAnswer(status: number, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  const { message, error, errors } = body as AnswerBody;
  const rows = Array.isArray(errors) ? errors.map((e) => e?.message) : [];
  const texts = status >= 400 ? [message, ...rows] : [error, ...rows];
  return texts.filter((m): m is string => typeof m === 'string' && m.length >= 8);
}

/** Waits (up to 5 s) for `done`, e.g. for watchApiMessages to have read an answer. */
export async function waitUntil(done: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('waitUntil: timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Collects the English of the API's answers while a page is used (see englishOfAnswer), so
 * the check also catches English produced at run time (class-validator's own sentences,
 * import rows, a job's failure).
 */
export function watchApiMessages(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('response', (response: Response) => {
    if (!response.url().includes('/api/')) return;
    if (!(response.headers()['content-type'] ?? '').includes('application/json')) return;
    response
      .json()
      .then((body: unknown) => {
        for (const m of englishOfAnswer(response.status(), body)) seen.add(m);
      })
      .catch(() => undefined);
  });
  return seen;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A/AA violations axe-core finds on the page as it is now, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      violations: AxeViolation[];
    };
    return result.violations;
  }, WCAG_21_A_AA);
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/**
 * Translation keys shown instead of text, English sentences of the API on screen (from its
 * source, and `seen` at run time by watchApiMessages), and whether the page says it is
 * Vietnamese.
 */
export async function languageProblems(
  page: Page,
  seen: Set<string> = new Set(),
): Promise<string[]> {
  const { lang, text } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    text: document.body.innerText,
  }));
  const problems = KEYS.filter((k) => text.includes(k)).map((k) => `missing translation: ${k}`);
  for (const sentence of [...API_ENGLISH, ...seen]) {
    if (text.includes(sentence)) problems.push(`English from the API: "${sentence}"`);
  }
  if (lang !== 'vi') problems.push(`<html lang="${lang}">`);
  return problems;
}
