import type {
  CreateCurriculumRequest,
  CurriculumDetail,
  CurriculumSummary,
  MyCurriculum,
  Paginated,
  UpdateCurriculumRequest,
} from '@dx/contracts';
import { api, itemsOf } from '../api/client';

export const curriculumKeys = {
  mine: ['me', 'curricula'] as const,
  detail: (id: string) => ['curricula', id] as const,
};

export async function fetchMyCurricula(signal?: AbortSignal): Promise<MyCurriculum[]> {
  return itemsOf(
    await api.get<MyCurriculum[] | { items: MyCurriculum[] }>('/me/curricula', { signal }),
  );
}

export function fetchCurriculum(id: string, signal?: AbortSignal): Promise<CurriculumDetail> {
  return api.get<CurriculumDetail>('/curricula/{id}', { path: { id }, signal });
}

export const CURRICULA_PAGE_SIZE = 20;

export const curriculumAdminKeys = {
  list: (page: number) => ['curricula', 'list', page] as const,
};

/** Published curricula the caller sees and, for trainers, the ones they may edit. */
export function fetchCurricula(
  page: number,
  signal?: AbortSignal,
): Promise<Paginated<CurriculumSummary>> {
  const params = new URLSearchParams({ page: String(page), pageSize: String(CURRICULA_PAGE_SIZE) });
  return api.get<Paginated<CurriculumSummary>>('/curricula', { query: params, signal });
}

export type CurriculumInput = CreateCurriculumRequest;

export function createCurriculum(input: CurriculumInput): Promise<CurriculumDetail> {
  return api.post<CurriculumDetail>('/curricula', input);
}

/** `courseIds`, when given, replaces the whole ordered list. */
export function updateCurriculum(
  id: string,
  input: UpdateCurriculumRequest,
): Promise<CurriculumDetail> {
  return api.patch<CurriculumDetail>('/curricula/{id}', input, { path: { id } });
}

export function publishCurriculum(id: string): Promise<CurriculumDetail> {
  return api.post<CurriculumDetail>('/curricula/{id}/publish', undefined, { path: { id } });
}

export function archiveCurriculum(id: string): Promise<CurriculumDetail> {
  return api.post<CurriculumDetail>('/curricula/{id}/archive', undefined, { path: { id } });
}
