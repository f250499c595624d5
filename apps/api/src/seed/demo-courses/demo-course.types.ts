import type { QuestionType } from '@dx/contracts';

/**
 * One question of a demo quiz: options as [text, correct]. Ordering lists them in the right
 * order, short answer and numeric list the accepted answers (all `true`).
 */
export interface DemoQuestion {
  type: QuestionType;
  text: string;
  options: [string, boolean][];
  explanation: string;
  /** Matching: the right-hand text of each option, in the same order. */
  matches?: string[];
  /** Numeric: accepted distance from each value. */
  tolerance?: number;
  /** Short answer: accept an answer typed without diacritics. */
  ignoreDiacritics?: boolean;
}

export interface DemoQuiz {
  title: string;
  passingScore: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionsPerAttempt: number | null;
  questions: DemoQuestion[];
}

/** A published demo course: text lessons in markdown, a final quiz, maybe practice quizzes. */
export interface DemoCourse {
  code: string;
  title: string;
  description: string;
  hours: number;
  /** Code of the owning unit (VN: every demo learner sees it). */
  ownerCode: string;
  /** Username of the demo account recorded as its author. */
  author: string;
  /** Days before the seed that version 1 was published. */
  publishedDaysAgo: number;
  modules: {
    title: string;
    lessons: { title: string; minutes: number; content: string }[];
    practice?: DemoQuiz;
  }[];
  final: DemoQuiz;
}

export const tf = (text: string, isTrue: boolean, explanation: string): DemoQuestion => ({
  type: 'true_false',
  text,
  options: [
    ['Đúng', isTrue],
    ['Sai', !isTrue],
  ],
  explanation,
});
