import type { DrawnQuestion } from '@dx/db';
import { randomInt } from 'node:crypto';

/** A question of the bank with its options in the author's order. */
export interface BankQuestion {
  id: string;
  optionIds: string[];
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
    optionIds: rules.shuffle ? shuffled(q.optionIds) : q.optionIds.slice(),
  }));
}
