// The entry script's early reads against a scripted server: each is asked for once, and the
// app's own API functions (the real client) get those answers instead of asking again.
export {}; // a module: its names stay out of the other specs' scope
const store = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  },
});

type Fetch = typeof fetch;
const asked: string[] = [];
let failNextWith: Error | null = null;
const server: Fetch = async (input, init) => {
  const auth = new Headers(init?.headers).get('Authorization') ?? '';
  asked.push(`${init?.method ?? 'GET'} ${String(input)} ${auth}`);
  if (failNextWith) {
    const error = failNextWith;
    failNextWith = null;
    throw error;
  }
  return new Response(JSON.stringify({ path: String(input), auth }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
};
// Installed before the modules load: the early reads wrap whatever fetch is there.
globalThis.fetch = server;

// Loaded after the shims above.
const { authStore } = require('../auth/auth-store') as typeof import('../auth/auth-store');
const { fetchEarly, pendingEarlyReads } =
  require('./early-fetch') as typeof import('./early-fetch');
const { startHotRoute } = require('./early-route') as typeof import('./early-route');
const { api } = require('../api/client') as typeof import('../api/client');
const { fetchMe } = require('../auth/api') as typeof import('../auth/api');
const { fetchUnreadCount } =
  require('../notifications/api') as typeof import('../notifications/api');
const { fetchCourses, fetchCourse } = require('../courses/api') as typeof import('../courses/api');
const learning = require('../learning/api') as typeof import('../learning/api');
const { fetchOrgUnit } = require('../org-units/api') as typeof import('../org-units/api');
const { fetchCoverageReport } = require('../reports/api') as typeof import('../reports/api');
const { fetchMyRequirements } =
  require('../requirements/api') as typeof import('../requirements/api');
const { fetchMyCertificates } =
  require('../certificates/api') as typeof import('../certificates/api');

/** An unsigned JWT-shaped token that expires in `seconds`, of someone of unit-1. */
const token = (seconds: number) =>
  `x.${Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + seconds, orgUnitId: 'unit-1' })).toString('base64url')}.y`;

const times = (path: string) => asked.filter((line) => line.split(' ')[1] === path).length;

describe('early reads', () => {
  beforeEach(async () => {
    // Unclaimed reads of an earlier test are dropped by a write.
    await fetch('/api/reset', { method: 'POST' });
    asked.length = 0;
  });

  it("serve the app's first identical request, and only that one", async () => {
    authStore.setToken(token(600));
    fetchEarly(['/api/me'], authStore.getToken() as string);
    expect(await fetchMe()).toMatchObject({ path: '/api/me' });
    expect(times('/api/me')).toBe(1);
    await fetchMe();
    expect(times('/api/me')).toBe(2);
  });

  it('are not handed to a request with another token', async () => {
    fetchEarly(['/api/me'], token(600));
    authStore.setToken(token(900));
    const answer = await api.get<{ auth: string }>('/me');
    expect(answer.auth).toBe(`Bearer ${authStore.getToken()}`);
    expect(times('/api/me')).toBe(2);
  });

  it('are dropped by a write, which may change what they read', async () => {
    fetchEarly(['/api/me/enrollments'], token(600));
    await api.post('/me/notifications/read-all');
    expect(pendingEarlyReads()).toBe(0);
  });

  it('that failed on the network let the app try on its own', async () => {
    authStore.setToken(token(600));
    failNextWith = new TypeError('network down');
    fetchEarly(['/api/me'], authStore.getToken() as string);
    expect(await fetchMe()).toMatchObject({ path: '/api/me' });
    expect(times('/api/me')).toBe(2);
  });
});

describe('the hot routes', () => {
  beforeEach(async () => {
    await fetch('/api/reset', { method: 'POST' });
    asked.length = 0;
    authStore.setToken(token(600));
  });

  /** Every read the route started early is asked for once, after the app's calls too. */
  async function expectAllClaimed(appCalls: () => Promise<unknown>[]) {
    const early = asked.map((line) => line.split(' ')[1]);
    expect(early.length).toBeGreaterThan(2);
    await Promise.all(appCalls());
    for (const path of early) expect([path, times(path)]).toEqual([path, 1]);
    expect(pendingEarlyReads()).toBe(0);
  }

  it("catalog: the paths are the app's own requests", async () => {
    startHotRoute({ pathname: '/courses', search: '' });
    await expectAllClaimed(() => [fetchMe(), fetchUnreadCount(), fetchCourses('', 1)]);
  });

  it("learner home: the paths are the app's own requests", async () => {
    startHotRoute({ pathname: '/', search: '' });
    await expectAllClaimed(() => [
      fetchMe(),
      fetchUnreadCount(),
      learning.fetchMyEnrollments(),
      fetchMyRequirements(),
      fetchMyCertificates(),
    ]);
  });

  it("lesson: the paths are the app's own requests", async () => {
    startHotRoute({ pathname: '/learn/course-1/lessons/lesson-2', search: '' });
    await expectAllClaimed(() => [
      fetchMe(),
      fetchUnreadCount(),
      learning.fetchLesson('lesson-2'),
      fetchCourse('course-1'),
      learning.fetchMyEnrollments(),
      learning.fetchCourseProgress('course-1'),
    ]);
  });

  it("reports: the paths are the app's own requests, the caller's unit or the address's", async () => {
    startHotRoute({ pathname: '/reports', search: '' });
    await expectAllClaimed(() => [fetchMe(), fetchUnreadCount(), fetchOrgUnit('unit-1')]);
    await fetch('/api/reset', { method: 'POST' });
    asked.length = 0;
    startHotRoute({ pathname: '/reports', search: '?year=2025&unit=unit-2' });
    await expectAllClaimed(() => [fetchMe(), fetchUnreadCount(), fetchOrgUnit('unit-2')]);
  });

  it("a rendered report: the path is the app's own request; the people list is not a report", async () => {
    const reportId = '6f1c0c1e-6a5e-4f0e-9d43-3b8f8c7c2a10';
    startHotRoute({ pathname: `/reports/${reportId}`, search: '' });
    await expectAllClaimed(() => [fetchMe(), fetchUnreadCount(), fetchCoverageReport(reportId)]);
    await fetch('/api/reset', { method: 'POST' });
    asked.length = 0;
    startHotRoute({ pathname: '/reports/people', search: '?orgUnitId=unit-1' });
    expect(asked).toEqual([]);
  });

  it('read nothing early without a live session, or for a filtered catalog', () => {
    authStore.setToken(token(-60));
    startHotRoute({ pathname: '/courses', search: '' });
    authStore.clearToken();
    startHotRoute({ pathname: '/', search: '' });
    authStore.setToken(token(600));
    startHotRoute({ pathname: '/courses', search: '?q=an' });
    startHotRoute({ pathname: '/learn/%E0/lessons/x', search: '' }); // malformed: nothing
    expect(asked.map((line) => line.split(' ')[1])).toEqual([
      '/api/me',
      '/api/me/notifications/unread-count',
    ]);
  });
});
