import type { CurriculumDetail, MyCurriculum } from '@dx/contracts';
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
  return api.get<CurriculumDetail>(`/curricula/${encodeURIComponent(id)}`, { signal });
}
