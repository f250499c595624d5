import { useMutation, useQueryClient } from '@tanstack/react-query';
import { enrollmentKeys } from '../../learning/api';
import { enroll } from '../api';

export function useEnroll(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => enroll(courseId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: enrollmentKeys.all }),
  });
}
