import type { Role } from '@dx/contracts';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** Who is calling, as proven by the access token. */
export interface AuthUser {
  id: string;
  username: string;
  orgUnitId: string;
  roles: Role[];
}

/** The access token's claims: declared in the contract, so tools mint the same tokens. */
export type { AccessTokenPayload } from '@dx/contracts';

export function hasRole(user: AuthUser, ...roles: Role[]): boolean {
  return user.roles.includes('sysadmin') || roles.some((r) => user.roles.includes(r));
}

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest().user,
);
