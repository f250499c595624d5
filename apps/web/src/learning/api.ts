import type {
  CourseProgress,
  LessonContent,
  MyEnrollment,
  MyTrainingRecord,
  ProgressResponse,
} from '@dx/contracts';
import { api, itemsOf } from '../api/client';

export const enrollmentKeys = {
  all: ['me', 'enrollments'] as const,
  /** Under `all`: whatever refreshes the enrolments refreshes the ✓ marks too. */
  progress: (courseId: string) => ['me', 'enrollments', courseId, 'progress'] as const,
};

/** Training HR recorded for the caller (done outside the platform). */
export const trainingRecordKeys = {
  mine: ['me', 'training-records'] as const,
};

export const lessonKeys = {
  detail: (lessonId: string) => ['lessons', lessonId] as const,
};

export async function fetchMyEnrollments(signal?: AbortSignal): Promise<MyEnrollment[]> {
  return itemsOf(
    await api.get<MyEnrollment[] | { items: MyEnrollment[] }>('/me/enrollments', { signal }),
  );
}

export function fetchMyTrainingRecords(signal?: AbortSignal): Promise<MyTrainingRecord[]> {
  return api.get<MyTrainingRecord[]>('/me/training-records', { signal });
}

/** The scan HR uploaded for one of the caller's own records (a 404 for anyone else's). */
export const downloadMyTrainingEvidence = (id: string) =>
  api.file('/me/training-records/{id}/evidence', { path: { id } });

export function fetchLesson(lessonId: string, signal?: AbortSignal): Promise<LessonContent> {
  return api.get<LessonContent>('/lessons/{id}', { path: { id: lessonId }, signal });
}

export function completeLesson(lessonId: string): Promise<ProgressResponse> {
  return api.post<ProgressResponse>('/lessons/{id}/complete', undefined, {
    path: { id: lessonId },
  });
}

export function fetchCourseProgress(
  courseId: string,
  signal?: AbortSignal,
): Promise<CourseProgress> {
  return api.get<CourseProgress>('/me/enrollments/{courseId}/progress', {
    path: { courseId },
    signal,
  });
}
