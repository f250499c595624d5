import { useQuery } from '@tanstack/react-query';
import { courseKeys, fetchCourse } from '../api';

/** The published outline of a course (modules, lessons, quizzes; never answers). */
export function useCourse(courseId: string | undefined) {
  return useQuery({
    queryKey: courseKeys.detail(courseId ?? ''),
    queryFn: ({ signal }) => fetchCourse(courseId ?? '', signal),
    enabled: !!courseId,
    staleTime: 60_000,
  });
}
