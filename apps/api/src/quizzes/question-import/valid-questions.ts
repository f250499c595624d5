import { InvalidInputException } from '../../http/invalid-input';
import type { ImportUpload } from '../../users/import/user-sheet.reader';
import { checkCandidate, ImportedQuestion, RowError } from './question-row';
import { readQuestionFile } from './read-question-file';

/**
 * Every question of an XLSX/GIFT file, validated; a 400 naming every bad row
 * (`rows.<row>.<column>`) when any row is bad, so nothing is half-written.
 */
export async function readValidQuestions(
  file: ImportUpload | undefined,
): Promise<ImportedQuestion[]> {
  const read = await readQuestionFile(file);
  const errors: RowError[] = [...read.errors];
  const questions: ImportedQuestion[] = [];
  const firstRowOf = new Map<string, number>();
  for (const c of read.candidates) {
    const checked = await checkCandidate(c);
    errors.push(...checked.errors);
    if (checked.question) questions.push(checked.question);
    if (c.externalId !== null) {
      const first = firstRowOf.get(c.externalId);
      if (first !== undefined) {
        errors.push({
          row: c.row,
          field: 'externalId',
          code: 'repeated_in_file',
          message: `externalId "${c.externalId}" is already used on row ${first}`,
          params: { firstRow: first },
        });
      } else firstRowOf.set(c.externalId, c.row);
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const rows = [...new Set(errors.map((e) => e.row))];
    throw new InvalidInputException(
      errors.map(({ row, field, ...e }) => ({ ...e, field: `rows.${row}.${field}` })),
      `Nothing imported: fix row(s) ${rows.join(', ')}`,
    );
  }
  return questions;
}

/** What re-importing compares: type, text, explanation, text rule and options in order. */
export function sameContent(
  found: {
    question: {
      type: string;
      text: string;
      explanation: string | null;
      tags?: string[];
      ignoreCase: boolean;
      ignoreDiacritics: boolean;
    };
    options: { text: string; correct: boolean; match: string | null; tolerance: number | null }[];
  },
  q: ImportedQuestion,
): boolean {
  const { question, options } = found;
  return (
    question.type === q.type &&
    question.text === q.text &&
    (question.explanation ?? null) === (q.explanation ?? null) &&
    question.ignoreCase === (q.ignoreCase ?? true) &&
    question.ignoreDiacritics === (q.ignoreDiacritics ?? false) &&
    options.length === q.options.length &&
    options.every(
      (o, i) =>
        o.text === q.options[i].text &&
        o.correct === q.options[i].correct &&
        (o.match ?? null) === (q.options[i].match ?? null) &&
        (o.tolerance ?? null) === (q.options[i].tolerance ?? null),
    )
  );
}
