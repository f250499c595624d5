import { useQuery } from '@tanstack/react-query';
import type { MyEnrollment } from '@dx/contracts';
import { enrollmentKeys, fetchMyEnrollments } from '../api';

export function useMyEnrollments() {
  return useQuery({
    queryKey: enrollmentKeys.all,
    queryFn: ({ signal }) => fetchMyEnrollments(signal),
  });
}

/** The caller's enrolment in one course, or undefined (not enrolled, or still loading). */
export function useEnrollment(courseId: string | undefined): {
  enrollment: MyEnrollment | undefined;
  isPending: boolean;
} {
  const query = useMyEnrollments();
  return {
    enrollment: query.data?.find((e) => e.courseId === courseId),
    isPending: query.isPending,
  };
}
