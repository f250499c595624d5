import type {
  AttemptQuestion,
  AttemptResultResponse,
  ClosedAttemptResponse,
  OpenAttemptResponse,
  ReviewPolicy,
} from '@dx/contracts';
import type { DrawnQuestion } from '@dx/db';
import type { AttemptRow } from './attempt-records';
import { AnswerKey, grade, Graded } from './quiz-grading';

// The question and answer-key SQL lives in @dx/db (quizzes/attempt-sql) with the statements.
export { ANSWER_KEYS_SQL, SHOWN_QUESTION_JSON, SHOWN_QUESTIONS_SQL } from '@dx/db';

/**
 * The drawn questions as shown to the learner, in the stored order, from the shown bank.
 * A question or option removed since the draw is simply not shown (published versions don't change).
 */
export function drawnQuestions(
  drawn: readonly DrawnQuestion[],
  bank: readonly AttemptQuestion[],
): AttemptQuestion[] {
  const byId = new Map(bank.map((q) => [q.id, q]));
  return drawn.flatMap((d) => {
    const q = byId.get(d.questionId);
    if (!q) return [];
    const optionById = new Map(q.options.map((o) => [o.id, o]));
    const shown = d.optionIds.flatMap((id) => optionById.get(id) ?? []);
    const choices = q.choices ? { choices: q.choices } : {};
    const image = q.image ? { image: q.image } : {};
    return [{ id: q.id, type: q.type, text: q.text, options: shown, ...choices, ...image }];
  });
}

/** The answer keys in the draw's order, leaving out questions removed since the draw. */
export function keysInDrawOrder(
  drawn: readonly DrawnQuestion[],
  keys: readonly AnswerKey[],
): AnswerKey[] {
  const byId = new Map(keys.map((k) => [k.questionId, k]));
  return drawn.flatMap((d) => byId.get(d.questionId) ?? []);
}

/**
 * A grade as the learner may see it: always the score and counts; the per-question review
 * (right/wrong, correct option ids, explanations) only when the reveal policy allows.
 * Every response carrying a result goes through here.
 */
export function resultShown(
  graded: Graded,
  reviewPolicy: ReviewPolicy,
  answersShown: boolean,
): AttemptResultResponse {
  const { score, passed, correctCount, total } = graded;
  const review = answersShown ? graded.review : [];
  return { score, passed, correctCount, total, reviewPolicy, answersShown, review };
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function openAttemptView(
  a: Pick<AttemptRow, 'id' | 'quizId' | 'number' | 'startedAt' | 'expiresAt' | 'answers'>,
  questions: AttemptQuestion[],
): OpenAttemptResponse {
  return {
    attemptId: a.id,
    status: 'open',
    quizId: a.quizId,
    number: a.number,
    startedAt: new Date(a.startedAt).toISOString(),
    expiresAt: iso(a.expiresAt),
    questions,
    answers: a.answers ?? [],
  };
}

/**
 * A submitted attempt shows its stored grade; an expired one (stored, or open but overdue
 * and not yet closed by a write) is graded on nothing. The review is rebuilt from the bank.
 */
export function closedAttemptView(
  a: AttemptRow,
  questions: AttemptQuestion[],
  keys: AnswerKey[],
  passingScore: number,
  reveal: { policy: ReviewPolicy; shown: boolean },
): ClosedAttemptResponse {
  const submitted = a.status === 'submitted';
  const answers = a.answers ?? [];
  const graded = grade(keys, submitted ? answers : [], passingScore);
  const result = resultShown(
    {
      ...graded,
      score: submitted ? (a.score ?? graded.score) : 0,
      passed: submitted ? (a.passed ?? graded.passed) : false,
      correctCount: submitted ? (a.correctCount ?? graded.correctCount) : 0,
      total: a.total ?? graded.total,
    },
    reveal.policy,
    reveal.shown,
  );
  return {
    attemptId: a.id,
    status: submitted ? 'submitted' : 'expired',
    quizId: a.quizId,
    number: a.number,
    startedAt: new Date(a.startedAt).toISOString(),
    expiresAt: iso(a.expiresAt),
    submittedAt: iso(a.submittedAt),
    questions,
    answers,
    ...result,
  };
}
