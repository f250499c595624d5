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

/** The next thing to do in a course: a lesson, or the quiz that completes it. */
export interface NextCourseItem {
  kind: 'lesson' | 'quiz';
  id: string;
  title: string;
}

/** `GET /api/me/enrollments/:courseId/progress`: what is done, and what comes next. */
export interface CourseProgress {
  courseId: string;
  enrollmentId: string;
  status: EnrollmentStatus;
  progress: number;
  completedLessonIds: string[];
  /** Quizzes of the enrolled version with a passed attempt of this enrolment. */
  passedQuizIds: string[];
  /** The first lesson not completed in outline order, then the final quiz not yet passed. */
  next: NextCourseItem | null;
}
