import { buildApiPath, type ApiPath, type PathOptions } from '../api/api-paths';
import { authStore } from '../auth/auth-store';
import { fetchEarly } from './early-fetch';

/**
 * The pages people open first, with what each needs at once: the entry script starts the
 * page's code and data in parallel with the app's own code, instead of after it has loaded
 * and started (a chain of three downloads on a slow phone: app → page → data). Reads must
 * be exactly those the page's API functions make (documented paths, as the typed client
 * builds them); one that is not simply goes unclaimed (the spec checks them).
 */
type Read = [ApiPath<'get'>, PathOptions?];

/** What the access token says of the caller (the API's AccessTokenPayload). */
interface Session {
  token: string;
  orgUnitId?: string;
}

interface HotRoute {
  pattern: RegExp;
  page: () => Promise<unknown>;
  /** Needs a session: without one the app goes to /login, so that page is the one loaded. */
  signedIn: boolean;
  data?: (match: RegExpExecArray, search: string, session: Session) => Read[];
}

export const hotPages = {
  login: () => import('../auth/LoginPage'),
  home: () => import('../home/HomePage'),
  catalog: () => import('../courses/CourseCatalogPage'),
  lesson: () => import('../learning/LessonPlayerPage'),
  reports: () => import('../reports/ReportsPage'),
  report: () => import('../reports/ReportPage'),
  verify: () => import('../verify/CertificateVerifyPage'),
};

const HOT_ROUTES: HotRoute[] = [
  { pattern: /^\/login\/?$/, page: hotPages.login, signedIn: false },
  {
    pattern: /^\/$/,
    page: hotPages.home,
    signedIn: true,
    data: () => [['/me/enrollments'], ['/me/requirements'], ['/me/certificates']],
  },
  {
    pattern: /^\/courses\/?$/,
    page: hotPages.catalog,
    signedIn: true,
    // The first page of the unfiltered catalog (courses/api.ts: page, then pageSize 12).
    data: (_, search) => (search ? [] : [['/courses', { query: { page: 1, pageSize: 12 } }]]),
  },
  {
    pattern: /^\/learn\/([^/]+)\/lessons\/([^/]+)\/?$/,
    page: hotPages.lesson,
    signedIn: true,
    // The course's progress too (✓ marks of the sidebar): asked by the app only once the
    // enrolments have come, it was a second round trip and a second render of the page.
    data: ([, courseId, lessonId]) => [
      ['/lessons/{id}', { path: { id: decodeURIComponent(lessonId) } }],
      ['/courses/{id}', { path: { id: decodeURIComponent(courseId) } }],
      ['/me/enrollments'],
      ['/me/enrollments/{courseId}/progress', { path: { courseId: decodeURIComponent(courseId) } }],
    ],
  },
  {
    pattern: /^\/reports\/?$/,
    page: hotPages.reports,
    signedIn: true,
    // The unit the form starts with (the address's, else the caller's own, which the token
    // names): the page asked for it only once /api/me had come, a second round trip.
    data: (_, search, session) => {
      const unit = new URLSearchParams(search).get('unit') ?? session.orgUnitId;
      return unit ? [['/org-units/{id}', { path: { id: unit } }]] : [];
    },
  },
  {
    // A rendered report (a UUID: not /reports/people): its heading waited for the page's
    // code, then for its rows, one after the other.
    pattern: /^\/reports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i,
    page: hotPages.report,
    signedIn: true,
    data: ([, reportId]) => [['/reports/coverage/{reportId}', { path: { reportId } }]],
  },
  { pattern: /^\/verify(\/[^/]+)?\/?$/, page: hotPages.verify, signedIn: false },
];

/** What every signed-in page reads: the header's user and notification count. */
const SIGNED_IN_DATA: Read[] = [['/me'], ['/me/notifications/unread-count']];

/** A token the server will still accept (a JWT whose `exp` has not passed), or null. */
function liveSession(): Session | null {
  const token = authStore.getToken();
  if (!token) return null;
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof payload.exp !== 'number' || payload.exp * 1000 <= Date.now()) return null;
    const orgUnitId = typeof payload.orgUnitId === 'string' ? payload.orgUnitId : undefined;
    return { token, orgUnitId };
  } catch {
    return null;
  }
}

/**
 * Starts the code and data of the page at `location` (see HotRoute); other pages load as
 * usual. Never throws: whatever goes wrong here, the app still loads the page itself.
 */
export function startHotRoute(location: Pick<Location, 'pathname' | 'search'>): void {
  try {
    const route = HOT_ROUTES.find((r) => r.pattern.test(location.pathname));
    if (!route) return;
    if (route.signedIn && !authStore.getToken()) {
      void hotPages.login().catch(() => undefined);
      return;
    }
    void route.page().catch(() => undefined); // React.lazy reports a failure when it asks again
    const session = liveSession();
    if (!route.signedIn || !session) return;
    const match = route.pattern.exec(location.pathname) as RegExpExecArray;
    const reads = [...SIGNED_IN_DATA, ...(route.data?.(match, location.search, session) ?? [])];
    // The client's base is /api (api/client.ts).
    fetchEarly(
      reads.map(([path, options]) => `/api${buildApiPath(path, options)}`),
      session.token,
    );
  } catch {
    // e.g. a malformed %-escape in the address: nothing is started early
  }
}
