import type { CourseDraft, FieldError } from '@dx/contracts';

/** A reason the API gave for refusing to publish, as a translation key and its values. */
export interface PublishProblem {
  key:
    | 'authoring.problems.noLesson'
    | 'authoring.problems.emptyModule'
    | 'authoring.problems.textContent'
    | 'authoring.problems.file'
    | 'authoring.problems.videoUrl'
    | 'authoring.problems.quizQuestions'
    | 'authoring.problems.other';
  values: { title: string; message: string };
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
 * Turns the API's field errors (`lessons.<id>.content`, `quizzes.<id>.questions`, …) into
 * sentences naming the module, lesson or quiz, in the reader's language. Unknown ones keep
 * the API's own message.
 */
export function publishProblems(
  errors: FieldError[],
  draft: CourseDraft | undefined,
): PublishProblem[] {
  const names = titles(draft);
  return errors.map(({ field, message }) => {
    const [scope, itemId = '', part] = field.split('.');
    const title = names.get(itemId) ?? /"([^"]+)"/.exec(message)?.[1] ?? '';
    const values = { title, message };
    if (scope === 'lessons' && !itemId) return { key: 'authoring.problems.noLesson', values };
    if (scope === 'modules') return { key: 'authoring.problems.emptyModule', values };
    if (scope === 'lessons' && part === 'content')
      return { key: 'authoring.problems.textContent', values };
    if (scope === 'lessons' && part === 'file') return { key: 'authoring.problems.file', values };
    if (scope === 'lessons' && part === 'videoUrl')
      return { key: 'authoring.problems.videoUrl', values };
    if (scope === 'quizzes' && part === 'questions') {
      return { key: 'authoring.problems.quizQuestions', values };
    }
    return { key: 'authoring.problems.other', values };
  });
}
