import type { LessonKind } from '@dx/contracts';
import { isApiError } from '../api/api-error';
import { LESSON_FILE_MAX_BYTES } from './api';

/** The fields of a lesson form that can carry a message of their own. */
export type LessonField = 'title' | 'durationMinutes' | 'content' | 'videoUrl' | 'file';

/** i18n keys (under `authoring.lessonErrors`) per field. */
export type LessonFieldErrors = Partial<Record<LessonField, string>>;

export interface LessonBody {
  title: string;
  kind: LessonKind;
  duration: string;
  minMinutes?: string;
  content: string;
  videoUrl: string;
  /** Only for adding a file lesson: uploaded right after the lesson is created. */
  file?: File | null;
}

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/**
 * What the form can tell before asking the server, in the words of the kind chosen: the
 * API would refuse the same lesson, but in English and after a round trip.
 */
export function lessonFormErrors(
  body: LessonBody,
  { requireFile = false } = {},
): LessonFieldErrors {
  const errors: LessonFieldErrors = {};
  if (!body.title.trim()) errors.title = 'titleRequired';
  const minutes = Number(body.duration);
  if (body.duration.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > 1440) {
    errors.durationMinutes = 'duration';
  }
  if (body.kind === 'text' && !body.content.trim()) errors.content = 'contentRequired';
  if (body.kind === 'video') {
    const url = body.videoUrl.trim();
    if (!url) errors.videoUrl = 'videoUrlRequired';
    else if (!isHttpsUrl(url)) errors.videoUrl = 'videoUrlHttps';
  }
  if (body.kind === 'file') {
    if (body.file && body.file.size > LESSON_FILE_MAX_BYTES) errors.file = 'fileTooBig';
    else if (requireFile && !body.file) errors.file = 'fileRequired';
  }
  return errors;
}

const LESSON_FIELDS: LessonField[] = ['title', 'durationMinutes', 'content', 'videoUrl', 'file'];

/** Texts shown under each field: keys of `authoring.lessonErrors` once translated. */
export type LessonFieldTexts = Partial<Record<LessonField, string>>;

/**
 * The server's refusal on the lesson's fields (already translated by the app's one error
 * translation point), overlaid by what the form found itself.
 */
export function lessonFieldTexts(
  server: Record<string, string>,
  checked: LessonFieldErrors,
  translate: (key: string) => string,
): LessonFieldTexts {
  const out: LessonFieldTexts = {};
  for (const field of LESSON_FIELDS) {
    const key = checked[field];
    if (key) out[field] = translate(`authoring.lessonErrors.${key}`);
    else if (server[field]) out[field] = server[field];
  }
  return out;
}

/** True when every field error of the server's answer is shown beside its field. */
export function allOnFields(error: unknown): boolean {
  return (
    isApiError(error) &&
    error.statusCode === 400 &&
    error.errors.length > 0 &&
    error.errors.every((e) => (LESSON_FIELDS as string[]).includes(e.field))
  );
}
