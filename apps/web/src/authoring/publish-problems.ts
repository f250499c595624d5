import type { CourseDraft, ErrorParams } from '@dx/contracts';
import type { ApiFieldError } from '../api/types';

/** A reason the API gave for refusing to publish, as a translation key and its values. */
export interface PublishProblem {
  key: `apiErrors.fields.${ApiFieldError['code']}`;
  values: ErrorParams;
}

function titles(draft: CourseDraft | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of draft?.modules ?? []) {
    map.set(m.id, m.title);
    for (const l of m.lessons) map.set(l.id, l.title);
  }
  for (const q of draft?.quizzes ?? []) map.set(q.id, q.title);
  return map;
}

/**
 * Turns the API's publish problems (code + params, the field naming the item:
 * `lessons.<id>.content`, `quizzes.<id>.questions`, …) into sentences in the reader's language.
 * The title is the draft's as shown on the page (it may have been renamed since), else the API's.
 */
export function publishProblems(
  errors: ApiFieldError[],
  draft: CourseDraft | undefined,
): PublishProblem[] {
  const names = titles(draft);
  return errors.map(({ field, code, params }) => {
    const title = names.get(field.split('.')[1] ?? '') ?? params?.title;
    return {
      key: `apiErrors.fields.${code}`,
      values: { ...params, ...(title !== undefined && { title }) },
    };
  });
}
