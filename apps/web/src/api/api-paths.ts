import type { paths } from './openapi.generated';

export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The documented paths without the `/api` prefix the client adds: `/courses/{id}`. */
type Documented = {
  [K in keyof paths as K extends `/api${infer Rest}` ? Rest : never]: paths[K];
};

/**
 * A path the OpenAPI document declares for this method (generated types, so a typo, a
 * removed route or the wrong method fails the web's typecheck). Parameters stay as
 * `{name}` placeholders, filled from `path` by the client.
 */
export type ApiPath<M extends ApiMethod> = {
  [P in keyof Documented]: Documented[P][M] extends undefined ? never : P;
}[keyof Documented];

/** Query string: URLSearchParams as built by a screen's filters, or plain values. */
export type ApiQuery =
  URLSearchParams | string | Record<string, string | number | boolean | null | undefined>;

export interface PathOptions {
  /** Values of the path's `{name}` placeholders (each one required, none left over). */
  path?: Record<string, string | number>;
  query?: ApiQuery;
}

/**
 * `/courses/{id}` + `{id: 'a b'}` → `/courses/a%20b?…`. A missing or unused parameter is a
 * programming error: it throws instead of calling a wrong URL.
 */
export function buildApiPath(template: string, options: PathOptions = {}): string {
  const values = options.path ?? {};
  const used = new Set<string>();
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === '') throw new Error(`${template}: no value for {${name}}`);
    used.add(name);
    return encodeURIComponent(String(value));
  });
  const unused = Object.keys(values).filter((k) => !used.has(k));
  if (unused.length) throw new Error(`${template}: no placeholder for ${unused.join(', ')}`);
  const query = queryString(options.query);
  return query ? `${path}?${query}` : path;
}

function queryString(query: ApiQuery | undefined): string {
  if (!query) return '';
  if (typeof query === 'string') return query.replace(/^\?/, '');
  if (query instanceof URLSearchParams) return query.toString();
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}
