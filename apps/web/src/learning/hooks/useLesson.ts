import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LessonContent, MyEnrollment } from '@dx/contracts';
import { completeLesson, enrollmentKeys, fetchLesson, lessonKeys } from '../api';

export function useLesson(lessonId: string | undefined) {
  return useQuery({
    queryKey: lessonKeys.detail(lessonId ?? ''),
    queryFn: ({ signal }) => fetchLesson(lessonId ?? '', signal),
    enabled: !!lessonId,
  });
}

/** Marks a lesson done and moves the course's progress in the cache at once. */
export function useCompleteLesson(courseId: string, lessonId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => completeLesson(lessonId),
    onSuccess: (result) => {
      queryClient.setQueryData<LessonContent>(lessonKeys.detail(lessonId), (lesson) =>
        lesson ? { ...lesson, completed: true } : lesson,
      );
      queryClient.setQueryData<MyEnrollment[]>(enrollmentKeys.all, (list) =>
        list?.map((e) =>
          e.courseId === courseId
            ? {
                ...e,
                progress: result.progress,
                lastLessonId: lessonId,
                status: result.courseCompleted ? 'completed' : e.status,
              }
            : e,
        ),
      );
      void queryClient.invalidateQueries({ queryKey: enrollmentKeys.all });
    },
  });
}
