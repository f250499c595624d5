/**
 * The SQL of trainer analytics: everything is computed by PostgreSQL over the stored
 * attempts and enrolments, never by loading attempts into the API.
 */

/** The quizzes of the course versions $1 (ids), with a change marker. */
export const COURSE_QUIZZES_SQL = `
SELECT q.id AS "quizId", q.title, q.kind, q.course_version_id AS "versionId",
       -- What the cached figures of a quiz depend on: its submitted attempts.
       (SELECT count(*) || ':' || coalesce(max(a.submitted_at)::text, '')
          FROM quiz_attempt a WHERE a.quiz_id = q.id AND a.status = 'submitted') AS watermark
  FROM quiz q
 WHERE q.course_version_id = ANY ($1::uuid[])
 ORDER BY q.kind DESC, q.title`;

/** Attempt count, mean score and pass rate of quiz $1 (submitted attempts only). */
export const QUIZ_FIGURES_SQL = `
SELECT count(*)::int AS attempts, avg(a.score)::float8 AS "meanScore", avg(a.passed::int)::float8 AS "passRate"
  FROM quiz_attempt a
 WHERE a.quiz_id = $1 AND a.status = 'submitted'`;

/**
 * Per question of quiz $1 (its own, and bank questions its attempts drew): how many submitted attempts drew it, the share right (difficulty)
 * and the point-biserial discrimination, which is Pearson's correlation between the 0/1
 * item score and the attempt's score (corr() is NULL when either never varies). An item is
 * right when grading said so at submit (correct_question_ids); attempts submitted before that
 * column existed had choice questions only, right when the distinct chosen options equal the
 * correct ones, exactly as grading says.
 */
export const QUESTION_STATS_SQL = `
WITH items AS (
  SELECT a.score, (d->>'questionId')::uuid AS question_id, a.correct_question_ids,
         ARRAY(SELECT DISTINCT c FROM jsonb_array_elements_text(s.ans->'optionIds') c ORDER BY 1) AS chosen
    FROM quiz_attempt a
   CROSS JOIN LATERAL jsonb_array_elements(a.drawn) d
    LEFT JOIN LATERAL (SELECT x AS ans FROM jsonb_array_elements(coalesce(a.answers, '[]')) x
                        WHERE x->>'questionId' = d->>'questionId' LIMIT 1) s ON true
   WHERE a.quiz_id = $1 AND a.status = 'submitted'
), graded AS (
  SELECT i.score, i.question_id,
         (CASE WHEN i.correct_question_ids IS NOT NULL THEN i.question_id = ANY (i.correct_question_ids)
               ELSE i.chosen = ARRAY(SELECT o.id::text FROM question_option o
                                      WHERE o.question_id = i.question_id AND o.correct ORDER BY 1) END)::int AS correct
    FROM items i
)
SELECT x.id AS "questionId", x.text, count(g.question_id)::int AS answered,
       avg(g.correct)::float8 AS difficulty, corr(g.score, g.correct)::float8 AS discrimination
  FROM question x LEFT JOIN graded g ON g.question_id = x.id
 WHERE x.quiz_id = $1
    -- Bank questions (any version) that attempts of this quiz drew.
    OR x.id IN (SELECT question_id FROM items)
 GROUP BY x.id, x.text, x.position, x.bank_id
 ORDER BY x.bank_id NULLS FIRST, x.position, x.id`;
