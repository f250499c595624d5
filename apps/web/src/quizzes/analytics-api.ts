import type { CourseAnalyticsResponse } from '@dx/contracts';
import { api, apiFile } from '../api/client';

const analyticsPath = (courseId: string) => `/courses/${encodeURIComponent(courseId)}/analytics`;

export const analyticsKey = (courseId: string) => ['courses', courseId, 'analytics'] as const;

export function fetchCourseAnalytics(courseId: string, signal?: AbortSignal) {
  return api.get<CourseAnalyticsResponse>(analyticsPath(courseId), { signal });
}

export function downloadAnalyticsCsv(courseId: string) {
  return apiFile(`${analyticsPath(courseId)}/export`);
}

/** "2026-05" → "05/2026", the way Vietnamese pages write a month. */
export function monthLabel(month: string): string {
  const [year, mm] = month.split('-');
  return `${mm}/${year}`;
}
