import type { Role } from '@dx/contracts';
import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'requiredRoles';

/** The caller needs one of these roles (sysadmin passes every check). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);
