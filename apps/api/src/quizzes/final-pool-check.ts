import type { FieldError } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

/** A final quiz's pool must hold at least this many times what one attempt draws. */
export const FINAL_POOL_MIN_RATIO = 2;
/** Below this ratio publishing still works, with a warning: attempts overlap a lot. */
export const FINAL_POOL_WARN_RATIO = 3;

interface FinalPool {
  id: string;
  title: string;
  pool: number;
  perAttempt: number | null;
  maxAttempts: number | null;
}

/**
 * A certificate stands on the final quiz, so one attempt must not be copyable from the last:
 * each attempt draws from a pool at least twice its size. Refused (a publish problem) when a
 * final draws a set number of questions from fewer than twice as many; a warning when it
 * draws below three times, or draws its whole bank on every one of several attempts.
 */
export async function finalPoolCheck(
  tx: EntityManager,
  versionId: string,
): Promise<{ problems: FieldError[]; warnings: FieldError[] }> {
  const finals: FinalPool[] = await tx.query(
    `SELECT q.id, q.title, count(x.id)::int AS pool, q.questions_per_attempt AS "perAttempt",
            q.max_attempts AS "maxAttempts"
       FROM quiz q LEFT JOIN question x ON x.quiz_id = q.id
      WHERE q.course_version_id = $1 AND q.kind = 'final'
      GROUP BY q.id`,
    [versionId],
  );
  const problems: FieldError[] = [];
  const warnings: FieldError[] = [];
  for (const f of finals) {
    const field = `quizzes.${f.id}.pool`;
    // Fewer questions than one draw is publish-check's own "cannot draw" problem.
    if (f.pool === 0 || (f.perAttempt !== null && f.pool < f.perAttempt)) continue;
    const params = { title: f.title, pool: f.pool, perAttempt: f.perAttempt ?? f.pool };
    if (f.perAttempt === null) {
      if (f.maxAttempts !== 1) {
        warnings.push({
          field,
          message: `Final quiz "${f.title}" shows all ${f.pool} questions on every attempt; set questions per attempt to at most ${Math.floor(f.pool / FINAL_POOL_MIN_RATIO)}`,
          code: 'publish_final_whole_bank',
          params: { title: f.title, pool: f.pool, most: Math.floor(f.pool / FINAL_POOL_MIN_RATIO) },
        });
      }
    } else if (f.pool < FINAL_POOL_MIN_RATIO * f.perAttempt) {
      problems.push({
        field,
        message: `Final quiz "${f.title}" draws ${f.perAttempt} of ${f.pool} questions; its pool must hold at least ${FINAL_POOL_MIN_RATIO * f.perAttempt}`,
        code: 'publish_final_pool_too_small',
        params: { ...params, least: FINAL_POOL_MIN_RATIO * f.perAttempt },
      });
    } else if (f.pool < FINAL_POOL_WARN_RATIO * f.perAttempt) {
      warnings.push({
        field,
        message: `Final quiz "${f.title}" draws ${f.perAttempt} of ${f.pool} questions; ${FINAL_POOL_WARN_RATIO * f.perAttempt} or more keep attempts apart`,
        code: 'publish_final_pool_small',
        params: { ...params, advised: FINAL_POOL_WARN_RATIO * f.perAttempt },
      });
    }
  }
  return { problems, warnings };
}
