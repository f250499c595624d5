import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

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

/** Translation keys shown instead of text, and whether the page says it is Vietnamese. */
export async function languageProblems(page: Page): Promise<string[]> {
  const { lang, text } = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    text: document.body.innerText,
  }));
  const problems = KEYS.filter((k) => text.includes(k)).map((k) => `missing translation: ${k}`);
  if (lang !== 'vi') problems.push(`<html lang="${lang}">`);
  return problems;
}
