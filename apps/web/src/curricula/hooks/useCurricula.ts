import { useQuery } from '@tanstack/react-query';
import { curriculumKeys, fetchCurriculum, fetchMyCurricula } from '../api';

export function useMyCurricula() {
  return useQuery({
    queryKey: curriculumKeys.mine,
    queryFn: ({ signal }) => fetchMyCurricula(signal),
  });
}

export function useCurriculum(id: string) {
  return useQuery({
    queryKey: curriculumKeys.detail(id),
    queryFn: ({ signal }) => fetchCurriculum(id, signal),
    enabled: !!id,
  });
}
