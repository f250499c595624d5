import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { Figure, figure } from './figures';
import { failSoft } from './support/section';
import { withEnvironment } from './support/environment';
import { ROOT } from './support/processes';
import { seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

const WEB_DIST = join(ROOT, 'dist/apps/web');
const BUDGET_KB = 150;
const FCP_GOAL_MS = 2_000;
/** Chrome DevTools' "Fast 3G" preset (the one Lighthouse's mobile throttling is modelled on). */
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: 180 * 1024,
  uploadThroughput: 84 * 1024,
};
const CPU_SLOWDOWN = 4;
const RUNS = 3;

/**
 * The web app as a first-time visitor gets it: the initial JavaScript (entry script and
 * modulepreloads of the production index.html, gzipped) against its budget, and the first
 * contentful paint of a signed-in learner's catalog, served by the API, in headless
 * Chromium on a throttled connection and CPU (median of 3 cold loads).
 */
export function benchWeb(): Promise<Figure[]> {
  return failSoft('Web', runWeb);
}

async function runWeb(): Promise<Figure[]> {
  const initial = initialJs();
  const figures = [
    figure(
      'Initial JavaScript, gzipped',
      initial.bytes / 1024,
      'KB',
      `≤ ${BUDGET_KB} KB`,
      initial.bytes <= BUDGET_KB * 1024,
      `${initial.files} files: entry script + modulepreloads`,
    ),
  ];
  const fcp = await catalogFirstPaint();
  figures.push(
    figure(
      'Catalog /courses first contentful paint, Fast 3G, 4× CPU slowdown',
      fcp.fcp,
      'ms',
      `< ${FCP_GOAL_MS} ms`,
      fcp.fcp < FCP_GOAL_MS,
      `median of ${RUNS} cold loads (${fcp.all.map(Math.round).join(', ')} ms); course list shown at ${Math.round(fcp.listed)} ms; ${Math.round(fcp.transferKb)} KB transferred`,
    ),
  );
  return figures;
}

function initialJs(): { bytes: number; files: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = new Set(
    [
      ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
      ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
    ].map((m) => m[1]),
  );
  let bytes = 0;
  for (const file of files)
    bytes += gzipSync(readFileSync(join(WEB_DIST, file)), { level: 9 }).length;
  return { bytes, files: files.size };
}

interface Paint {
  fcp: number;
  listed: number;
  transferKb: number;
  all: number[];
}

async function catalogFirstPaint(): Promise<Paint> {
  return withEnvironment('web', async (env) => {
    const data = await seedBenchData(env.pg, 10);
    const base = await env.startApi();
    const token = (await mintTokens(env, base, data.usernames)).get(data.usernames[0]) as string;
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const runs: Omit<Paint, 'all'>[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A new context each time: empty cache, nothing but the signed-in token.
        const context = await browser.newContext({
          locale: 'vi-VN',
          viewport: { width: 412, height: 823 },
        });
        await context.addInitScript(
          `localStorage.setItem('dx.accessToken', ${JSON.stringify(token)})`,
        );
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', FAST_3G);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        let transferred = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          transferred += e.encodedDataLength;
        });
        await page.goto(`${base}/courses`, { waitUntil: 'commit', timeout: 60_000 });
        await page.locator('main .course-card').first().waitFor({ timeout: 60_000 });
        // Evaluated in the page (this project's TypeScript has no DOM types).
        const listed = await page.evaluate<number>('performance.now()');
        const fcp = await page.evaluate<number>(
          `performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint')?.startTime ?? NaN`,
        );
        runs.push({ fcp, listed, transferKb: transferred / 1024 });
        await context.close();
      }
      const byFcp = [...runs].sort((a, b) => a.fcp - b.fcp);
      const median = byFcp[Math.floor(RUNS / 2)];
      return { ...median, all: runs.map((r) => r.fcp) };
    } finally {
      await browser.close();
    }
  });
}
