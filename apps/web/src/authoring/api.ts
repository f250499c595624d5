import type {
  CourseDraft,
  CourseSummary,
  CreateCourseBody,
  CreatedId,
  CreateLessonBody,
  CreateModuleBody,
  CreateQuestionBody,
  CreateQuizBody,
  Paginated,
  PublishCourseResponse,
  UpdateCourseBody,
  UpdateLessonBody,
  UpdateModuleBody,
  UpdateQuestionBody,
  UpdateQuizBody,
} from '@dx/contracts';
import { api } from '../api/client';

// Mirrors LESSON_FILE_MAX_BYTES of @dx/contracts (imported as types only, so restated).
export const LESSON_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const LESSON_FILE_ACCEPT = '.pdf,.docx,.pptx,.xlsx,.mp4';

// The bodies are the contract's (the API's DTOs implement the same types).
export type CourseInput = CreateCourseBody;
export type LessonInput = CreateLessonBody;
/** The settings form always sends every setting (null: no limit). */
export type QuizInput = Required<Omit<CreateQuizBody, 'moduleId'>>;
export type QuestionInput = CreateQuestionBody;

export const authoringKeys = {
  all: ['authoring'] as const,
  list: (page: number) => ['authoring', 'list', page] as const,
  draft: (courseId: string) => ['authoring', 'draft', courseId] as const,
};

const id = encodeURIComponent;

export function fetchAuthoringCourses(page: number, signal?: AbortSignal) {
  return api.get<Paginated<CourseSummary>>(`/courses/authoring?page=${page}&pageSize=20`, {
    signal,
  });
}

export const createCourse = (input: CourseInput) => api.post<CourseSummary>('/courses', input);

export const fetchDraft = (courseId: string, signal?: AbortSignal) =>
  api.get<CourseDraft>(`/courses/${id(courseId)}/draft`, { signal });

export const updateCourse = (courseId: string, input: UpdateCourseBody) =>
  api.patch<CourseSummary>(`/courses/${id(courseId)}`, input);

export const publishCourse = (courseId: string) =>
  api.post<PublishCourseResponse>(`/courses/${id(courseId)}/publish`);

export const addModule = (courseId: string, title: string) =>
  api.post<CreatedId>(`/courses/${id(courseId)}/modules`, { title } satisfies CreateModuleBody);

export const renameModule = (moduleId: string, title: string) =>
  api.patch<CreatedId>(`/modules/${id(moduleId)}`, { title } satisfies UpdateModuleBody);

export const deleteModule = (moduleId: string) => api.delete(`/modules/${id(moduleId)}`);

export const addLesson = (moduleId: string, input: LessonInput) =>
  api.post<CreatedId>(`/modules/${id(moduleId)}/lessons`, input);

export const updateLesson = (lessonId: string, input: UpdateLessonBody) =>
  api.patch<CreatedId>(`/lessons/${id(lessonId)}`, input);

export const deleteLesson = (lessonId: string) => api.delete(`/lessons/${id(lessonId)}`);

export function uploadLessonFile(lessonId: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.post<unknown>(`/lessons/${id(lessonId)}/file`, form);
}

export const addQuiz = (courseId: string, input: QuizInput) =>
  api.post<CreatedId>(`/courses/${id(courseId)}/quizzes`, input);

export const updateQuiz = (quizId: string, input: UpdateQuizBody) =>
  api.patch<CreatedId>(`/quizzes/${id(quizId)}`, input);

export const deleteQuiz = (quizId: string) => api.delete(`/quizzes/${id(quizId)}`);

export const addQuestion = (quizId: string, input: QuestionInput) =>
  api.post<CreatedId>(`/quizzes/${id(quizId)}/questions`, input);

export const updateQuestion = (questionId: string, input: UpdateQuestionBody) =>
  api.patch<CreatedId>(`/questions/${id(questionId)}`, input);

export const deleteQuestion = (questionId: string) => api.delete(`/questions/${id(questionId)}`);
