import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where failing tests leave a screenshot (and the page's HTML) to look at. */
export const SCREENSHOT_DIR =
  process.env.DX_E2E_SCREENSHOTS ?? join(tmpdir(), 'dx-e2e-screenshots');

/** Runs a test body; on failure saves a full-page screenshot before rethrowing. */
export async function screenshotOnFailure(
  getPage: () => Page | undefined,
  name: string,
  body: () => Promise<void>,
): Promise<void> {
  try {
    await body();
  } catch (error) {
    const page = getPage();
    if (page && !page.isClosed()) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const base = join(SCREENSHOT_DIR, `${name}-${Date.now()}`);
      try {
        await page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5_000 });
        writeFileSync(`${base}.html`, await page.content());
        console.error(`Screenshot of the failure: ${base}.png (URL ${page.url()})`);
      } catch {
        // The page is gone: the original error says more than this one would.
      }
    }
    throw error;
  }
}
