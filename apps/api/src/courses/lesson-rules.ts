import type { FieldError, LessonKind } from '@dx/contracts';
import { InvalidInputException } from '../http/invalid-input';

export interface LessonFields {
  kind: LessonKind;
  content: string | null;
  videoUrl: string | null;
}

/** What each kind needs, checked on the lesson as it will be stored (create or PATCH). */
export function assertLessonFitsKind(lesson: LessonFields): void {
  const errors: FieldError[] = [];
  if (lesson.kind === 'text' && !lesson.content) {
    errors.push({ field: 'content', message: 'a text lesson needs content (markdown)' });
  }
  if (lesson.kind === 'video' && !lesson.videoUrl) {
    errors.push({ field: 'videoUrl', message: 'a video lesson needs an https:// videoUrl' });
  }
  if (lesson.kind !== 'video' && lesson.videoUrl) {
    errors.push({ field: 'videoUrl', message: 'only video lessons have a videoUrl' });
  }
  if (errors.length) throw new InvalidInputException(errors);
}
