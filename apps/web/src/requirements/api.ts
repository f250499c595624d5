import type { MyRequirement, TrainingYearQuery } from '@dx/contracts';
import { api } from '../api/client';

export const requirementKeys = {
  mine: (year?: number) => ['me', 'requirements', year ?? 'current'] as const,
};

export function fetchMyRequirements(year?: number, signal?: AbortSignal): Promise<MyRequirement[]> {
  return api.get<MyRequirement[]>('/me/requirements', {
    query: { year } satisfies TrainingYearQuery,
    signal,
  });
}
