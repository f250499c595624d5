import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { courseKeys } from '../../courses/api';
import { authoringKeys, fetchAuthoringCourses, fetchDraft } from '../api';

export function useAuthoringCourses(page: number) {
  return useQuery({
    queryKey: authoringKeys.list(page),
    queryFn: ({ signal }) => fetchAuthoringCourses(page, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCourseDraft(courseId: string) {
  return useQuery({
    queryKey: authoringKeys.draft(courseId),
    queryFn: ({ signal }) => fetchDraft(courseId, signal),
    enabled: !!courseId,
  });
}

/**
 * An edit of the draft. Editing a published version opens a new draft with new ids, so
 * every edit reloads the whole draft before it counts as done.
 */
export function useDraftMutation<TVars, TResult>(
  courseId: string,
  mutationFn: (vars: TVars) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: authoringKeys.draft(courseId) }),
        queryClient.invalidateQueries({ queryKey: ['authoring', 'list'] }),
        queryClient.invalidateQueries({ queryKey: courseKeys.all }),
      ]),
  });
}
