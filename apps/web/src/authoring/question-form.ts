import { CHOICE_QUESTION_TYPES, type QuestionType } from '@dx/contracts';
import type { QuestionInput } from './api';

export interface OptionDraft {
  key: number;
  text: string;
  correct: boolean;
  /** Matching: the right-hand text. */
  match: string;
  /** Numeric: the tolerance as typed ("0,5"). */
  tolerance: string;
  /** Choice, ordering and matching: an image shown with the option. */
  image: { key: string; alt: string } | null;
}

let nextKey = 1;
export const optionDraft = (
  text = '',
  correct = false,
  more: {
    match?: string | null;
    tolerance?: number | null;
    image?: { key: string; alt: string } | null;
  } = {},
): OptionDraft => ({
  key: nextKey++,
  text,
  correct,
  match: more.match ?? '',
  tolerance: more.tolerance == null ? '' : String(more.tolerance).replace('.', ','),
  image: more.image ?? null,
});

/** A course quiz's question or a bank question: options in order (or with positions). */
export interface EditableQuestion {
  type: QuestionType;
  text: string;
  explanation: string | null;
  ignoreCase?: boolean;
  ignoreDiacritics?: boolean;
  image?: { key: string; alt: string } | null;
  options: {
    text: string;
    correct: boolean;
    position?: number;
    match?: string | null;
    tolerance?: number | null;
    image?: { key: string; alt: string } | null;
  }[];
}

/** Fewest options a type takes: a typed answer needs one accepted answer. */
export const minOptions = (type: QuestionType) =>
  type === 'short_answer' || type === 'numeric' ? 1 : 2;

/** Typed answers are never shown to learners, so their options carry no image. */
export const optionsShown = (type: QuestionType) => type !== 'short_answer' && type !== 'numeric';

export const isChoiceType = (type: QuestionType) => CHOICE_QUESTION_TYPES.includes(type);

export function initialOptions(question?: EditableQuestion): OptionDraft[] {
  if (!question) return [optionDraft('', true), optionDraft()];
  return question.options
    .map((o, i) => ({ ...o, position: o.position ?? i + 1 }))
    .sort((a, b) => a.position - b.position)
    .map((o) => optionDraft(o.text, o.correct, o));
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

/** "0,5" or "0.5" → 0.5; empty or not a number → undefined (the API then reads 0). */
function toleranceOf(raw: string): number | undefined {
  const s = raw.trim().replace(',', '.');
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export function toQuestionInput(
  type: QuestionType,
  text: string,
  options: OptionDraft[],
  explanation: string,
  textRule: { ignoreCase: boolean; ignoreDiacritics: boolean } = {
    ignoreCase: true,
    ignoreDiacritics: false,
  },
  image?: { key: string; alt: string } | null,
): QuestionInput {
  const choice = isChoiceType(type);
  return {
    type,
    text: text.trim(),
    options: options.map((o) => {
      const tolerance = type === 'numeric' ? toleranceOf(o.tolerance) : undefined;
      return {
        text: o.text.trim(),
        correct: choice ? o.correct : true,
        ...(type === 'matching' ? { match: o.match.trim() } : {}),
        ...(tolerance !== undefined ? { tolerance } : {}),
        ...(optionsShown(type)
          ? { image: o.image && { key: o.image.key, alt: o.image.alt.trim() } }
          : {}),
      };
    }),
    ...(explanation.trim() ? { explanation: explanation.trim() } : {}),
    ...(type === 'short_answer' ? textRule : {}),
    // null removes an image the question had; absent (old callers) leaves it.
    ...(image !== undefined ? { image: image && { key: image.key, alt: image.alt.trim() } } : {}),
  };
}
