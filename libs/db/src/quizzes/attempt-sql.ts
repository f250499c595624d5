import { courseVersionJoin } from '../courses/course-sql';
import { currentEnrolmentsOfVersionJoin } from '../learning/enrolment-sql';
import type { Statement } from '../prepared-statement';

/*
 * The quizzes feature's SQL for attempts: the statements the API runs when a learner starts,
 * saves and submits a quiz, and the fragments they are built from. They live here, not in
 * apps/api, so that the national-scale bench EXPLAINs the very text the API sends (no copy
 * to go stale); only the quizzes feature runs them.
 */

/** Network grace after `expiresAt`: an answer sent in the last second still counts. */
export const SUBMIT_GRACE_SECONDS = 5;

/**
 * Open and past deadline + grace, by the DATABASE clock: several API processes agree, and
 * clock_timestamp() (not now()) is not frozen at the start of a transaction that waited.
 */
export const OVERDUE_SQL = (alias: string) =>
  `(${alias}.status = 'open' AND ${alias}.expires_at IS NOT NULL
    AND clock_timestamp() > ${alias}.expires_at + ${SUBMIT_GRACE_SECONDS} * interval '1 second')`;

/** The question ids of an attempt's draw (a jsonb column), as uuid[] for an index lookup. */
export const DRAWN_IDS_SQL = (drawn: string) =>
  `ARRAY(SELECT (d->>'questionId')::uuid FROM jsonb_array_elements(${drawn}) d)`;

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
 * The quiz's draw rules with each category's current questions as shown to learners (alias
 * `x` in SHOWN_QUESTION_JSON's shape: ids, type, text, options; never `correct`).
 */
export const CATEGORY_DRAWS_SQL = (quiz: string) =>
  `(SELECT coalesce(json_agg(json_build_object('count', r.count, 'questions',
            (SELECT coalesce(json_agg(${SHOWN_QUESTION_JSON} ORDER BY x.position, x.id), '[]')
               FROM question x WHERE x.category_id = r.category_id AND x.retired_at IS NULL))
          ORDER BY r.category_id), '[]')
     FROM quiz_draw_rule r WHERE r.quiz_id = ${quiz})`;

/** Attempts of the same learner and quiz as attempt `a`, as alias `p`. */
const SIBLINGS = (a: string) =>
  `FROM quiz_attempt p WHERE p.user_id = ${a}.user_id AND p.quiz_id = ${a}.quiz_id`;

/**
 * What the answer-reveal policy needs for attempt `a` of quiz `q` (`passed` named
 * "passedEver": the attempt has a column `passed` of its own), read by index on
 * (user_id, quiz_id, number) and only when the policy needs them.
 */
export const REVEAL_FACTS_SQL = (a: string, q: string) =>
  `${q}.review_policy AS "policy", ${q}.max_attempts AS "maxAttempts",
   (${q}.review_policy = 'after_passing' AND EXISTS (SELECT 1 ${SIBLINGS(a)} AND p.passed)) AS "passedEver",
   (SELECT max(p.number) ${SIBLINGS(a)}) AS "lastNumber",
   (${q}.review_policy IN ('after_passing', 'after_last_attempt')
      AND EXISTS (SELECT 1 ${SIBLINGS(a)} AND p.status = 'open' AND NOT ${OVERDUE_SQL('p')})) AS "openNow"`;

/** At submit the attempt being graded is the open, latest one; only earlier passes need a read. */
export const PASSED_BEFORE_SQL = (a: string, q: string) =>
  `(${q}.review_policy = 'after_passing' AND EXISTS (SELECT 1 ${SIBLINGS(a)} AND p.passed)) AS "passedBefore"`;

/** The quiz, visible only to learners enrolled on its course version (no row for anyone else). */
export const QUIZ_OF_ENROLMENT_SQL = `
  FROM quiz q
  ${courseVersionJoin('cv', 'q.course_version_id')}
  ${currentEnrolmentsOfVersionJoin('e', 'cv.course_id', 'q.course_version_id')}`;

/** Start: the quiz, the caller's enrolment and attempts, the open attempt and the bank ($1 quiz, $2 user). */
export const START_READ: Statement = {
  name: 'quiz_start_read',
  text: `
SELECT q.time_limit_seconds AS "timeLimitSeconds", q.max_attempts AS "maxAttempts",
       q.questions_per_attempt AS "questionsPerAttempt", q.shuffle, e.id AS "enrollmentId",
       used.n AS used, used.last AS "lastNumber",
       o.id AS "openId", o.number AS "openNumber", o.started_at AS "openStartedAt",
       o.expires_at AS "openExpiresAt", o.drawn AS "openDrawn", o.answers AS "openAnswers",
       ${OVERDUE_SQL('o')} AS "openOverdue",
       CASE WHEN o.id IS NOT NULL
            THEN ${SHOWN_QUESTIONS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('o.drawn')})`)} END AS "openShown",
       CASE WHEN o.id IS NULL OR ${OVERDUE_SQL('o')} THEN ${SHOWN_QUESTIONS_SQL('x.quiz_id = q.id')} END AS bank,
       CASE WHEN o.id IS NULL OR ${OVERDUE_SQL('o')} THEN ${CATEGORY_DRAWS_SQL('q.id')} END AS draws
  ${QUIZ_OF_ENROLMENT_SQL}
  CROSS JOIN LATERAL (SELECT count(*)::int AS n, coalesce(max(a.number), 0) AS last
                        FROM quiz_attempt a WHERE a.user_id = e.user_id AND a.quiz_id = q.id) used
  LEFT JOIN quiz_attempt o ON o.user_id = e.user_id AND o.quiz_id = q.id AND o.status = 'open'
 WHERE q.id = $1 AND e.user_id = $2`,
};

/** One clock reading for both columns, from the database so every API process agrees. */
export const START_INSERT: Statement = {
  name: 'quiz_start_insert',
  text: `INSERT INTO quiz_attempt (user_id, quiz_id, enrollment_id, number, status, started_at, expires_at, drawn)
         SELECT $1, $2, $3, $4, 'open', t.ts, t.ts + $5::int * interval '1 second', $6::jsonb
           FROM (SELECT clock_timestamp() AS ts) t
         ON CONFLICT DO NOTHING
         RETURNING id, started_at AS "startedAt", expires_at AS "expiresAt"`,
};

/** The caller's attempts of a quiz, oldest first ($1 user, $2 quiz). */
export const ATTEMPT_HISTORY_SQL = `SELECT a.id AS "attemptId", a.number, a.status, a.started_at AS "startedAt", a.expires_at AS "expiresAt",
              a.submitted_at AS "submittedAt", a.score, a.passed, ${OVERDUE_SQL('a')} AS overdue
         FROM quiz_attempt a
        WHERE a.user_id = $1 AND a.quiz_id = $2
        ORDER BY a.number`;

/** The caller's attempt as submit and save need it ($1 attempt, $2 user); keys only while open. */
const answerableSql = (withKeys: boolean) => `
SELECT a.id, a.status, ${OVERDUE_SQL('a')} AS overdue, a.drawn, a.enrollment_id AS "enrollmentId",
       q.kind, q.passing_score AS "passingScore",
       ${withKeys ? `CASE WHEN a.status = 'open' THEN ${ANSWER_KEYS_SQL(`x.id = ANY (${DRAWN_IDS_SQL('a.drawn')})`)} END` : 'NULL'} AS keys
       ${withKeys ? `, q.review_policy AS policy, q.max_attempts AS "maxAttempts", a.number, ${PASSED_BEFORE_SQL('a', 'q')}` : ''}
  FROM quiz_attempt a JOIN quiz q ON q.id = a.quiz_id
 WHERE a.id = $1 AND a.user_id = $2`;
export const SUBMIT_READ: Statement = { name: 'quiz_submit_read', text: answerableSql(true) };
export const SAVE_READ: Statement = { name: 'quiz_save_read', text: answerableSql(false) };

/** Writes only while the attempt is open and in time, re-checked on the row as it is written. */
const STILL_OPEN_SQL = `a.id = $1 AND a.status = 'open' AND NOT ${OVERDUE_SQL('a')}`;
export const RECORD_GRADE: Statement = {
  name: 'quiz_record_grade',
  text: `UPDATE quiz_attempt a
            SET status = 'submitted', submitted_at = clock_timestamp(), answers = $2::jsonb,
                score = $3, passed = $4, correct_count = $5, total = $6, correct_question_ids = $7::uuid[]
          WHERE ${STILL_OPEN_SQL}`,
};
export const SAVE_ANSWERS: Statement = {
  name: 'quiz_save_answers',
  text: `UPDATE quiz_attempt a SET answers = $2::jsonb WHERE ${STILL_OPEN_SQL}`,
};
