import type { PageQuery } from './http';
import type { CsvSeparator } from './reports';
import type { DxRole } from './roles';

/** DX roles a requirement can name (people with `none` are not DX staff). */
export const REQUIREMENT_DX_ROLES = ['full_time', 'part_time'] as const;
export type RequirementDxRole = (typeof REQUIREMENT_DX_ROLES)[number];

/** `POST /api/requirements` answer and `GET /api/requirements` item. */
export interface Requirement {
  id: string;
  year: number;
  orgUnitId: string;
  orgUnitName: string;
  dxRoles: DxRole[];
  jobTitles: string[];
  hours: number;
  dueDate: string;
  curriculumId: string | null;
  curriculumTitle: string | null;
  createdAt: string;
}

export type MyRequirementStatus = 'met' | 'in_progress' | 'overdue';

/** A course that counts toward a requirement (those of its curriculum). */
export interface RequirementCourse {
  courseId: string;
  title: string;
  hours: number;
  completed: boolean;
}

/** `GET /api/me/requirements` item. */
export interface MyRequirement {
  id: string;
  year: number;
  hours: number;
  hoursEarned: number;
  dueDate: string;
  status: MyRequirementStatus;
  orgUnitName: string;
  curriculumId: string | null;
  curriculumTitle: string | null;
  /** With a curriculum: its courses; without: empty (every course counts). */
  courses: RequirementCourse[];
}

/** `POST /api/training-records` answer: training done outside the platform. */
export interface TrainingRecord {
  id: string;
  userId: string;
  title: string;
  hours: number;
  completedOn: string;
  year: number;
  provider: string;
  /** A scanned evidence file was uploaded: `GET /api/training-records/:id/evidence`. */
  hasEvidence: boolean;
  createdAt: string;
  updatedAt: string;
}

/**
 * `GET /api/me/training-records` item: one's own recorded training, as HR entered it. With
 * `hasEvidence`, the person downloads the scan at `GET /api/me/training-records/:id/evidence`.
 */
export type MyTrainingRecord = Pick<
  TrainingRecord,
  'id' | 'title' | 'hours' | 'completedOn' | 'year' | 'provider' | 'hasEvidence'
>;

/**
 * `PUT /api/training-records/:id/evidence`: multipart field `file`, one scan or photo of the
 * certificate or attendance list, PDF, JPEG or PNG (recognised by content), up to 10 MB.
 */
export const TRAINING_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const TRAINING_EVIDENCE_TYPES = ['pdf', 'jpeg', 'png'] as const;
export type TrainingEvidenceType = (typeof TRAINING_EVIDENCE_TYPES)[number];

export const PEOPLE_REPORT_STATUSES = ['untrained', 'trained', 'all'] as const;
export type PeopleReportStatus = (typeof PEOPLE_REPORT_STATUSES)[number];
export const PEOPLE_REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type PeopleReportFormat = (typeof PEOPLE_REPORT_FORMATS)[number];

/** `POST /api/reports/people/exports`: the whole list of a subtree as a file, made by the worker. */
export interface PeopleExportRequest {
  orgUnitId: string;
  /** Default: this year. */
  year?: number;
  status: PeopleReportStatus;
  dxRole?: DxRole;
  format: PeopleReportFormat;
  /**
   * CSV only (refused with `xlsx`): `;` with decimal commas for Excel in Vietnamese, or `,`
   * (default). Either way UTF-8 with a BOM.
   */
  separator?: CsvSeparator;
}

/** `GET /api/reports/people/exports/:jobId`. */
export interface PeopleExportStatus {
  state: 'waiting' | 'active' | 'completed' | 'failed';
  /** 0–100. */
  progress: number;
  /** People written so far, and in all (once counted). */
  done: number;
  total?: number;
  /** Once completed: the file (API path, bearer token), until `expiresAt`. */
  downloadUrl?: string;
  expiresAt?: string;
  error?: string;
}

export interface PeopleExportJobData {
  exportId: string;
}

export function peopleExportJobId(exportId: string): string {
  return `people-export-${exportId}`;
}

/** `GET /api/reports/people` item: a DX staff member of the subtree at the end of the year. */
export interface PeopleReportRow {
  userId: string;
  username: string;
  fullName: string;
  orgUnitId: string;
  orgUnitName: string;
  dxRole: DxRole;
  hoursEarned: number;
  /** The largest requirement of the year that applies (null: none applies). */
  requiredHours: number | null;
  requirementMet: boolean;
  trained: boolean;
  lastCompletedOn: string | null;
}

/** `POST /api/requirements`: hours (or a curriculum) DX staff of a subtree owe in a year. */
export interface CreateRequirementRequest {
  year: number;
  orgUnitId: string;
  dxRoles: RequirementDxRole[];
  jobTitles?: string[];
  hours?: number;
  /** YYYY-MM-DD. */
  dueDate: string;
  curriculumId?: string;
}

/** `PATCH /api/requirements/:id`: the year, the unit and the curriculum stay. */
export type UpdateRequirementRequest = Partial<
  Omit<CreateRequirementRequest, 'year' | 'orgUnitId' | 'curriculumId'>
>;

/** `GET /api/requirements`. */
export interface RequirementListQuery extends PageQuery {
  year?: number;
  orgUnitId?: string;
}

/** `?year=` of the yearly views (default: this year, TZ_REPORTS). */
export interface TrainingYearQuery {
  year?: number;
}

/** A training followed outside the platform, as hr records it. */
export interface TrainingRecordFields {
  title: string;
  hours: number;
  /** YYYY-MM-DD. */
  completedOn: string;
  provider: string;
}

/** `POST /api/training-records`. */
export interface CreateTrainingRecordRequest extends TrainingRecordFields {
  userId: string;
}

/** `PATCH /api/training-records/:id`. */
export type UpdateTrainingRecordRequest = Partial<TrainingRecordFields>;

/** `GET /api/training-records?userId=`. */
export interface TrainingRecordListQuery {
  userId: string;
}

/** `GET /api/reports/people`: a page of the list, or the whole list as a file with `format`. */
export interface PeopleReportListQuery extends PageQuery {
  orgUnitId: string;
  /** Default: this year. */
  year?: number;
  /** Default: `all`. */
  status?: PeopleReportStatus;
  dxRole?: RequirementDxRole;
  format?: PeopleReportFormat;
}
