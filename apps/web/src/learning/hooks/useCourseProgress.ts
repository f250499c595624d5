import { useQuery } from '@tanstack/react-query';
import { enrollmentKeys, fetchCourseProgress } from '../api';

/** Lessons done, quizzes passed and the next item of a course the caller is enrolled in. */
export function useCourseProgress(courseId: string | undefined, enrolled: boolean) {
  return useQuery({
    queryKey: enrollmentKeys.progress(courseId ?? ''),
    queryFn: ({ signal }) => fetchCourseProgress(courseId ?? '', signal),
    enabled: !!courseId && enrolled,
  });
}
