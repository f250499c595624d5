import type { FieldError, ReviewItem } from '@dx/contracts';
import type { AttemptAnswer, DrawnQuestion, QuestionType } from '@dx/db';
import {
  numberAccepted,
  numericKeyText,
  NumericKey,
  parseNumber,
  textAccepted,
  tidyText,
} from './typed-answers';

/** A correct option's content, read for the types whose key is more than option ids. */
export interface KeyPart {
  text: string;
  match: string | null;
  tolerance: number | null;
}

/** What grading needs to know about one drawn question, read from the bank at submit. */
export interface AnswerKey {
  questionId: string;
  type: QuestionType;
  /** The correct options in the author's order (ordering: the correct order). */
  correctOptionIds: string[];
  explanation: string | null;
  /** Matching, ordering, short answer, numeric: the correct options' content, same order. */
  parts?: KeyPart[] | null;
  ignoreCase?: boolean;
  ignoreDiacritics?: boolean;
}

export interface Graded {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  review: ReviewItem[];
}

/**
 * Answers must refer to the attempt's own draw: a question that was not drawn, an option of
 * another question or a question answered twice is a client bug (400), not a wrong answer.
 * Field names follow the global ValidationPipe (`answers.0.optionIds`).
 */
export function answerErrors(
  drawn: readonly DrawnQuestion[],
  answers: readonly AttemptAnswer[],
): FieldError[] {
  const options = new Map(drawn.map((d) => [d.questionId, new Set(d.optionIds)]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  answers.forEach((a, i) => {
    const allowed = options.get(a.questionId);
    if (!allowed) {
      errors.push({
        field: `answers.${i}.questionId`,
        message: 'questionId is not a question of this attempt',
      });
      return;
    }
    if (seen.has(a.questionId)) {
      errors.push({
        field: `answers.${i}.questionId`,
        message: 'questionId is answered more than once',
      });
    }
    seen.add(a.questionId);
    if (a.optionIds.some((o) => !allowed.has(o))) {
      errors.push({
        field: `answers.${i}.optionIds`,
        message: 'optionIds must be options of that question',
      });
    }
    if (a.matches !== undefined && a.matches.length !== a.optionIds.length) {
      errors.push({
        field: `answers.${i}.matches`,
        message: 'matches must pair one text with each of optionIds',
      });
    }
  });
  return errors;
}

const sameSequence = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const numericKeys = (parts: readonly KeyPart[]): NumericKey[] =>
  parts.flatMap((p) => {
    const value = parseNumber(p.text);
    return value === null ? [] : [{ value, tolerance: Math.abs(p.tolerance ?? 0) }];
  });

/** Whether one answer is right, by the question's type. */
function isCorrect(k: AnswerKey, a: AttemptAnswer | undefined): boolean {
  const optionIds = a?.optionIds ?? [];
  const parts = k.parts ?? [];
  switch (k.type) {
    case 'ordering':
      return k.correctOptionIds.length > 0 && sameSequence(optionIds, k.correctOptionIds);
    case 'matching': {
      const picked = new Map(optionIds.map((id, i) => [id, tidyText(a?.matches?.[i] ?? '')]));
      return (
        k.correctOptionIds.length > 0 &&
        k.correctOptionIds.every((id, i) => picked.get(id) === tidyText(parts[i]?.match ?? ''))
      );
    }
    case 'short_answer':
      return textAccepted(
        a?.text ?? '',
        parts.map((p) => p.text),
        { ignoreCase: k.ignoreCase ?? true, ignoreDiacritics: k.ignoreDiacritics ?? false },
      );
    case 'numeric':
      return numberAccepted(a?.text ?? '', numericKeys(parts));
    default: {
      const chosen = new Set(optionIds);
      return (
        !(k.type !== 'multiple' && chosen.size > 1) &&
        chosen.size === k.correctOptionIds.length &&
        k.correctOptionIds.every((id) => chosen.has(id))
      );
    }
  }
}

/** The answer key of one question as a shown review presents it. */
function reviewKey(k: AnswerKey): Pick<ReviewItem, 'correctOptionIds' | 'correctMatches' | 'correctAnswers'> {
  const parts = k.parts ?? [];
  switch (k.type) {
    case 'matching':
      return { correctOptionIds: k.correctOptionIds, correctMatches: parts.map((p) => p.match ?? '') };
    case 'short_answer':
      // The accepted answers' option ids were never shown: the texts are the key.
      return { correctOptionIds: [], correctAnswers: parts.map((p) => p.text) };
    case 'numeric':
      return { correctOptionIds: [], correctAnswers: numericKeys(parts).map(numericKeyText) };
    default:
      return { correctOptionIds: k.correctOptionIds };
  }
}

/**
 * All or nothing per question. Choice types: the chosen set equals the correct set (a subset
 * or a superset is wrong, several choices on a single-choice or true/false question are
 * wrong: the learner's choice, graded, not a 400). Ordering: the exact sequence. Matching:
 * every pair. Short answer: one accepted text (by the question's case/diacritics rule).
 * Numeric: within the tolerance of one accepted value. A missing answer is wrong.
 */
export function grade(
  keys: readonly AnswerKey[],
  answers: readonly AttemptAnswer[],
  passingScore: number,
): Graded {
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const review = keys.map(
    (k): ReviewItem => ({
      questionId: k.questionId,
      correct: isCorrect(k, byQuestion.get(k.questionId)),
      ...reviewKey(k),
      explanation: k.explanation,
    }),
  );
  const correctCount = review.filter((r) => r.correct).length;
  const total = keys.length;
  const score = total === 0 ? 0 : Math.round((100 * correctCount) / total);
  return { score, passed: score >= passingScore, correctCount, total, review };
}
