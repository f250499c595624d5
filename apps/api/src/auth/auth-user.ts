import type { Role } from '@dx/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  orgUnitId: string;
  roles: Role[];
}

export interface AccessTokenPayload {
  sub: string;
  username: string;
  orgUnitId: string;
  roles: Role[];
  /**
   * The sign-in (refresh-token family) the token belongs to: signing out ends it, and with
   * it this access token. Tokens without one (minted by tools) answer to deactivation only.
   */
  sid?: string;
}

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return user.roles.includes('sysadmin') || roles.some((r) => user.roles.includes(r));
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user,
);
