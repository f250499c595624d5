import type { ReviewPolicy } from '@dx/contracts';

/**
 * What decides whether a closed attempt may show its correct answers and explanations.
 * The score, pass/fail and counts are always shown; only the answer key is withheld.
 */
export interface RevealFacts {
  policy: ReviewPolicy;
  maxAttempts: number | null;
  /** The learner has passed this quiz (on this attempt or an earlier one). */
  passed: boolean;
  /** Number of the learner's latest attempt of this quiz (numbers run 1, 2, 3…). */
  lastNumber: number;
  /** An attempt is still open and in time: its questions must not be answered from a review. */
  openNow: boolean;
}

/**
 * `after_last_attempt` needs a limit to reach: with unlimited attempts there is no last
 * one, so it never reveals. No policy other than `immediately` reveals while another
 * attempt is open, so a review read in a second tab cannot feed the running attempt.
 */
/** The columns REVEAL_FACTS_SQL adds to a row. */
export type RevealFactsRow = Omit<RevealFacts, 'passed'> & { passedEver: boolean };

export function answersRevealed(f: RevealFacts): boolean {
  switch (f.policy) {
    case 'immediately':
      return true;
    case 'after_passing':
      return f.passed && !f.openNow;
    case 'after_last_attempt':
      return f.maxAttempts !== null && f.lastNumber >= f.maxAttempts && !f.openNow;
    default:
      return false;
  }
}

export { PASSED_BEFORE_SQL, REVEAL_FACTS_SQL } from '@dx/db';
