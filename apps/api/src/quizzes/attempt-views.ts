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

/**
 * One question (alias `x`) as a learner may see it: ids, type and text, options in the
 * author's order. Short-answer and numeric options are the accepted answers, so none are
 * sent; a matching question adds its right-hand texts sorted, never paired. The SQL never
 * selects `correct`, `match` per option, `tolerance` or `explanation`, so no code path can
 * leak them into a pre-submit response.
 */
export const SHOWN_QUESTION_JSON = `json_build_object('id', x.id, 'type', x.type, 'text', x.text, 'options',
    CASE WHEN x.type IN ('short_answer', 'numeric') THEN '[]'::json
         ELSE (SELECT coalesce(json_agg(json_strip_nulls(json_build_object('id', o.id, 'text', o.text,
                        'image', CASE WHEN o.image_key IS NOT NULL THEN json_build_object('key', o.image_key, 'alt', o.image_alt) END))
                      ORDER BY o.position), '[]')
                 FROM question_option o WHERE o.question_id = x.id) END,
    'choices', CASE WHEN x.type = 'matching'
         THEN (SELECT json_agg(DISTINCT o.match ORDER BY o.match) FROM question_option o WHERE o.question_id = x.id) END,
    'image', CASE WHEN x.image_key IS NOT NULL THEN json_build_object('key', x.image_key, 'alt', x.image_alt) END)`;

/** The questions `where` selects (alias `x`), as one json array of SHOWN_QUESTION_JSON. */
export const SHOWN_QUESTIONS_SQL = (where: string) =>
  `(SELECT coalesce(json_agg(${SHOWN_QUESTION_JSON} ORDER BY x.position, x.id), '[]')
     FROM question x WHERE ${where})`;

/**
 * The answer keys and explanations of the questions `where` selects (alias `x`): grading
 * and review only. `parts` (the correct options' content) only for the types that need it.
 */
export const ANSWER_KEYS_SQL = (where: string) =>
  `(SELECT coalesce(json_agg(json_build_object('questionId', x.id, 'type', x.type, 'explanation', x.explanation,
            'correctOptionIds', (SELECT coalesce(json_agg(o.id ORDER BY o.position), '[]')
                                   FROM question_option o WHERE o.question_id = x.id AND o.correct),
            'parts', CASE WHEN x.type IN ('matching', 'short_answer', 'numeric')
                       THEN (SELECT json_agg(json_build_object('text', o.text, 'match', o.match, 'tolerance', o.tolerance)
                                             ORDER BY o.position)
                               FROM question_option o WHERE o.question_id = x.id AND o.correct) END,
            'ignoreCase', x.ignore_case, 'ignoreDiacritics', x.ignore_diacritics)), '[]')
     FROM question x WHERE ${where})`;

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
