import type { FieldError } from '@dx/contracts';
import type { AttemptAnswer, DrawnQuestion, QuestionType } from '@dx/db';

/** What grading needs to know about one drawn question, read from the bank at submit. */
export interface AnswerKey {
  questionId: string;
  type: QuestionType;
  correctOptionIds: string[];
  explanation: string | null;
}

export interface Graded {
  score: number;
  passed: boolean;
  correctCount: number;
  total: number;
  review: {
    questionId: string;
    correct: boolean;
    correctOptionIds: string[];
    explanation: string | null;
  }[];
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
  });
  return errors;
}

/**
 * A question is correct only when the chosen set equals the correct set: a subset or a
 * superset is wrong, a missing answer is wrong, and choosing several options of a
 * single-choice or true/false question is wrong (not a 400: the learner's choice, graded).
 */
export function grade(
  keys: readonly AnswerKey[],
  answers: readonly AttemptAnswer[],
  passingScore: number,
): Graded {
  const chosen = new Map(answers.map((a) => [a.questionId, new Set(a.optionIds)]));
  const review = keys.map((k) => {
    const picked = chosen.get(k.questionId) ?? new Set<string>();
    const singleAnswer = k.type !== 'multiple';
    const correct =
      !(singleAnswer && picked.size > 1) &&
      picked.size === k.correctOptionIds.length &&
      k.correctOptionIds.every((id) => picked.has(id));
    return {
      questionId: k.questionId,
      correct,
      correctOptionIds: k.correctOptionIds,
      explanation: k.explanation,
    };
  });
  const correctCount = review.filter((r) => r.correct).length;
  const total = keys.length;
  const score = total === 0 ? 0 : Math.round((100 * correctCount) / total);
  return { score, passed: score >= passingScore, correctCount, total, review };
}
