import type { AttemptQuestion, QuestionType } from '@dx/contracts';

/** What a bench learner sends for one question: one answer of the kind its type takes. */
export interface BenchAnswer {
  questionId: string;
  optionIds: string[];
  matches?: string[];
  text?: string;
}

/**
 * The bench's answer to a question as the attempt shows it (never from the key): the first
 * option of a choice question, the options in the order shown for ordering, the choices in
 * the order listed for matching, and a typed text for short answer and numeric. Some right,
 * most wrong, as in life; every one valid, so the grading does its whole work.
 */
export function benchAnswer(
  q: Pick<AttemptQuestion, 'id' | 'type' | 'options'> & { choices?: string[] },
): BenchAnswer {
  const ids = q.options.map((o) => o.id);
  switch (q.type as QuestionType) {
    case 'ordering':
      return { questionId: q.id, optionIds: ids };
    case 'matching':
      return { questionId: q.id, optionIds: ids, matches: ids.map((_, i) => q.choices?.[i] ?? '') };
    case 'short_answer':
      return { questionId: q.id, optionIds: [], text: 'Chính phủ số' };
    case 'numeric':
      return { questionId: q.id, optionIds: [], text: '80,5' };
    case 'multiple':
      return { questionId: q.id, optionIds: ids.slice(0, 2) };
    default:
      return { questionId: q.id, optionIds: ids.slice(0, 1) };
  }
}
