import type { EnrollmentStatus } from './learning';

export type CurriculumStatus = 'draft' | 'published' | 'archived';

/**
 * A learning path (chương trình bồi dưỡng): an ordered set of courses for a job position
 * or audience, with the hours a person should reach each year.
 */
export interface CurriculumSummary {
  id: string;
  code: string;
  title: string;
  description: string;
  audience: string;
  /** Job titles it applies to; empty: everyone who sees it. */
  jobTitles: string[];
  hoursPerYear: number;
  ownerOrgUnitId: string;
  status: CurriculumStatus;
  courseCount: number;
  /** Sum of the courses' hours (their live versions). */
  totalHours: number;
  /** The caller may edit it (trainer in scope, sysadmin). */
  canEdit: boolean;
}

/** The caller's enrolment in one course of a curriculum. */
export interface CurriculumEnrollment {
  enrollmentId: string;
  status: EnrollmentStatus;
  progress: number;
  completedAt: string | null;
}

export interface CurriculumCourse {
  courseId: string;
  code: string;
  title: string;
  hours: number;
  position: number;
  /** Whether a learner can enrol now (published course). */
  courseStatus: 'draft' | 'published' | 'archived';
  enrollment: CurriculumEnrollment | null;
}

/** How far the caller is along a curriculum. */
export interface CurriculumProgress {
  coursesTotal: number;
  coursesCompleted: number;
  /** Hours of the curriculum's courses the caller completed this calendar year (TZ_REPORTS). */
  hoursThisYear: number;
  hoursPerYear: number;
  year: number;
  /** Every course completed. */
  completed: boolean;
  /** The programme certificate, once earned. */
  certificateId: string | null;
}

/** `GET /api/curricula/:id`. */
export interface CurriculumDetail extends CurriculumSummary {
  courses: CurriculumCourse[];
  progress: CurriculumProgress;
}

/** `GET /api/me/curricula` items. */
export interface MyCurriculum extends CurriculumSummary {
  progress: CurriculumProgress;
}

/** `POST /api/curricula`: a yearly programme of courses for DX staff. */
export interface CreateCurriculumRequest {
  code: string;
  title: string;
  description?: string;
  audience?: string;
  /** Job titles it applies to (matched without case or diacritics); empty: everyone in scope. */
  jobTitles?: string[];
  /** Hours a person should reach each year. */
  hoursPerYear: number;
  /** Default: the caller's unit; learners of its subtree see it. */
  ownerOrgUnitId?: string;
  courseIds: string[];
}

/** `PATCH /api/curricula/:id`. */
export type UpdateCurriculumRequest = Partial<CreateCurriculumRequest>;
