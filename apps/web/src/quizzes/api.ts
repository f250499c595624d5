import type {
  AttemptAnswer,
  AttemptQuestion,
  AttemptStateResponse,
  AttemptSummary,
  OpenAttemptResponse,
  SubmitAttemptRequest,
  SubmitAttemptResponse,
} from '@dx/contracts';
import { api, type ApiResponse } from '../api/client';

export type { AttemptQuestion, AttemptSummary };

/** One question's answer: chosen or ordered options, matching picks, or typed text. */
export type AnswerValue = Omit<AttemptAnswer, 'questionId'>;

/** The learner's answers, by question id. */
export type AttemptAnswers = Record<string, AnswerValue>;

/**
 * An answer as stored: this shape, or a bare option list (what a tab kept before typed and
 * matching answers existed, still found in sessionStorage after an update).
 */
export function toAnswerValue(raw: AnswerValue | string[] | undefined): AnswerValue {
  if (Array.isArray(raw)) return { optionIds: [...raw] };
  return {
    optionIds: [...(raw?.optionIds ?? [])],
    ...(raw?.matches ? { matches: [...raw.matches] } : {}),
    ...(raw?.text !== undefined ? { text: raw.text } : {}),
  };
}

/** Whether the learner gave anything for the question (the palette and submit dialog count it). */
export function isAnswered(raw: AnswerValue | undefined): boolean {
  const a = toAnswerValue(raw);
  if (a.text !== undefined) return a.text.trim() !== '';
  if (a.matches) return a.matches.some((m) => m !== '');
  return a.optionIds.length > 0;
}

export function toAnswerMap(list: AttemptAnswer[] | null | undefined): AttemptAnswers {
  const map: AttemptAnswers = {};
  for (const { questionId, ...a } of list ?? []) map[questionId] = toAnswerValue(a);
  return map;
}

export function toAnswerList(answers: AttemptAnswers): AttemptAnswer[] {
  return Object.entries(answers).map(([questionId, a]) => ({
    questionId,
    ...toAnswerValue(a),
  }));
}

export const quizKeys = {
  history: (quizId: string) => ['quizzes', quizId, 'attempts'] as const,
  start: (quizId: string) => ['quizzes', quizId, 'start'] as const,
  attempt: (attemptId: string) => ['attempts', attemptId] as const,
};

/** Starts an attempt, or gets the open one back; keeps the Date header for the timer. */
export function startAttempt(quizId: string): Promise<ApiResponse<OpenAttemptResponse>> {
  return api.withMeta<OpenAttemptResponse, 'post'>('post', '/quizzes/{id}/attempts', {
    path: { id: quizId },
  });
}

export function fetchAttemptHistory(quizId: string, signal?: AbortSignal) {
  return api.get<AttemptSummary[]>('/quizzes/{id}/attempts', { path: { id: quizId }, signal });
}

export function fetchAttempt(attemptId: string, signal?: AbortSignal) {
  return api.get<AttemptStateResponse>('/attempts/{id}', { path: { id: attemptId }, signal });
}

export function saveAnswers(attemptId: string, answers: AttemptAnswers): Promise<void> {
  const body: SubmitAttemptRequest = { answers: toAnswerList(answers) };
  return api.put<void>('/attempts/{id}/answers', body, { path: { id: attemptId } });
}

export function submitAttempt(
  attemptId: string,
  answers: AttemptAnswers,
): Promise<SubmitAttemptResponse> {
  const body: SubmitAttemptRequest = { answers: toAnswerList(answers) };
  return api.post<SubmitAttemptResponse>('/attempts/{id}/submit', body, {
    path: { id: attemptId },
  });
}
