import type { DxRole, Role } from './roles';
import type { ErrorParams, FieldErrorCode } from './errors';
import type { PageQuery } from './http';

export interface UserResponse {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  dateOfBirth: string | null;
  /**
   * Citizen identity number (CCCD, 12 digits): personal data, in answers to hr and
   * sysadmin only (absent for trainers and everywhere else).
   */
  nationalId?: string | null;
  orgUnitId: string;
  jobTitle: string | null;
  dxRole: DxRole;
  roles: Role[];
  /** Added in v2: false once deactivated (cannot sign in; history and certificates stay). */
  active: boolean;
  createdAt: string;
}

/** A refused row of an import: `message` in English (logs), `code` (+ `params`) for the UI. */
export interface ImportRowError {
  row: number;
  field: string;
  code: FieldErrorCode;
  message: string;
  params?: ErrorParams;
}

export interface UserImportResult {
  created: number;
  updated: number;
  errors: ImportRowError[];
}

/** `POST /api/activation-slips` (hr in scope, sysadmin): slips for a unit's subtree. */
export interface ActivationSlipsRequest {
  orgUnitId: string;
}

/**
 * `GET /api/activation-slips/:jobId`: the worker issues a code for every active person
 * of the subtree who has not activated yet (no password, not a sysadmin) and prints them as
 * a PDF of slips to cut and an XLSX list. The files hold live codes: only whoever may ask for
 * the unit's slips can download them.
 */
export interface ActivationSlipsStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  /** 0–100. */
  progress: number;
  /** People with a slip, once completed. */
  count?: number;
  /** The codes stop working then (ACTIVATION_CODE_TTL_DAYS after the job ran). */
  expiresAt?: string;
  /** Once completed: the PDF of slips and the XLSX list (with the caller's bearer token). */
  pdfUrl?: string;
  xlsxUrl?: string;
  error?: string;
}

/** Payload of `JobName.MakeActivationSlips`; job id `activation-slips-<batchId>`. */
export interface ActivationSlipsJobData {
  batchId: string;
}

export function activationSlipsJobId(batchId: string): string {
  return `activation-slips-${batchId}`;
}

/** `POST /api/users` (hr in scope, sysadmin). */
export interface CreateUserRequest {
  username: string;
  password: string;
  fullName: string;
  email?: string;
  /** YYYY-MM-DD. */
  dateOfBirth?: string;
  /** The 12 digits of the citizen identity card (CCCD); spaces are ignored. */
  nationalId?: string;
  orgUnitId: string;
  jobTitle?: string;
  dxRole: DxRole;
  roles?: Role[];
}

/**
 * `PATCH /api/users/:id`: only the fields given change; `null` clears email, job title and
 * national id. `orgUnitId` transfers the person, from `effectiveDate` (YYYY-MM-DD) if given.
 */
export interface UpdateUserRequest {
  fullName?: string;
  email?: string | null;
  jobTitle?: string | null;
  nationalId?: string | null;
  dxRole?: DxRole;
  roles?: Role[];
  active?: boolean;
  orgUnitId?: string;
  effectiveDate?: string;
}

/** `GET /api/users`: people of a unit's subtree (default: the caller's scope), by name or username. */
export interface UserListQuery extends PageQuery {
  orgUnitId?: string;
  q?: string;
}
