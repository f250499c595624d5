import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Never `npx playwright install`: tests use the distribution's Chromium (apt-get install chromium).
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PageOptions {
  baseURL: string;
  viewport?: { width: number; height: number };
}

/** A fresh context (no cookies, no localStorage) and a page in it, in Vietnamese. */
export async function openPage(
  browser: Browser,
  { baseURL, viewport = { width: 1280, height: 800 } }: PageOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}
