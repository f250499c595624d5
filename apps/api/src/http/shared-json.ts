import type { Response } from 'express';
import { createHash } from 'node:crypto';

interface Serialized {
  json: string;
  etag: string;
}

/** JSON text and validator of bodies that many responses share, for as long as they live. */
const serialized = new WeakMap<object, Serialized>();

/**
 * For a route returning an object from an in-memory cache: its JSON text and ETag are
 * computed once per cached object instead of once per response, and a client that sends
 * the ETag back (browsers do, on `no-cache`) gets 304 without the body — which matters on
 * a commune's slow link. Use with `@Res({ passthrough: true })` and return what this returns.
 */
export function sharedJson(res: Response, body: object): string {
  let s = serialized.get(body);
  if (!s) {
    const json = JSON.stringify(body);
    s = { json, etag: `W/"${createHash('sha1').update(json).digest('base64url')}"` };
    serialized.set(body, s);
  }
  // Per user (it depends on the caller's unit): browsers may keep it, shared caches not.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', s.etag);
  res.type('json');
  return s.json;
}
