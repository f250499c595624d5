import type { QuestionType, ReviewPolicy } from './courses';

/** `POST /api/quizzes/:id/attempts`: ids and text only — nothing that reveals an answer. */
export interface AttemptStartResponse {
  attemptId: string;
  expiresAt: string | null;
  questions: {
    id: string;
    type: QuestionType;
    text: string;
    /** Short answer and numeric: always empty (the options are the answers). */
    /** An option's image is fetched like the question's. */
    options: { id: string; text: string; image?: { key: string; alt: string } }[];
    /** Matching only: the right-hand texts to pick from, sorted (their order says nothing). */
    choices?: string[];
    /** Fetched from `GET /api/question-images/:key` (the key's last segment) with the session. */
    image?: { key: string; alt: string };
  }[];
}

export interface SubmitAttemptRequest {
  answers: {
    questionId: string;
    /**
     * Choice types: the chosen options. Ordering: every option, in the learner's order.
     * Matching: the left-hand options, paired one by one with `matches`.
     */
    optionIds: string[];
    /** Matching: the right-hand text chosen for each of `optionIds` ('' = none). */
    matches?: string[];
    /** Short answer and numeric: what the learner typed (numbers may use a decimal comma). */
    text?: string;
  }[];
}

export interface AttemptResultResponse {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  /** The quiz's answer-reveal policy. */
  reviewPolicy: ReviewPolicy;
  /**
   * Whether the policy lets this result show the answer key. When false, `review` is empty:
   * not even per-question right/wrong, which on a true/false question gives the answer away.
   */
  answersShown: boolean;
  review: ReviewItem[];
}

/** One question of a shown review: right or wrong, and the answer key. */
export interface ReviewItem {
  questionId: string;
  correct: boolean;
  /** Choice types: the correct options. Ordering: every option in the correct order. Matching: the left-hand options. */
  correctOptionIds: string[];
  explanation: string | null;
  /** Matching: the right-hand text of each of `correctOptionIds`, in the same order. */
  correctMatches?: string[];
  /** Short answer: the accepted answers. Numeric: the accepted values ("3,14 ± 0,01"). */
  correctAnswers?: string[];
}

export type AttemptStatus = 'open' | 'submitted' | 'expired';

/** A drawn question as the learner sees it: ids and text, in the attempt's stored order. */
export type AttemptQuestion = AttemptStartResponse['questions'][number];

export type AttemptAnswer = SubmitAttemptRequest['answers'][number];

/** `POST /api/attempts/:id/submit`: the result, plus whether this submission completed the course. */
export interface SubmitAttemptResponse extends AttemptResultResponse {
  /** True only for the submission (a passed final quiz) that completed the course. */
  courseCompleted: boolean;
}

/**
 * Start (201) or resume (200) of an attempt: `AttemptStartResponse` plus where it stands.
 * Still nothing that reveals an answer: `answers` are the learner's own saved choices.
 */
export interface OpenAttemptResponse extends AttemptStartResponse {
  status: 'open';
  quizId: string;
  number: number;
  startedAt: string;
  answers: AttemptAnswer[];
}

/** `GET /api/attempts/:id` once submitted or expired: what was shown, chosen and the result. */
export interface ClosedAttemptResponse extends AttemptResultResponse {
  attemptId: string;
  status: 'submitted' | 'expired';
  quizId: string;
  number: number;
  startedAt: string;
  expiresAt: string | null;
  submittedAt: string | null;
  questions: AttemptQuestion[];
  answers: AttemptAnswer[];
}

export type AttemptStateResponse = OpenAttemptResponse | ClosedAttemptResponse;

/** `GET /api/quizzes/:id/attempts`: the caller's history for one quiz, oldest first. */
export interface AttemptSummary {
  attemptId: string;
  number: number;
  status: AttemptStatus;
  startedAt: string;
  expiresAt: string | null;
  submittedAt: string | null;
  score: number | null;
  passed: boolean | null;
}

/** `GET /api/quizzes/:id`: the rules a learner sees before starting (no questions). */
export interface QuizInfoResponse {
  id: string;
  courseId: string;
  title: string;
  kind: 'practice' | 'final';
  passingScore: number;
  timeLimitSeconds: number | null;
  maxAttempts: number | null;
  questionCount: number;
  attemptsUsed: number;
  passed: boolean;
  reviewPolicy: ReviewPolicy;
}

/** Why a question deserves the author's look, from its attempts. */
export type QuestionFlag = 'too_easy' | 'too_hard' | 'low_discrimination';

/** One question of a quiz as its submitted attempts saw it. */
export interface QuestionAnalytics {
  questionId: string;
  text: string;
  /** Submitted attempts that drew it. */
  answered: number;
  /** Share of those that got it right, 0–1 (null: never answered). */
  difficulty: number | null;
  /** Point-biserial correlation of right/wrong with the attempt's score, −1–1 (null: undefined). */
  discrimination: number | null;
  flags: QuestionFlag[];
}

export interface QuizAnalytics {
  quizId: string;
  title: string;
  kind: 'practice' | 'final';
  /** The course version the quiz belongs to (each version has its own quiz rows). */
  version: number;
  attempts: number;
  meanScore: number | null;
  passRate: number | null;
  questions: QuestionAnalytics[];
}

/** `GET /api/courses/:id/analytics` (trainers in scope, sysadmins). */
export interface CourseAnalyticsResponse {
  courseId: string;
  enrolments: number;
  completions: number;
  /** completions / enrolments, 0–1 (0 without enrolments). */
  completionRate: number;
  /** Median time from enrolment to completion, in days (null: no completion yet). */
  medianDaysToComplete: number | null;
  /** Months (yyyy-MM, in TZ_REPORTS) with at least one completion, oldest first. */
  completionsByMonth: { month: string; completions: number }[];
  quizzes: QuizAnalytics[];
}
