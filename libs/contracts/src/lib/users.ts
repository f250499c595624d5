import type { DxRole, Role } from './roles';

export interface UserResponse {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  dateOfBirth: string | null;
  orgUnitId: string;
  jobTitle: string | null;
  dxRole: DxRole;
  roles: Role[];
  /** Added in v2: false once deactivated (cannot sign in; history and certificates stay). */
  active: boolean;
  createdAt: string;
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface UserImportResult {
  created: number;
  updated: number;
  errors: ImportRowError[];
}
