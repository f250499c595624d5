import type { AttemptQuestion } from '@dx/contracts';
import type { DrawnQuestion } from '@dx/db';
import { randomInt } from 'node:crypto';

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

export { CATEGORY_DRAWS_SQL } from '@dx/db';

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
