import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { courseKeys, fetchCourses } from '../api';

export function useCourses(q: string, page: number) {
  return useQuery({
    queryKey: courseKeys.list(q, page),
    queryFn: ({ signal }) => fetchCourses(q, page, signal),
    placeholderData: keepPreviousData,
  });
}
