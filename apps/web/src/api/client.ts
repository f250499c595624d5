import type { RefreshTokenRequest } from '@dx/contracts';
import { authStore } from '../auth/auth-store';
import { networkError, parseApiError } from './api-error';
import { ApiMethod, ApiPath, apiUrl, buildApiPath, PathOptions } from './api-paths';

export { ApiError, isApiError } from './api-error';

const BASE_URL = '/api';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** JSON-encoded, unless it is FormData (multipart upload: the browser sets the boundary). */
  body?: unknown;
  /** Public endpoints: send no token, and a 401 does not end the session. */
  anonymous?: boolean;
  signal?: AbortSignal;
  /**
   * The browser cache's part: `no-cache` asks the server again even for an answer it lets
   * caches keep (the public key list, cached 5 minutes for verifiers).
   */
  cache?: RequestCache;
}

/** A JSON answer with what the quiz timer needs to know about the server's clock. */
export interface ApiResponse<T> {
  data: T;
  /** The `Date` header (second precision), or null when a proxy dropped it. */
  serverDate: string | null;
  /** Client clock (ms) when the request was sent and when its answer arrived. */
  sentAt: number;
  receivedAt: number;
}

/**
 * Turns an API URL given by the server (pdfUrl, fileUrl: `/api/…` or absolute on this
 * origin) into a path for apiRequest; any other URL comes back unchanged.
 */
export function toApiPath(url: string, origin = globalThis.location?.origin): string {
  let parsed: URL;
  try {
    parsed = new URL(url, origin ?? 'http://localhost');
  } catch {
    return url;
  }
  const sameOrigin = !/^[a-z][a-z0-9+.-]*:/i.test(url) || parsed.origin === origin;
  if (!sameOrigin || !parsed.pathname.startsWith(`${BASE_URL}/`)) return url;
  return parsed.pathname.slice(BASE_URL.length) + parsed.search;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Trades the refresh token for a new pair, once for all callers at a time: the server
 * rotates refresh tokens, and two parallel uses of one would look like theft to it.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = authStore.getRefreshToken();
    if (!refreshToken) return false;
    try {
      const res = await fetch(`${BASE_URL}/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken } satisfies RefreshTokenRequest),
      });
      if (!res.ok) return false;
      const pair = (await res.json()) as { accessToken: string; refreshToken: string };
      authStore.setToken(pair.accessToken, pair.refreshToken);
      return true;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * fetch wrapper for the API: Bearer token, typed ApiError on failure. A 401 on an
 * authenticated call first tries to refresh the session (short-lived access tokens) and
 * repeats the call once; if that fails the token is cleared and RequireAuth sends the
 * user to /login (remembering where they were).
 */
async function send(
  path: string,
  options: RequestOptions,
  accept: string,
  retried = false,
): Promise<Response> {
  const { method = 'GET', body, anonymous = false, signal, cache } = options;
  const headers: Record<string, string> = { Accept: accept };
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const token = anonymous ? null : authStore.getToken();
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(`${BASE_URL}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal,
      cache,
    });
  } catch (cause) {
    throw networkError(cause);
  }

  if (!response.ok) {
    const error = parseApiError(response.status, response.statusText, await response.text());
    if (error.statusCode === 401 && token) {
      if (!retried && (await refreshSession())) return send(path, options, accept, true);
      authStore.clearToken();
    }
    throw error;
  }
  return response;
}

async function readJson<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return readJson<T>(await send(path, options, 'application/json'));
}

async function apiRequestWithMeta<T>(
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const sentAt = Date.now();
  const response = await send(path, options, 'application/json');
  const receivedAt = Date.now();
  const data = await readJson<T>(response);
  return { data, serverDate: response.headers.get('Date'), sentAt, receivedAt };
}

/** An authenticated file (certificate PDF, lesson attachment): links cannot carry the token. */
async function apiBlob(path: string, signal?: AbortSignal): Promise<Blob> {
  const response = await send(path, { signal }, '*/*');
  return response.blob();
}

/** A downloaded file and the name the server gave it (Content-Disposition), if any. */
export interface ApiFile {
  blob: Blob;
  fileName: string | null;
}

/** Like apiBlob, keeping the server's file name (exports are named in Vietnamese). */
async function apiFile(path: string, signal?: AbortSignal): Promise<ApiFile> {
  const response = await send(path, { signal }, '*/*');
  const fileName = fileNameOf(response.headers.get('Content-Disposition'));
  return { blob: await response.blob(), fileName };
}

/** `filename*=UTF-8''…` (RFC 5987) when present, else the plain `filename="…"`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // malformed escapes: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  return name ? name : null;
}

type NoBody = Omit<RequestOptions, 'method' | 'body'>;
/** Options of a typed call: the path's parameters and query, the token, the abort signal. */
export type CallOptions = NoBody & PathOptions;

function call<T>(method: ApiMethod, path: string, body: unknown, options: CallOptions = {}) {
  const { path: params, query, ...rest } = options;
  return apiRequest<T>(buildApiPath(path, { path: params, query }), {
    ...rest,
    method: method.toUpperCase() as RequestOptions['method'],
    body,
  });
}

/**
 * THE client of the API: every call names a path of the OpenAPI document (`ApiPath`,
 * generated), its parameters and query apart, so no URL is written by hand in the web
 * (a lint rule refuses '/api/' strings outside this folder). `T` is the contract type
 * (`@dx/contracts`) the screen reads.
 */
export const api = {
  get: <T>(path: ApiPath<'get'>, options?: CallOptions) => call<T>('get', path, undefined, options),
  post: <T>(path: ApiPath<'post'>, body?: unknown, options?: CallOptions) =>
    call<T>('post', path, body, options),
  patch: <T>(path: ApiPath<'patch'>, body?: unknown, options?: CallOptions) =>
    call<T>('patch', path, body, options),
  put: <T>(path: ApiPath<'put'>, body?: unknown, options?: CallOptions) =>
    call<T>('put', path, body, options),
  delete: <T = void>(path: ApiPath<'delete'>, options?: CallOptions) =>
    call<T>('delete', path, undefined, options),
  /** A JSON answer with the server clock around it (the quiz timer). */
  withMeta: <T, M extends ApiMethod = 'get'>(
    method: M,
    path: ApiPath<M>,
    options: CallOptions & { body?: unknown } = {},
  ): Promise<ApiResponse<T>> => {
    const { path: params, query, ...rest } = options;
    return apiRequestWithMeta<T>(buildApiPath(path, { path: params, query }), {
      ...rest,
      method: method.toUpperCase() as RequestOptions['method'],
    });
  },
  /** The URL of a documented path, for a page the browser itself opens (sign-on redirects). */
  href: apiUrl,
  /** A file that needs the token (a PDF to show). */
  blob: (path: ApiPath<'get'>, options: CallOptions = {}) =>
    apiBlob(buildApiPath(path, options), options.signal),
  /** A downloaded file with the server's file name (exports named in Vietnamese). */
  file: (path: ApiPath<'get'>, options: CallOptions = {}) =>
    apiFile(buildApiPath(path, options), options.signal),
  /** A file behind a URL the server gave (pdfUrl, fileUrl, downloadUrl), with the token. */
  blobAt: (url: string, signal?: AbortSignal) => apiBlob(toApiPath(url), signal),
  fileAt: (url: string, signal?: AbortSignal) => apiFile(toApiPath(url), signal),
};

/** Lists come as the contract's `{items, …}`, but tolerate a bare array. */
export function itemsOf<T>(value: T[] | { items: T[] } | null | undefined): T[] {
  if (Array.isArray(value)) return value;
  return value?.items ?? [];
}
