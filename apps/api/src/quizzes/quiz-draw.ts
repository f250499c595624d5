import type { AttemptQuestion } from '@dx/contracts';
import type { DrawnQuestion } from '@dx/db';
import { randomInt } from 'node:crypto';
import { SHOWN_QUESTION_JSON } from './attempt-views';

/** A question of the bank with its options in the author's order. */
export interface BankQuestion {
  id: string;
  optionIds: string[];
  /** Ordering questions always get their options shuffled: the author's order is the answer. */
  ordering?: boolean;
}

export interface DrawRules {
  questionsPerAttempt: number | null;
  shuffle: boolean;
}

/** Fisher–Yates with a CSPRNG: every permutation equally likely, nothing a learner can predict. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The questions and option order of one attempt. The subset is uniform (a prefix of a
 * uniform permutation); without `shuffle` the drawn questions and their options keep the
 * author's order, so a subset still varies while the layout stays as written.
 */
export function drawAttempt(bank: readonly BankQuestion[], rules: DrawRules): DrawnQuestion[] {
  const count = Math.min(rules.questionsPerAttempt ?? bank.length, bank.length);
  let picked = shuffled(bank).slice(0, count);
  if (!rules.shuffle) {
    const chosen = new Set(picked.map((q) => q.id));
    picked = bank.filter((q) => chosen.has(q.id));
  }
  return picked.map((q) => ({
    questionId: q.id,
    optionIds: q.ordering
      ? notInOrder(q.optionIds)
      : rules.shuffle
        ? shuffled(q.optionIds)
        : q.optionIds.slice(),
  }));
}

/** A shuffle that is never the correct order itself (with at least two items). */
function notInOrder(ids: readonly string[]): string[] {
  if (ids.length < 2) return ids.slice();
  for (;;) {
    const out = shuffled(ids);
    if (out.some((id, i) => id !== ids[i])) return out;
  }
}

/** One draw rule of a quiz at start: draw `count` of the category's current questions. */
export interface CategoryDraw {
  count: number;
  questions: AttemptQuestion[];
}

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

/**
 * One attempt from the quiz's own questions (by `questionsPerAttempt`) and `count` from each
 * category. With `shuffle` the whole draw is shuffled together; without it, own questions come
 * first, then each category's in the bank's order.
 */
export function drawFromPools(
  own: readonly AttemptQuestion[],
  draws: readonly CategoryDraw[],
  rules: DrawRules,
): DrawnQuestion[] {
  const asBank = (qs: readonly AttemptQuestion[]): BankQuestion[] =>
    qs.map((q) => ({
      id: q.id,
      optionIds: q.options.map((o) => o.id),
      ordering: q.type === 'ordering',
    }));
  const drawn = drawAttempt(asBank(own), rules);
  if (!draws.length) return drawn;
  for (const d of draws) {
    drawn.push(
      ...drawAttempt(asBank(d.questions), { questionsPerAttempt: d.count, shuffle: rules.shuffle }),
    );
  }
  return rules.shuffle ? shuffled(drawn) : drawn;
}
