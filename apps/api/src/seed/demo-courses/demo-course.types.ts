import type { DemoQuestion, DemoQuiz } from '../../quizzes/demo/demo-quizzes';

// Questions and quizzes are the quizzes feature's shapes: it writes them.
export type { DemoQuestion, DemoQuiz };

/** A published demo course: text lessons in markdown, a final quiz, maybe practice quizzes. */
export interface DemoCourse {
  code: string;
  title: string;
  description: string;
  /** Declared hours: the lessons' minutes over 60 (demo-courses.spec checks they agree). */
  hours: number;
  /** Lessons must be completed in outline order (the course's option, off by default). */
  sequentialLessons?: boolean;
  /** Code of the owning unit (VN: every demo learner sees it). */
  ownerCode: string;
  /** Code of the unit that issues its certificates; absent: the owner. */
  issuerCode?: string;
  /** Username of the demo account recorded as its author. */
  author: string;
  /** Days before the seed that version 1 was published. */
  publishedDaysAgo: number;
  modules: {
    title: string;
    /** `minSeconds`: the least time on the lesson before the server accepts it as read. */
    lessons: { title: string; minutes: number; minSeconds?: number; content: string }[];
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
