import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

/** Who is asking and from where, for the audit log; absent outside HTTP requests. */
export interface RequestContext {
  /** Set by the AuthGuard once the token is verified; null for anonymous requests. */
  actor: { id: string; username: string } | null;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Opens the request's context for everything after it. Registered after the body parsers:
 * their stream callbacks would lose an async context opened before them. An Express
 * middleware rather than a Nest interceptor: a global interceptor makes Nest wrap every
 * handler in rxjs and AsyncResource.bind, about a tenth of a cached read's CPU (npm run bench).
 */
export function requestContext(req: Request, _res: Response, next: NextFunction): void {
  const userAgent = req.headers['user-agent'];
  const store: RequestContext = {
    actor: null,
    // With 'trust proxy' set, the client address a local reverse proxy passed on.
    ip: req.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
  storage.run(store, next);
}
