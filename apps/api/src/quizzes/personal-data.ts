import type { PersonalDataExport } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

/*
 * The quizzes feature's part of a person's data export and erasure (Law 91/2025): the
 * privacy feature composes every owner's part in one transaction.
 */

type Attempt = PersonalDataExport['quizAttempts'][number];
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The person's attempts with their own choices and the texts shown; never which were correct. */
export async function exportQuizAttempts(tx: EntityManager, userId: string): Promise<Attempt[]> {
  const rows: (Omit<Attempt, 'startedAt' | 'submittedAt' | 'answers'> & {
    startedAt: Date;
    submittedAt: Date | null;
    answers: { questionId: string; optionIds: string[] }[] | null;
  })[] = await tx.query(
    `SELECT a.id, a.quiz_id AS "quizId", q.title AS "quizTitle", a.number, a.status,
            a.started_at AS "startedAt", a.submitted_at AS "submittedAt", a.score, a.passed,
            a.correct_count AS "correctCount", a.total, a.answers
       FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
      WHERE a.user_id = $1 ORDER BY a.started_at`,
    [userId],
  );
  const texts = new Map<string, string>(
    (
      await tx.query(
        `SELECT qu.id, qu.text FROM question qu
          WHERE qu.id IN (SELECT (x->>'questionId')::uuid FROM quiz_attempt a, jsonb_array_elements(a.answers) x
                           WHERE a.user_id = $1)
         UNION ALL
         SELECT o.id, o.text FROM question_option o
          WHERE o.id IN (SELECT jsonb_array_elements_text(x->'optionIds')::uuid
                           FROM quiz_attempt a, jsonb_array_elements(a.answers) x WHERE a.user_id = $1)`,
        [userId],
      )
    ).map((r: { id: string; text: string }) => [r.id, r.text]),
  );
  return rows.map(({ answers, startedAt, submittedAt, ...a }) => ({
    ...a,
    startedAt: startedAt.toISOString(),
    submittedAt: iso(submittedAt),
    answers: (answers ?? []).map((x) => ({
      questionId: x.questionId,
      questionText: texts.get(x.questionId) ?? '',
      optionIds: x.optionIds,
      optionTexts: x.optionIds.map((id) => texts.get(id) ?? ''),
    })),
  }));
}

/** How many quiz attempts the person has (they go with the account, by cascade). */
export async function countQuizAttempts(tx: EntityManager, userId: string): Promise<number> {
  const [{ n }]: { n: number }[] = await tx.query(
    `SELECT count(*)::int AS n FROM quiz_attempt WHERE user_id = $1`,
    [userId],
  );
  return n;
}
