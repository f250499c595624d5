import type { FieldError } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

/** A final quiz's pool must hold at least this many times what one attempt draws. */
export const FINAL_POOL_MIN_RATIO = 2;
/** Below this ratio publishing still works, with a warning: attempts overlap a lot. */
export const FINAL_POOL_WARN_RATIO = 3;

interface DrawRuleFacts {
  category: string;
  count: number;
  available: number;
}

interface QuizPool {
  id: string;
  title: string;
  kind: 'practice' | 'final';
  /** The quiz's own questions. */
  own: number;
  perAttempt: number | null;
  maxAttempts: number | null;
  /** Bank categories it draws from, with what each holds now. */
  rules: DrawRuleFacts[];
}

const QUIZ_POOLS_SQL = `
SELECT q.id, q.title, q.kind, q.questions_per_attempt AS "perAttempt", q.max_attempts AS "maxAttempts",
       (SELECT count(*)::int FROM question x WHERE x.quiz_id = q.id) AS own,
       (SELECT coalesce(json_agg(json_build_object('category', c.name, 'count', r.count, 'available',
                 (SELECT count(*)::int FROM question x WHERE x.category_id = c.id AND x.retired_at IS NULL))
                 ORDER BY c.name), '[]')
          FROM quiz_draw_rule r JOIN question_category c ON c.id = r.category_id
         WHERE r.quiz_id = q.id) AS rules
  FROM quiz q
 WHERE q.course_version_id = $1
 ORDER BY q.title, q.id`;

/**
 * Whether every quiz of a version can draw what it asks for, and whether a final's pool keeps
 * attempts apart. Problems refuse publishing; warnings are shown and publishing goes on.
 * - no question at all (own or from a category) → `publish_quiz_no_question`;
 * - fewer own questions than `questionsPerAttempt` → `publish_quiz_too_few_questions`;
 * - a category holding fewer current questions than drawn → `publish_draw_exceeds_category`;
 * - a final drawing a set number from fewer than twice as many → `publish_final_pool_too_small`
 *   (a warning below three times, or when it shows its whole bank on each of several attempts).
 */
export async function quizPoolCheck(
  tx: EntityManager,
  versionId: string,
): Promise<{ problems: FieldError[]; warnings: FieldError[] }> {
  const quizzes: QuizPool[] = await tx.query(QUIZ_POOLS_SQL, [versionId]);
  const drawProblems: FieldError[] = [];
  const finalProblems: FieldError[] = [];
  const warnings: FieldError[] = [];
  for (const q of quizzes) {
    const cannotDraw = drawChecks(q);
    drawProblems.push(...cannotDraw);
    if (q.kind !== 'final' || cannotDraw.length) continue;
    const finals = finalPoolChecks(q);
    finalProblems.push(...finals.problems);
    warnings.push(...finals.warnings);
  }
  return { problems: [...drawProblems, ...finalProblems], warnings };
}

function drawChecks(q: QuizPool): FieldError[] {
  const problems: FieldError[] = [];
  if (q.own === 0 && q.rules.length === 0) {
    problems.push({
      field: `quizzes.${q.id}.questions`,
      message: `Quiz "${q.title}" has no question`,
      code: 'publish_quiz_no_question',
      params: { title: q.title },
    });
  } else if (q.own > 0 && q.perAttempt !== null && q.own < q.perAttempt) {
    problems.push({
      field: `quizzes.${q.id}.questions`,
      message: `Quiz "${q.title}" has ${q.own} question(s) but draws ${q.perAttempt} per attempt`,
      code: 'publish_quiz_too_few_questions',
      params: { title: q.title, count: q.own, perAttempt: q.perAttempt },
    });
  }
  for (const r of q.rules.filter((r) => r.count > r.available)) {
    problems.push({
      field: `quizzes.${q.id}.drawRules`,
      message: `Quiz "${q.title}" draws ${r.count} questions from category "${r.category}", which holds ${r.available}`,
      code: 'publish_draw_exceeds_category',
      params: { title: q.title, category: r.category, count: r.count, available: r.available },
    });
  }
  return problems;
}

/**
 * A certificate stands on the final quiz, so one attempt must not be copyable from the last:
 * each attempt draws from a pool at least twice its size.
 */
function finalPoolChecks(q: QuizPool): { problems: FieldError[]; warnings: FieldError[] } {
  const field = `quizzes.${q.id}.pool`;
  const fromRules = q.rules.reduce((s, r) => s + r.count, 0);
  const pool = q.own + q.rules.reduce((s, r) => s + r.available, 0);
  if (q.perAttempt === null && q.rules.length === 0) {
    if (q.maxAttempts === 1) return { problems: [], warnings: [] };
    const most = Math.floor(pool / FINAL_POOL_MIN_RATIO);
    return {
      problems: [],
      warnings: [
        {
          field,
          message: `Final quiz "${q.title}" shows all ${pool} questions on every attempt; set questions per attempt to at most ${most}`,
          code: 'publish_final_whole_bank',
          params: { title: q.title, pool, most },
        },
      ],
    };
  }
  const perAttempt = Math.min(q.perAttempt ?? q.own, q.own) + fromRules;
  const params = { title: q.title, pool, perAttempt };
  if (pool < FINAL_POOL_MIN_RATIO * perAttempt) {
    const least = FINAL_POOL_MIN_RATIO * perAttempt;
    return {
      problems: [
        {
          field,
          message: `Final quiz "${q.title}" draws ${perAttempt} of ${pool} questions; its pool must hold at least ${least}`,
          code: 'publish_final_pool_too_small',
          params: { ...params, least },
        },
      ],
      warnings: [],
    };
  }
  if (pool < FINAL_POOL_WARN_RATIO * perAttempt) {
    const advised = FINAL_POOL_WARN_RATIO * perAttempt;
    return {
      problems: [],
      warnings: [
        {
          field,
          message: `Final quiz "${q.title}" draws ${perAttempt} of ${pool} questions; ${advised} or more keep attempts apart`,
          code: 'publish_final_pool_small',
          params: { ...params, advised },
        },
      ],
    };
  }
  return { problems: [], warnings: [] };
}
