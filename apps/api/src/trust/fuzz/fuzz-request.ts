/** One malformed request, fully specified (path with its query string, raw payload). */
export interface FuzzRequest {
  label: string;
  path: string;
  contentType?: string;
  payload?: string | Buffer;
  multipart?: {
    fields?: Record<string, string>;
    files?: { field: string; content: Buffer; filename: string; contentType: string }[];
  };
}

/** Vietnamese, emoji, right-to-left text and a NUL byte: no field may store a NUL. */
export const UNICODE_WITH_NUL = 'Chuyển đổi số 🎓👩🏽‍💻 ‏مرحبا עברית‏ \u0000 hết';

/** Beyond every field's bound (the largest, lesson content, is 200 KB) yet under the 1 MB body limit. */
export const HUGE_STRING = 'ệ'.repeat(100 * 1024);

/** A query value long enough to break any bound, short enough for Node's 16 KB header limit. */
export const LONG_QUERY_VALUE = 'ệ'.repeat(1200);

/** Over the JSON body limit (1 MB): 413 in the contract's shape. */
export const OVERSIZED = 'x'.repeat(2 * 1024 * 1024);

export function queryString(query: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
