import {
  fieldCodeOfConstraint,
  type FieldError,
  type FieldErrorCode,
  type QuestionType,
} from '@dx/contracts';
import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CreateQuestionDto, optionRows, textRuleColumns } from '../../courses/dto/question.dto';

/** One question read from an import file, before validation; `row` as the file numbers it. */
export interface QuestionCandidate {
  row: number;
  externalId: string | null;
  type: string;
  text: string;
  options: { text: string; correct: boolean; match?: string; tolerance?: number }[];
  explanation: string | null;
  /** Short answer: the text rule, when the file sets it (the API's defaults otherwise). */
  ignoreCase?: boolean;
  ignoreDiacritics?: boolean;
  /** Bank imports: the category the row goes to (created when the bank lacks it). */
  category?: string | null;
  tags?: string[];
}

/** A validated question of the file, ready to be written. */
export interface ImportedQuestion extends Omit<CreateQuestionDto, 'type'> {
  row: number;
  type: QuestionType;
  externalId: string | null;
  category: string | null;
  tags: string[];
}

/** A bad row, always with its code: the web shows the code's sentence, never `message`. */
export interface RowError extends FieldError {
  row: number;
  code: FieldErrorCode;
}

const EXTERNAL_ID_MAX = 100;
const CATEGORY_MAX = 120;
const TAG_MAX = 50;

type Problem = Omit<RowError, 'row'>;

/**
 * CreateQuestionDto's errors with the code of their constraint (as a JSON body gets them),
 * field names flattened to the top property (options.0.text → options).
 */
function messages(errors: ValidationError[]): Problem[] {
  return errors.flatMap((e) => {
    const own = Object.entries(e.constraints ?? {}).map(([name, message]) => ({
      field: e.property,
      code: fieldCodeOfConstraint(name),
      message,
    }));
    const nested = messages(e.children ?? []).map((c) => ({ ...c, field: e.property }));
    return [...own, ...nested].map((x) => ({
      ...x,
      field: /^\d+$/.test(x.field) ? 'options' : x.field,
    }));
  });
}

/** Same text once NFC-normalised, trimmed and lower-cased: "Đúng" and " đúng" are duplicates. */
const sameText = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * Validates a candidate with the very rules of `POST /api/quizzes/:id/questions` (the DTO),
 * plus what a file adds: no duplicate options, an external id of at most 100 characters.
 */
export async function checkCandidate(
  c: QuestionCandidate,
): Promise<{ question: ImportedQuestion | null; errors: RowError[] }> {
  const dto = plainToInstance(CreateQuestionDto, {
    type: c.type,
    text: c.text,
    options: c.options,
    ...(c.explanation ? { explanation: c.explanation } : {}),
    ...(c.ignoreCase !== undefined ? { ignoreCase: c.ignoreCase } : {}),
    ...(c.ignoreDiacritics !== undefined ? { ignoreDiacritics: c.ignoreDiacritics } : {}),
  });
  const errors: RowError[] = messages(await validate(dto, { whitelist: true })).map((e) => ({
    row: c.row,
    ...e,
  }));
  const seen = new Set<string>();
  for (const o of c.options) {
    const key = sameText(o.text);
    if (key && seen.has(key)) {
      errors.push({
        row: c.row,
        field: 'options',
        code: 'option_repeated',
        message: `option "${o.text.trim()}" appears twice`,
        params: { option: o.text.trim() },
      });
    }
    seen.add(key);
  }
  if (c.externalId !== null && c.externalId.length > EXTERNAL_ID_MAX) {
    errors.push({
      row: c.row,
      field: 'externalId',
      code: 'max_length',
      message: `externalId must be at most ${EXTERNAL_ID_MAX} characters`,
      params: { max: EXTERNAL_ID_MAX },
    });
  }
  const category = c.category?.normalize('NFC').trim() || null;
  if (category !== null && category.length > CATEGORY_MAX) {
    errors.push({
      row: c.row,
      field: 'category',
      code: 'max_length',
      message: `category must be at most ${CATEGORY_MAX} characters`,
      params: { max: CATEGORY_MAX },
    });
  }
  const tags = [...new Set((c.tags ?? []).map((t) => t.normalize('NFC').trim()).filter(Boolean))];
  if (tags.some((t) => t.length > TAG_MAX)) {
    errors.push({
      row: c.row,
      field: 'tags',
      code: 'max_length',
      message: `a tag must be at most ${TAG_MAX} characters`,
      params: { max: TAG_MAX },
    });
  }
  if (errors.length) return { question: null, errors };
  return {
    question: {
      row: c.row,
      externalId: c.externalId,
      type: dto.type,
      text: dto.text,
      options: optionRows(dto).map((o) => ({
        text: o.text,
        correct: o.correct,
        ...(o.match !== null ? { match: o.match } : {}),
        ...(o.tolerance !== null ? { tolerance: o.tolerance } : {}),
      })),
      explanation: dto.explanation || undefined,
      ...textRuleColumns(dto),
      category,
      tags,
    },
    errors: [],
  };
}
