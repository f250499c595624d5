import type { Response } from 'express';
import { createHash } from 'node:crypto';

interface Serialized {
  bytes: Buffer;
  etag: string;
}

/** JSON bytes and validator of bodies that many responses share, for as long as they live. */
const serialized = new WeakMap<object, Serialized>();

/**
 * Answers with an object from an in-memory cache: its JSON bytes and ETag are computed once
 * per cached object instead of once per response, and a client that sends the ETag back
 * (browsers do, on `no-cache`) gets 304 without the body — which matters on a commune's
 * slow link. The bytes are written as they are: Express's `send` would encode the text to
 * UTF-8 again on every response (a lesson runs to tens of KB). Use with `@Res()` (not
 * passthrough): the response is finished here.
 */
export function sendSharedJson(res: Response, body: object): void {
  let s = serialized.get(body);
  if (!s) {
    const bytes = Buffer.from(JSON.stringify(body), 'utf8');
    s = { bytes, etag: `W/"${createHash('sha1').update(bytes).digest('base64url')}"` };
    serialized.set(body, s);
  }
  // Per user (it depends on the caller's unit): browsers may keep it, shared caches not.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('ETag', s.etag);
  // Express's freshness test (If-None-Match against the ETag, a request's no-cache honoured).
  if (res.req.fresh) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', s.bytes.length);
  if (res.req.method === 'HEAD') res.end();
  else res.end(s.bytes);
}
