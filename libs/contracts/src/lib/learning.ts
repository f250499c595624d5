export type EnrollmentStatus = 'in_progress' | 'completed';

export interface EnrollResponse {
  enrollmentId: string;
  status: EnrollmentStatus;
}

export interface ProgressResponse {
  progress: number;
  /** True when this call completed the course. */
  courseCompleted?: boolean;
}

/** `GET /api/me/enrollments` items. */
export interface MyEnrollment {
  enrollmentId: string;
  courseId: string;
  title: string;
  version: number;
  hours: number;
  progress: number;
  status: EnrollmentStatus;
  completedAt: string | null;
  /** Where to resume. */
  lastLessonId: string | null;
  /** Training year: of completion once completed, of enrolment before. */
  year: number;
  /** False for an earlier year's completion the learner has since re-enrolled after. */
  current: boolean;
}
