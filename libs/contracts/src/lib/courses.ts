export type CourseStatus = 'draft' | 'published' | 'archived';
export type LessonKind = 'text' | 'video' | 'file';
export type QuizKind = 'practice' | 'final';
export type QuestionType = 'single' | 'multiple' | 'true_false';

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
  publishedAt: string | null;
}

export interface LessonOutline {
  id: string;
  title: string;
  kind: LessonKind;
  durationMinutes: number;
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
}

export interface ModuleOutline {
  id: string;
  title: string;
  position: number;
  lessons: LessonOutline[];
}

/** `GET /api/courses/:id`: never any correct answer. */
export interface CourseOutline extends CourseSummary {
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
  previousLessonId: string | null;
  nextLessonId: string | null;
  completed: boolean;
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
