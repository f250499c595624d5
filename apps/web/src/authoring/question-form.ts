import type { QuestionType } from '@dx/contracts';
import type { QuestionInput } from './api';

export interface OptionDraft {
  key: number;
  text: string;
  correct: boolean;
}

let nextKey = 1;
export const optionDraft = (text = '', correct = false): OptionDraft => ({
  key: nextKey++,
  text,
  correct,
});

/** A course quiz's question or a bank question: options in order (or with positions). */
export interface EditableQuestion {
  type: QuestionType;
  text: string;
  explanation: string | null;
  options: { text: string; correct: boolean; position?: number }[];
}

export function initialOptions(question?: EditableQuestion): OptionDraft[] {
  if (!question) return [optionDraft('', true), optionDraft()];
  return question.options
    .map((o, i) => ({ ...o, position: o.position ?? i + 1 }))
    .sort((a, b) => a.position - b.position)
    .map((o) => optionDraft(o.text, o.correct));
}

/** Ticks an option; single and true/false questions keep exactly one ticked. */
export function toggleCorrect(
  options: OptionDraft[],
  key: number,
  checked: boolean,
  type: QuestionType,
): OptionDraft[] {
  if (type === 'multiple')
    return options.map((o) => (o.key === key ? { ...o, correct: checked } : o));
  return options.map((o) => ({ ...o, correct: o.key === key ? true : false }));
}

/** Switching to true/false: two options, "Đúng"/"Sai" when none were typed yet. */
export function optionsForType(
  options: OptionDraft[],
  type: QuestionType,
  trueLabel: string,
  falseLabel: string,
): OptionDraft[] {
  if (type === 'true_false') {
    const typed = options.filter((o) => o.text.trim());
    if (typed.length === 0) return [optionDraft(trueLabel, true), optionDraft(falseLabel)];
    return options.slice(0, 2);
  }
  if (type === 'single' && options.filter((o) => o.correct).length > 1) {
    const first = options.findIndex((o) => o.correct);
    return options.map((o, i) => ({ ...o, correct: i === first }));
  }
  return options;
}

export function toQuestionInput(
  type: QuestionType,
  text: string,
  options: OptionDraft[],
  explanation: string,
): QuestionInput {
  return {
    type,
    text: text.trim(),
    options: options.map((o) => ({ text: o.text.trim(), correct: o.correct })),
    ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
  };
}
