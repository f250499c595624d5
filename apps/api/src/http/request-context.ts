import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../auth/auth-user';

/** Who is asking and from where, for the audit log; absent outside HTTP requests. */
export interface RequestContext {
  actor: { id: string; username: string } | null;
  ip: string | null;
  userAgent: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Opens the request's context around the route handler. An interceptor rather than an
 * Express middleware: it runs after the AuthGuard (so the actor is known), and Nest binds
 * the handler to the async context here, which body parsers' stream callbacks would lose.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const userAgent = req.headers['user-agent'];
    const store: RequestContext = {
      actor: req.user ? { id: req.user.id, username: req.user.username } : null,
      // With 'trust proxy' set, the client address a local reverse proxy passed on.
      ip: req.ip ?? null,
      userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
    };
    return storage.run(store, () => next.handle());
  }
}
