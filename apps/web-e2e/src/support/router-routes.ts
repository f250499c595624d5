import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The web app's router: every route is declared in this one file. */
const APP_ROUTER = resolve(__dirname, '../../../web/src/app/App.tsx');

/**
 * Every route of the router as a path pattern (`/`, `/courses/:courseId`, `*`), read from
 * its source: a route added to the app is known here without anyone listing it.
 */
export function routerRoutes(source = readFileSync(APP_ROUTER, 'utf8')): string[] {
  const routes: string[] = [];
  for (const m of source.matchAll(/<Route\b([^>]*?)(?:\/>|>)/gs)) {
    const attrs = m[1];
    const path = /\bpath="([^"]+)"/.exec(attrs)?.[1];
    if (path) routes.push(path === '*' ? '*' : `/${path}`);
    else if (/\bindex\b/.test(attrs)) routes.push('/');
    // A route without path or index is a layout (it renders its children only).
  }
  return routes;
}

/** Whether a concrete path (no query) is one of `route`'s (`*` matches anything). */
export function pathMatches(route: string, path: string): boolean {
  if (route === '*') return true;
  const pattern = route
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}$`).test(path.split('?')[0]);
}
