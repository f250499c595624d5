import type { QuestionType } from './courses';

/** `POST /api/quizzes/:id/attempts`: ids and text only — nothing that reveals an answer. */
export interface AttemptStartResponse {
  attemptId: string;
  expiresAt: string | null;
  questions: { id: string; type: QuestionType; text: string; options: { id: string; text: string }[] }[];
}

export interface SubmitAttemptRequest {
  answers: { questionId: string; optionIds: string[] }[];
}

export interface AttemptResultResponse {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  review: { questionId: string; correct: boolean; correctOptionIds: string[]; explanation: string | null }[];
}
