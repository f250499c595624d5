import type { DxRole, Role } from './roles';

export interface MeResponse {
  id: string;
  username: string;
  fullName: string;
  orgUnitId: string;
  roles: Role[];
  dxRole: DxRole;
}

export interface LoginResponse {
  accessToken: string;
  user: MeResponse;
}
