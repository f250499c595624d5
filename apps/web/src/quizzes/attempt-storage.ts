import type { AttemptResultResponse } from '@dx/contracts';
import type { AttemptAnswers, AttemptQuestion } from './api';

/**
 * What one tab keeps about an attempt in sessionStorage: the answers (so a reload or a
 * dropped connection loses nothing), the questions as shown (for the review page) and,
 * once submitted, the result.
 */
export interface StoredAttempt {
  quizId: string;
  courseId: string | null;
  questions: AttemptQuestion[];
  answers: AttemptAnswers;
  result: (AttemptResultResponse & { courseCompleted?: boolean }) | null;
}

const PREFIX = 'dx.quiz.attempt.';

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export function readStoredAttempt(attemptId: string, store = storage()): StoredAttempt | null {
  const text = store?.getItem(PREFIX + attemptId);
  if (!text) return null;
  try {
    const value = JSON.parse(text) as StoredAttempt;
    return value && typeof value === 'object' && value.answers ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredAttempt(
  attemptId: string,
  patch: Partial<StoredAttempt> & Pick<StoredAttempt, 'quizId'>,
  store = storage(),
): void {
  const current = readStoredAttempt(attemptId, store);
  const next: StoredAttempt = {
    courseId: null,
    questions: [],
    answers: {},
    result: null,
    ...current,
    ...patch,
  };
  try {
    store?.setItem(PREFIX + attemptId, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the server copy (PUT answers) still holds the answers.
  }
}
