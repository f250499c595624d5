import type { CourseAnalyticsResponse } from '@dx/contracts';
import { api } from '../api/client';

export const analyticsKey = (courseId: string) => ['courses', courseId, 'analytics'] as const;

export function fetchCourseAnalytics(courseId: string, signal?: AbortSignal) {
  return api.get<CourseAnalyticsResponse>('/courses/{id}/analytics', {
    path: { id: courseId },
    signal,
  });
}

export function downloadAnalyticsCsv(courseId: string) {
  return api.file('/courses/{id}/analytics/export', { path: { id: courseId } });
}

/** "2026-05" → "05/2026", the way Vietnamese pages write a month. */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${mm}/${year}`;
}
