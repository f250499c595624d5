import type { AttemptQuestion, ClosedAttemptResponse, OpenAttemptResponse } from '@dx/contracts';
import type { DrawnQuestion, QuestionType, QuizAttemptEntity } from '@dx/db';
import type { EntityManager } from 'typeorm';
import { AnswerKey, grade } from './quiz-grading';

/**
 * The drawn questions as shown to the learner, in the stored order. The SQL never selects
 * `correct` or `explanation`, so no code path can leak them into a pre-submit response.
 */
export async function drawnQuestions(
  tx: EntityManager,
  drawn: readonly DrawnQuestion[],
): Promise<AttemptQuestion[]> {
  const ids = drawn.map((d) => d.questionId);
  const questions: { id: string; type: QuestionType; text: string }[] = await tx.query(
    'SELECT id, type, text FROM question WHERE id = ANY($1::uuid[])',
    [ids],
  );
  const options: { id: string; text: string }[] = await tx.query(
    'SELECT id, text FROM question_option WHERE question_id = ANY($1::uuid[])',
    [ids],
  );
  const byId = new Map(questions.map((q) => [q.id, q]));
  const optionText = new Map(options.map((o) => [o.id, o.text]));
  // A question or option removed since the draw is simply not shown (published versions don't change).
  return drawn.flatMap((d) => {
    const q = byId.get(d.questionId);
    if (!q) return [];
    const shown = d.optionIds.flatMap((id) => {
      const text = optionText.get(id);
      return text === undefined ? [] : [{ id, text }];
    });
    return [{ id: q.id, type: q.type, text: q.text, options: shown }];
  });
}

/** Correct option ids and explanations of the drawn questions: read only when grading or reviewing. */
export async function answerKeys(
  tx: EntityManager,
  drawn: readonly DrawnQuestion[],
): Promise<AnswerKey[]> {
  const rows: { id: string; type: QuestionType; explanation: string | null; correct: string[] }[] =
    await tx.query(
      `SELECT q.id, q.type, q.explanation,
            coalesce(array_agg(o.id::text ORDER BY o.position) FILTER (WHERE o.correct), '{}') AS correct
       FROM question q LEFT JOIN question_option o ON o.question_id = q.id
      WHERE q.id = ANY($1::uuid[])
      GROUP BY q.id`,
      [drawn.map((d) => d.questionId)],
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return drawn.flatMap((d) => {
    const r = byId.get(d.questionId);
    return r
      ? [
          {
            questionId: r.id,
            type: r.type,
            correctOptionIds: r.correct,
            explanation: r.explanation,
          },
        ]
      : [];
  });
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export async function openAttemptView(
  tx: EntityManager,
  a: QuizAttemptEntity,
): Promise<OpenAttemptResponse> {
  return {
    attemptId: a.id,
    status: 'open',
    quizId: a.quizId,
    number: a.number,
    startedAt: new Date(a.startedAt).toISOString(),
    expiresAt: iso(a.expiresAt),
    questions: await drawnQuestions(tx, a.drawn),
    answers: a.answers ?? [],
  };
}

/**
 * A submitted attempt shows its stored grade; an expired one (stored, or open but overdue
 * and not yet closed by a write) is graded on nothing. The review is rebuilt from the bank.
 */
export async function closedAttemptView(
  tx: EntityManager,
  a: QuizAttemptEntity,
  passingScore: number,
): Promise<ClosedAttemptResponse> {
  const submitted = a.status === 'submitted';
  const answers = a.answers ?? [];
  const keys = await answerKeys(tx, a.drawn);
  const graded = grade(keys, submitted ? answers : [], passingScore);
  return {
    attemptId: a.id,
    status: submitted ? 'submitted' : 'expired',
    quizId: a.quizId,
    number: a.number,
    startedAt: new Date(a.startedAt).toISOString(),
    expiresAt: iso(a.expiresAt),
    submittedAt: iso(a.submittedAt),
    questions: await drawnQuestions(tx, a.drawn),
    answers,
    score: submitted ? (a.score ?? graded.score) : 0,
    passed: submitted ? (a.passed ?? graded.passed) : false,
    correctCount: submitted ? (a.correctCount ?? graded.correctCount) : 0,
    total: a.total ?? graded.total,
    review: graded.review,
  };
}
