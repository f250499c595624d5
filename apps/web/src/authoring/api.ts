import type {
  CourseDraft,
  CourseSummary,
  CreatedId,
  CreateQuestionBody,
  LessonKind,
  MarkdownPreviewBody,
  Paginated,
  PublishCourseResponse,
  QuestionImageUploadResponse,
  QuestionImportResult,
  QuizKind,
  ReviewPolicy,
} from '@dx/contracts';
import { api } from '../api/client';

// Mirrors LESSON_FILE_MAX_BYTES of @dx/contracts (imported as types only, so restated).
export const LESSON_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const LESSON_FILE_ACCEPT = '.pdf,.docx,.pptx,.xlsx,.mp4';

export interface CourseInput {
  code: string;
  title: string;
  description?: string;
  hours: number;
  /** Learners complete the lessons in outline order. */
  sequentialLessons?: boolean;
}

export interface LessonInput {
  title: string;
  kind: LessonKind;
  content?: string | null;
  videoUrl?: string | null;
  durationMinutes: number;
  minSeconds?: number;
}

export interface QuizInput {
  title: string;
  kind: QuizKind;
  passingScore: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  shuffle: boolean;
  reviewPolicy: ReviewPolicy;
}

export type QuestionInput = CreateQuestionBody;

export const authoringKeys = {
  all: ['authoring'] as const,
  list: (page: number) => ['authoring', 'list', page] as const,
  draft: (courseId: string) => ['authoring', 'draft', courseId] as const,
};

export function fetchAuthoringCourses(page: number, signal?: AbortSignal) {
  return api.get<Paginated<CourseSummary>>('/courses/authoring', {
    query: `page=${page}&pageSize=20`,
    signal,
  });
}

export const createCourse = (input: CourseInput) => api.post<CourseSummary>('/courses', input);

export const fetchDraft = (courseId: string, signal?: AbortSignal) =>
  api.get<CourseDraft>('/courses/{id}/draft', { path: { id: courseId }, signal });

export const updateCourse = (courseId: string, input: Partial<Omit<CourseInput, 'code'>>) =>
  api.patch<CourseSummary>('/courses/{id}', input, { path: { id: courseId } });

export const publishCourse = (courseId: string) =>
  api.post<PublishCourseResponse>('/courses/{id}/publish', undefined, { path: { id: courseId } });

export const addModule = (courseId: string, title: string) =>
  api.post<CreatedId>('/courses/{id}/modules', { title }, { path: { id: courseId } });

export const renameModule = (moduleId: string, title: string) =>
  api.patch<CreatedId>('/modules/{id}', { title }, { path: { id: moduleId } });

export const deleteModule = (moduleId: string) =>
  api.delete('/modules/{id}', { path: { id: moduleId } });

export const addLesson = (moduleId: string, input: LessonInput) =>
  api.post<CreatedId>('/modules/{id}/lessons', input, { path: { id: moduleId } });

export const updateLesson = (lessonId: string, input: Partial<LessonInput>) =>
  api.patch<CreatedId>('/lessons/{id}', input, { path: { id: lessonId } });

export const deleteLesson = (lessonId: string) =>
  api.delete('/lessons/{id}', { path: { id: lessonId } });

export function uploadLessonFile(lessonId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<unknown>('/lessons/{id}/file', form, { path: { id: lessonId } });
}

/** An image for a question (PNG, JPEG, GIF or WebP up to 1 MB); the key goes into `image`. */
export function uploadQuestionImage(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<QuestionImageUploadResponse>('/question-images', form);
}

/** XLSX (the template) or Moodle GIFT: all rows or none (400 with rows.<row>.<column> errors). */
export function importQuestions(quizId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<QuestionImportResult>('/quizzes/{id}/questions/import', form, {
    path: { id: quizId },
  });
}

export const addQuiz = (courseId: string, input: QuizInput) =>
  api.post<CreatedId>('/courses/{id}/quizzes', input, { path: { id: courseId } });

export const updateQuiz = (quizId: string, input: Partial<QuizInput>) =>
  api.patch<CreatedId>('/quizzes/{id}', input, { path: { id: quizId } });

export const deleteQuiz = (quizId: string) => api.delete('/quizzes/{id}', { path: { id: quizId } });

export const addQuestion = (quizId: string, input: QuestionInput) =>
  api.post<CreatedId>('/quizzes/{id}/questions', input, { path: { id: quizId } });

export const updateQuestion = (questionId: string, input: QuestionInput) =>
  api.patch<CreatedId>('/questions/{id}', input, { path: { id: questionId } });

export const deleteQuestion = (questionId: string) =>
  api.delete('/questions/{id}', { path: { id: questionId } });

/** Lesson Markdown rendered by the server as learners will see it. */
export const previewMarkdown = (content: string) =>
  api.post<{ html: string }>('/courses/markdown-preview', {
    content,
  } satisfies MarkdownPreviewBody);

/** Throws the draft away; the course goes back to its published version. */
export const discardDraft = (courseId: string) =>
  api.delete('/courses/{id}/draft', { path: { id: courseId } });
