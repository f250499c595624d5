import type { EntityManager } from 'typeorm';

/** A quiz's rules with their category, bank and how many current questions each holds. */
export const DRAW_RULE_VIEWS_SQL = `
SELECT r.category_id AS "categoryId", r.count, c.name AS "categoryName", b.id AS "bankId",
       b.title AS "bankTitle",
       (SELECT count(*)::int FROM question x WHERE x.category_id = c.id AND x.retired_at IS NULL) AS available
  FROM quiz_draw_rule r
  JOIN question_category c ON c.id = r.category_id
  JOIN question_bank b ON b.id = c.bank_id
 WHERE r.quiz_id = $1
 ORDER BY b.title, c.name`;

/** Questions each quiz draws from bank categories per attempt (absent: none), for outlines. */
export async function bankDrawCounts(
  m: EntityManager,
  quizIds: readonly string[],
): Promise<Map<string, number>> {
  if (!quizIds.length) return new Map();
  const rows: { quizId: string; n: number }[] = await m.query(
    `SELECT quiz_id AS "quizId", sum(count)::int AS n FROM quiz_draw_rule
      WHERE quiz_id = ANY ($1) GROUP BY quiz_id`,
    [quizIds],
  );
  return new Map(rows.map((r) => [r.quizId, r.n]));
}
