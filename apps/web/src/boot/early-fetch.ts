/**
 * API reads started by the entry script, before the app's code has arrived, and handed to
 * the app's first identical request (same path, GET, same token) instead of a second trip.
 * On a phone the app's code takes a second or more to download and start; the page's data
 * comes meanwhile. Nothing else changes for the app: its client calls `fetch` as always and
 * gets a real Response (an error answer too, e.g. a 401 that makes it refresh the session).
 */
interface EarlyRead {
  authorization: string;
  response: Promise<Response>;
  expires: number;
}

/** Unclaimed reads are dropped after this long: by then the app asks on its own. */
const LIFETIME_MS = 10_000;
const early = new Map<string, EarlyRead>();
let originalFetch: typeof fetch | null = null;

/** Starts `paths` (e.g. `/api/me`) with the access token, for the app to claim. */
export function fetchEarly(paths: readonly string[], token: string): void {
  if (!paths.length || typeof fetch !== 'function') return;
  originalFetch ??= installClaimingFetch();
  const authorization = `Bearer ${token}`;
  const expires = Date.now() + LIFETIME_MS;
  for (const path of paths) {
    const response = originalFetch(path, {
      headers: { Accept: 'application/json', Authorization: authorization },
    });
    response.catch(() => undefined); // a failure is the app's to see, if it claims this read
    early.set(path, { authorization, response, expires });
  }
}

/** How many early reads are still unclaimed (for tests). */
export function pendingEarlyReads(): number {
  return early.size;
}

function installClaimingFetch(): typeof fetch {
  const original = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => claim(input, init, original) ?? original(input, init);
  return original;
}

function claim(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  original: typeof fetch,
): Promise<Response> | undefined {
  if (!early.size) return undefined;
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (method !== 'GET') {
    early.clear(); // a write may change what they read
    return undefined;
  }
  if (typeof input !== 'string') return undefined;
  const read = early.get(input);
  if (!read) return undefined;
  early.delete(input);
  const authorization = new Headers(init?.headers).get('Authorization');
  if (Date.now() > read.expires || authorization !== read.authorization) return undefined;
  if (init?.signal?.aborted) return undefined; // let fetch reject as it would
  // A network failure of the early read gets the app its own attempt.
  return read.response.catch(() => original(input, init));
}
