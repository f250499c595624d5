import { authStore } from '../auth/auth-store';
import { fetchEarly } from './early-fetch';

/**
 * The pages people open first, with what each needs at once: the entry script starts the
 * page's code and data in parallel with the app's own code, instead of after it has loaded
 * and started (a chain of three downloads on a slow phone: app → page → data). Paths must
 * be exactly those the page's API functions request; any that is not simply goes unclaimed.
 */
interface HotRoute {
  pattern: RegExp;
  page: () => Promise<unknown>;
  /** Needs a session: without one the app goes to /login, so that page is the one loaded. */
  signedIn: boolean;
  data?: (match: RegExpExecArray, search: string) => string[];
}

export const hotPages = {
  login: () => import('../auth/LoginPage'),
  home: () => import('../home/HomePage'),
  catalog: () => import('../courses/CourseCatalogPage'),
  lesson: () => import('../learning/LessonPlayerPage'),
  reports: () => import('../reports/ReportsPage'),
  verify: () => import('../verify/CertificateVerifyPage'),
};

const HOT_ROUTES: HotRoute[] = [
  { pattern: /^\/login\/?$/, page: hotPages.login, signedIn: false },
  {
    pattern: /^\/$/,
    page: hotPages.home,
    signedIn: true,
    data: () => ['/api/me/enrollments', '/api/me/requirements', '/api/me/certificates'],
  },
  {
    pattern: /^\/courses\/?$/,
    page: hotPages.catalog,
    signedIn: true,
    // The first page of the unfiltered catalog (courses/api.ts: page, then pageSize 12).
    data: (_, search) => (search ? [] : ['/api/courses?page=1&pageSize=12']),
  },
  {
    pattern: /^\/learn\/([^/]+)\/lessons\/([^/]+)\/?$/,
    page: hotPages.lesson,
    signedIn: true,
    data: ([, courseId, lessonId]) => [
      `/api/lessons/${lessonId}`,
      `/api/courses/${courseId}`,
      '/api/me/enrollments',
    ],
  },
  { pattern: /^\/reports\/?$/, page: hotPages.reports, signedIn: true },
  { pattern: /^\/verify(\/[^/]+)?\/?$/, page: hotPages.verify, signedIn: false },
];

/** What every signed-in page reads: the header's user and notification count. */
const SIGNED_IN_DATA = ['/api/me', '/api/me/notifications/unread-count'];

/** A token the server will still accept (a JWT whose `exp` has not passed), or null. */
function liveToken(): string | null {
  const token = authStore.getToken();
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' && payload.exp * 1000 > Date.now() ? token : null;
  } catch {
    return null;
  }
}

/** Starts the code and data of the page at `location` (see HotRoute); other pages load as usual. */
export function startHotRoute(location: Pick<Location, 'pathname' | 'search'>): void {
  const route = HOT_ROUTES.find((r) => r.pattern.test(location.pathname));
  if (!route) return;
  const token = liveToken();
  if (route.signedIn && !authStore.getToken()) {
    void hotPages.login().catch(() => undefined);
    return;
  }
  void route.page().catch(() => undefined); // React.lazy reports a failure when it asks again
  if (!route.signedIn || !token) return;
  const match = route.pattern.exec(location.pathname) as RegExpExecArray;
  fetchEarly([...SIGNED_IN_DATA, ...(route.data?.(match, location.search) ?? [])], token);
}
