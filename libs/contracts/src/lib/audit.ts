import type { PageQuery } from './http';

/** Administrative actions written to the audit log. */
export const AUDIT_ACTIONS = [
  'user.created',
  'users.imported',
  'user.deleted',
  'org_unit.created',
  'org_unit.merged',
  'org_unit.merge_scheduled',
  'org_unit.merge_cancelled',
  'course.published',
  'course.archived',
  'course.draft_discarded',
  'certificate.revoked',
  'certificate.reissued',
  'curriculum.published',
  'curriculum.archived',
  'auth.refresh_token_reused',
  'user.activation_code_issued',
  'user.activated',
  'auth.password_changed',
  'auth.password_reset',
  'user.updated',
  'user.roles_changed',
  'user.transferred',
  'user.deactivated',
  'user.reactivated',
  'requirement.created',
  'requirement.updated',
  'requirement.deleted',
  'training_record.created',
  'training_record.updated',
  'training_record.deleted',
  'training_record.evidence_uploaded',
  'training_record.evidence_removed',
  'certificate.key_rotated',
  'certificate.key_compromised',
  'certificate.public_rate_limited',
  'auth.mfa_enabled',
  'auth.mfa_disabled',
  'auth.mfa_reset',
  'certificate.issuer_updated',
  'certificate.issuer_seal_updated',
  'user.activation_slips_requested',
  'org_unit.renamed',
  'certificate.export_requested',
  'report.people_export_requested',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of `GET /api/audit-log` (sysadmin). */
export interface AuditLogEntryResponse {
  id: string;
  at: string;
  actorId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  orgUnitId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
}

/** `GET /api/audit-log`: filters of the log (all optional); `from`/`to` are ISO 8601 instants. */
export interface AuditLogListQuery extends PageQuery {
  actorId?: string;
  /** Exact action name, e.g. `user.created`. */
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
}
