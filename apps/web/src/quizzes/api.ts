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

/** The learner's choices, by question id. */
export type AttemptAnswers = Record<string, string[]>;

export function toAnswerMap(list: AttemptAnswer[] | null | undefined): AttemptAnswers {
  const map: AttemptAnswers = {};
  for (const a of list ?? []) map[a.questionId] = [...a.optionIds];
  return map;
}

export function toAnswerList(answers: AttemptAnswers): AttemptAnswer[] {
  return Object.entries(answers).map(([questionId, optionIds]) => ({ questionId, optionIds }));
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
