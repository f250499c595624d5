import type { ReviewPolicy } from '@dx/contracts';
import { OVERDUE_SQL } from './attempt-records';

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

/** Attempts of the same learner and quiz as attempt `a`, as alias `p`. */
const SIBLINGS = (a: string) =>
  `FROM quiz_attempt p WHERE p.user_id = ${a}.user_id AND p.quiz_id = ${a}.quiz_id`;

/**
 * The facts above for attempt `a` of quiz `q` (`passed` named "passedEver": the attempt has
 * a column `passed` of its own), read by index on (user_id, quiz_id, number) and only when
 * the policy needs them.
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
