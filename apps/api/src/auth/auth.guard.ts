import type { Role } from '@dx/contracts';
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { currentRequestContext } from '../http/request-context';
import { AccessTokensService } from './access-tokens.service';
import { AccountStatusService } from './account-status.service';
import { AuthUser, hasRole } from './auth-user';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public(), and the
 * roles named by @Roles(). Scope (which org units) is checked by the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: AccessTokensService,
    private readonly accounts: AccountStatusService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('Sign in first');
    const payload = await this.tokens.verify(token);
    if (!payload) throw new UnauthorizedException('Invalid or expired token');
    // A deactivated or erased account's tokens stop working (within the status cache's TTL).
    if (!(await this.accounts.isActive(payload.sub, payload.sid)))
      throw new UnauthorizedException('Invalid or expired token');
    req.user = {
      id: payload.sub,
      username: payload.username,
      orgUnitId: payload.orgUnitId,
      roles: payload.roles,
    };
    const context = currentRequestContext();
    if (context) context.actor = { id: payload.sub, username: payload.username };

    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required?.length && !hasRole(req.user, ...required)) {
      throw new ForbiddenException('Your role does not allow this');
    }
    return true;
  }
}
