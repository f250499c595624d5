import type { FieldError, PageQuery } from './http';
export type CourseStatus = 'draft' | 'published' | 'archived';
export type LessonKind = 'text' | 'video' | 'file';
export type QuizKind = 'practice' | 'final';
export type QuestionType =
  | 'single'
  | 'multiple'
  | 'true_false'
  /** Pair each option (left) with its `match` (right); learners pick from the shuffled right-hand texts. */
  | 'matching'
  /** Put the options in order: the author lists them in the correct order. */
  | 'ordering'
  /** Type a text: the options are the accepted answers, never shown to learners. */
  | 'short_answer'
  /** Type a number: the options are accepted values, each with its `tolerance`. */
  | 'numeric';
export const QUESTION_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'true_false',
  'matching',
  'ordering',
  'short_answer',
  'numeric',
];
/** Types answered by choosing among shown options (vs typed or arranged). */
export const CHOICE_QUESTION_TYPES: readonly QuestionType[] = ['single', 'multiple', 'true_false'];
/** Types whose options are the answer itself: never sent to a learner before review. */
export const TYPED_QUESTION_TYPES: readonly QuestionType[] = ['short_answer', 'numeric'];

/**
 * When a learner sees the correct answers and explanations of a closed attempt (the score
 * is always shown): Moodle's review options, reduced to what a certifying quiz needs.
 */
export type ReviewPolicy = 'immediately' | 'after_passing' | 'after_last_attempt' | 'never';
export const REVIEW_POLICIES: readonly ReviewPolicy[] = [
  'immediately',
  'after_passing',
  'after_last_attempt',
  'never',
];

/** Practice quizzes teach (answers at once); a final quiz certifies (answers once passed). */
export const defaultReviewPolicy = (kind: QuizKind): ReviewPolicy =>
  kind === 'final' ? 'after_passing' : 'immediately';

/** A course in lists and after create/update (the contract's `{id, code, title, status, version, hours}` and more). */
export interface CourseSummary {
  id: string;
  code: string;
  title: string;
  description: string;
  status: CourseStatus;
  /** The live version for learners (the draft's number while never published). */
  version: number;
  /** Number of the draft being edited, or null when there is none. */
  draftVersion: number | null;
  hours: number;
  ownerOrgUnitId: string;
  /** Name of the owning unit, for display (learners may not read units above their own). */
  ownerOrgUnitName: string;
  publishedAt: string | null;
}

export interface LessonOutline {
  id: string;
  title: string;
  kind: LessonKind;
  durationMinutes: number;
  /** Minimum seconds on the lesson before the server accepts its completion (0 = none). */
  minSeconds: number;
  position: number;
}

export interface QuizOutline {
  id: string;
  title: string;
  kind: QuizKind;
  moduleId: string | null;
  passingScore: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  questionCount: number;
  reviewPolicy: ReviewPolicy;
}

export interface ModuleOutline {
  id: string;
  title: string;
  position: number;
  lessons: LessonOutline[];
}

/** `GET /api/courses/:id`: never any correct answer. */
export interface CourseOutline extends CourseSummary {
  /** The version shown: the learner's enrolled one, else the published one. */
  versionId: string;
  /** Lessons are completed in outline order: a lesson after an unfinished one is locked. */
  sequentialLessons: boolean;
  modules: ModuleOutline[];
  quizzes: QuizOutline[];
  totalMinutes: number;
}

/** `GET /api/lessons/:id` (enrolled learners). Markdown arrives rendered and sanitised. */
export interface LessonContent {
  id: string;
  courseId: string;
  moduleId: string;
  title: string;
  kind: LessonKind;
  contentHtml: string | null;
  videoUrl: string | null;
  fileUrl: string | null;
  fileName: string | null;
  durationMinutes: number;
  /** Minimum seconds on the lesson, counted by the server from its first opening (0 = none). */
  minSeconds: number;
  previousLessonId: string | null;
  nextLessonId: string | null;
  completed: boolean;
}

/** Limits of authoring, shared so the editor can check before uploading. */
export const LESSON_CONTENT_MAX_BYTES = 200 * 1024;
export const LESSON_FILE_MAX_BYTES = 20 * 1024 * 1024;
/** Lesson files accepted (recognised by their content, not their name). */
export const LESSON_FILE_TYPES = ['pdf', 'docx', 'pptx', 'xlsx', 'mp4'] as const;
export type LessonFileType = (typeof LESSON_FILE_TYPES)[number];

/** `201 {id}` of the authoring endpoints (the draft's id when a published item was edited). */
export interface CreatedId {
  id: string;
}

/** `POST /api/lessons/:id/file`: `id` is the draft lesson that now holds the file. */
export interface LessonFileUploadResponse {
  id: string;
  fileName: string;
  fileMime: string;
  size: number;
}

export interface PublishCourseResponse {
  status: 'published';
  version: number;
  /** What was published but deserves a look (e.g. a final quiz whose attempts overlap a lot). */
  warnings: FieldError[];
}

/** `GET /api/courses/authoring` items: the summary shows the draft when there is one. */
export type AuthoringCourseSummary = CourseSummary;

export interface AuthoringLesson extends LessonOutline {
  moduleId: string;
  content: string | null;
  videoUrl: string | null;
  fileName: string | null;
  fileMime: string | null;
  hasFile: boolean;
}

export interface AuthoringModule {
  id: string;
  title: string;
  position: number;
  lessons: AuthoringLesson[];
}

export interface AuthoringOption {
  id: string;
  text: string;
  correct: boolean;
  position: number;
  /** Matching: the right-hand text paired with this option. */
  match: string | null;
  /** Numeric: how far an answer may be from this value. */
  tolerance: number | null;
  image: { key: string; alt: string } | null;
}

export interface AuthoringQuestion {
  id: string;
  type: QuestionType;
  text: string;
  explanation: string | null;
  image: { key: string; alt: string } | null;
  /** Short answer: case and diacritics ignored when comparing. */
  ignoreCase: boolean;
  ignoreDiacritics: boolean;
  position: number;
  options: AuthoringOption[];
}

export interface AuthoringQuiz extends QuizOutline {
  shuffle: boolean;
  questions: AuthoringQuestion[];
}

/**
 * `GET /api/courses/:id/draft` (trainers in scope): the editable content with answers.
 * When the course has no draft this is the published version (`versionStatus`
 * "published"); the first edit of any of its items then opens the draft and answers with
 * the draft's ids, so the editor reloads.
 */
export interface CourseDraft extends CourseSummary {
  versionId: string;
  versionNumber: number;
  versionStatus: 'draft' | 'published' | 'superseded';
  sequentialLessons: boolean;
  modules: AuthoringModule[];
  quizzes: AuthoringQuiz[];
  totalMinutes: number;
}

/** Removes Vietnamese diacritics and case: "Chuyển đổi số" → "chuyen doi so". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `POST /api/quizzes/:id/questions/import`: what the file did to the quiz's draft. */
export interface QuestionImportResult {
  created: number;
  /** Questions of the quiz matched by externalId whose content changed. */
  updated: number;
  /** Matched by externalId and identical: re-importing a file changes nothing. */
  unchanged: number;
}

/** `GET /api/courses`: the published catalogue, by title. */
export interface CourseListQuery extends PageQuery {
  q?: string;
}

/** `GET /api/courses/authoring`: the courses the caller may edit, in any state. */
export interface AuthoringCourseListQuery extends CourseListQuery {
  status?: CourseStatus;
}
