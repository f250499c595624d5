import type { QuizOutline } from '@dx/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCourse } from '../../courses/hooks/useCourse';
import { fetchAttemptHistory, quizKeys } from '../api';

/** The quiz's settings, from its course's outline (the link carries `?course=`). */
export function useQuizInfo(quizId: string, courseId: string | null) {
  const course = useCourse(courseId ?? undefined);
  const quiz: QuizOutline | undefined = course.data?.quizzes.find((q) => q.id === quizId);
  return { course, quiz };
}

export function useAttemptHistory(quizId: string) {
  return useQuery({
    queryKey: quizKeys.history(quizId),
    queryFn: ({ signal }) => fetchAttemptHistory(quizId, signal),
  });
}
