import type {
  CourseOutline,
  CourseSummary,
  EnrollResponse,
  OrgUnitResponse,
  Paginated,
} from '@dx/contracts';
import { api } from '../api/client';

export const COURSES_PAGE_SIZE = 12;

/** A catalog card; the owning unit's name is used when the API sends it. */
export type CatalogCourse = CourseSummary & { ownerOrgUnitName?: string | null };

export const courseKeys = {
  all: ['courses'] as const,
  list: (q: string, page: number) => ['courses', 'list', q, page] as const,
  detail: (courseId: string) => ['courses', 'detail', courseId] as const,
};

export function fetchCourses(
  q: string,
  page: number,
  signal?: AbortSignal,
): Promise<Paginated<CatalogCourse>> {
  const params = new URLSearchParams({ page: String(page), pageSize: String(COURSES_PAGE_SIZE) });
  if (q) params.set('q', q);
  return api.get<Paginated<CatalogCourse>>('/courses', { query: params, signal });
}

export function fetchCourse(courseId: string, signal?: AbortSignal): Promise<CourseOutline> {
  return api.get<CourseOutline>('/courses/{id}', { path: { id: courseId }, signal });
}

/** The owning unit's name; 404 when it is above the caller's scope (then it is not shown). */
export function fetchOrgUnit(id: string, signal?: AbortSignal): Promise<OrgUnitResponse> {
  return api.get<OrgUnitResponse>('/org-units/{id}', { path: { id }, signal });
}

export function enroll(courseId: string): Promise<EnrollResponse> {
  return api.post<EnrollResponse>('/courses/{id}/enroll', undefined, { path: { id: courseId } });
}
