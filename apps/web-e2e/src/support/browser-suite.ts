import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, openPage } from './browser';
import { readE2eState, type E2eState } from './e2e-env';

/** What a `describe` of browser tests shares: the run's state, its world and one browser. */
export interface BrowserSuite<World> {
  readonly state: E2eState;
  readonly world: World;
  readonly browser: Browser;
  /** The page the current test opened, for screenshotOnFailure; undefined between tests. */
  readonly page: Page | undefined;
  /** A fresh context and page (closed after the test), the app's base URL set. */
  openPage(): Promise<Page>;
}

/**
 * Registers the hooks of a describe of browser tests: the world is made through the API
 * while the browser starts, each test's context is closed after it, the browser after all.
 * Call it in the describe's body; the fields are there once beforeAll has run.
 */
export function browserSuite<World>(
  createWorld: (state: E2eState) => Promise<World>,
  setupTimeout?: number,
): BrowserSuite<World> {
  let state: E2eState;
  let world: World;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page | undefined;

  beforeAll(async () => {
    state = readE2eState();
    const launching = launchBrowser();
    try {
      world = await createWorld(state);
    } finally {
      // Kept even when the world fails, so afterAll closes it and jest can exit.
      browser = await launching;
    }
  }, setupTimeout);

  afterEach(async () => {
    await context?.close();
    context = undefined;
    page = undefined;
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    get state() {
      return state;
    },
    get world() {
      return world;
    },
    get browser() {
      return browser;
    },
    get page() {
      return page;
    },
    async openPage() {
      ({ context, page } = await openPage(browser, { baseURL: state.baseUrl }));
      return page;
    },
  };
}
