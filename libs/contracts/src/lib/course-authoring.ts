import type { LessonKind, QuestionType, QuizKind } from './courses';

// Request bodies of course authoring. The API's DTO classes `implements` these and the web
// sends them: a field added on one side and not the other fails typecheck.

/** POST /api/courses */
export interface CreateCourseBody {
  code: string;
  title: string;
  description?: string;
  hours: number;
  ownerOrgUnitId?: string;
}

/** PATCH /api/courses/:id */
export interface UpdateCourseBody {
  title?: string;
  description?: string;
  hours?: number;
  /** Learners must complete the lessons in outline order. */
  sequentialLessons?: boolean;
}

/** POST /api/courses/:id/modules */
export interface CreateModuleBody {
  title: string;
}

/** PATCH /api/modules/:id */
export interface UpdateModuleBody {
  title?: string;
  position?: number;
}

/** POST /api/modules/:id/lessons */
export interface CreateLessonBody {
  title: string;
  kind: LessonKind;
  content?: string;
  videoUrl?: string;
  durationMinutes: number;
  /** Minimum seconds on the lesson before it can be completed (0 = none). */
  minSeconds?: number;
}

/** PATCH /api/lessons/:id (null clears content or videoUrl) */
export interface UpdateLessonBody {
  title?: string;
  kind?: LessonKind;
  content?: string | null;
  videoUrl?: string | null;
  durationMinutes?: number;
  minSeconds?: number;
  position?: number;
}

/** POST /api/courses/:id/quizzes */
export interface CreateQuizBody {
  title: string;
  kind: QuizKind;
  passingScore?: number;
  timeLimitSeconds?: number | null;
  maxAttempts?: number | null;
  questionsPerAttempt?: number | null;
  shuffle?: boolean;
  moduleId?: string | null;
}

/** PATCH /api/quizzes/:id */
export type UpdateQuizBody = Partial<CreateQuizBody>;

/**
 * One option. Choice types: `correct` marks the answers. Ordering: options in the correct
 * order. Matching: `text` pairs with `match`. Short answer: each `text` is an accepted
 * answer. Numeric: `text` is an accepted value, within ± `tolerance` (default 0). For the
 * last four, `correct` is ignored (every option is part of the answer).
 */
export interface QuestionOptionBody {
  text: string;
  correct: boolean;
  /** Choice, ordering and matching options: an image shown with the text; null (or absent) for none. */
  image?: QuestionImageBody | null;
  match?: string;
  tolerance?: number;
}

/** Images in questions: PNG, JPEG, WebP or GIF (recognised by content) up to 1 MB. */
export const QUESTION_IMAGE_MAX_BYTES = 1024 * 1024;

/**
 * An image shown with a question: `key` from `POST /api/question-images`, `alt` the text a
 * screen reader reads instead (required: an image without it fails people who cannot see it).
 */
export interface QuestionImageBody {
  key: string;
  alt: string;
}

/** `POST /api/question-images` (trainers): the stored image's key, for a question's `image`. */
export interface QuestionImageUploadResponse {
  key: string;
}

/** POST /api/quizzes/:id/questions */
export interface CreateQuestionBody {
  /** Shown above the options; null (or absent) for none. */
  image?: QuestionImageBody | null;
  type: QuestionType;
  text: string;
  options: QuestionOptionBody[];
  explanation?: string;
  /** Short answer: compare without case (default true). */
  ignoreCase?: boolean;
  /** Short answer: compare without Vietnamese diacritics (default false: "Hà Nội" ≠ "Ha Noi"). */
  ignoreDiacritics?: boolean;
}

/** PATCH /api/questions/:id */
export interface UpdateQuestionBody extends CreateQuestionBody {
  position?: number;
}

/** `POST /api/courses/markdown-preview`: lesson Markdown rendered and sanitised as learners will see it. */
export interface MarkdownPreviewBody {
  content: string;
}
