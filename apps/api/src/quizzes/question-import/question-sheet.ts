import type { RawRow } from '../../users/import/user-sheet';
import type { QuestionCandidate, RowError } from './question-row';
import { parseNumber } from '../typed-answers';

/**
 * The XLSX template: a header row naming the columns (any order, case-insensitive), then
 * one question per row.
 * - `externalId` (optional): your id for the question; re-importing it updates that question.
 * - `type`: single | multiple | true_false | matching | ordering | short_answer | numeric.
 * - `text`: the question.
 * - `option1` … `option10`: the options, left to right (true_false may leave them empty:
 *   "Đúng", "Sai"). Ordering: in the correct order. Short answer: the accepted answers.
 *   Numeric: the accepted values.
 * - `match1` … `match10`: matching only, the right-hand text of each option.
 * - `correct`: choice types only, the numbers of the correct options, e.g. `2` or `1,3`.
 * - `tolerance` (optional, numeric): how far an answer may be from every value of the row.
 * - `ignoreCase`, `ignoreDiacritics` (optional, short answer): yes/no (có/không, 1/0).
 * - `explanation` (optional): shown in the review when the quiz's policy allows.
 * - `category` (optional, bank imports): the bank category of the question.
 * - `tags` (optional, bank imports): comma-separated tags.
 */
export const SHEET_COLUMNS = [
  'externalId',
  'type',
  'text',
  'correct',
  'explanation',
  'category',
  'tags',
  'tolerance',
  'ignoreCase',
  'ignoreDiacritics',
] as const;
export const MAX_OPTIONS = 10;
const REQUIRED = ['type', 'text'];
const OPTION = /^option([1-9]|10)$/;
const CHOICE_TYPES = ['single', 'multiple', 'true_false'];

/** A yes/no cell: undefined when empty, null when it is neither. */
function yesNo(cell: string): boolean | undefined | null {
  const v = cell.trim().toLowerCase();
  if (v === '') return undefined;
  if (['1', 'x', 'yes', 'true', 'có', 'đúng'].includes(v)) return true;
  if (['0', 'no', 'false', 'không', 'sai'].includes(v)) return false;
  return null;
}

const TRUE_FALSE_DEFAULT = ['Đúng', 'Sai'];

/** Rows of the first sheet to candidates; a header that is not the template is a file error. */
export function sheetCandidates(rows: RawRow[]): {
  candidates: QuestionCandidate[];
  errors: RowError[];
  headerError: { message: string; missing: string } | null;
} {
  const [header, ...data] = rows;
  const names = (header?.cells ?? []).map((c) => String(c).trim());
  const index = new Map<string, number>();
  names.forEach((n, i) => {
    const known = [
      ...SHEET_COLUMNS,
      ...Array.from({ length: MAX_OPTIONS }, (_, k) => `option${k + 1}`),
      ...Array.from({ length: MAX_OPTIONS }, (_, k) => `match${k + 1}`),
    ].find((c) => c.toLowerCase() === n.toLowerCase());
    if (known) index.set(known, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (!header || missing.length || ![...index.keys()].some((k) => OPTION.test(k))) {
    const lacking = [
      ...missing,
      ...([...index.keys()].some((k) => OPTION.test(k)) ? [] : ['option1…']),
    ].join(', ');
    return {
      candidates: [],
      errors: [],
      headerError: {
        message: `is not the question template: the first row must name the columns (missing ${lacking})`,
        missing: lacking,
      },
    };
  }
  const cell = (r: RawRow, name: string) => {
    const i = index.get(name);
    return i === undefined ? '' : String(r.cells[i] ?? '').trim();
  };
  const candidates: QuestionCandidate[] = [];
  const errors: RowError[] = [];
  for (const r of data) {
    const type = cell(r, 'type').toLowerCase();
    let texts = Array.from({ length: MAX_OPTIONS }, (_, k) => cell(r, `option${k + 1}`));
    // Options are left-aligned: everything after the last filled one is dropped, gaps are errors.
    const last = texts.map((t) => t !== '').lastIndexOf(true);
    texts = texts.slice(0, last + 1);
    if (type === 'true_false' && texts.length === 0) texts = [...TRUE_FALSE_DEFAULT];
    const choice = CHOICE_TYPES.includes(type);
    const correctCell = cell(r, 'correct');
    const marks = correctCell.split(/[,;\s]+/).filter(Boolean);
    const numbers = marks.map(Number);
    if (
      choice &&
      (!marks.length || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > texts.length))
    ) {
      errors.push(
        marks.length
          ? {
              row: r.row,
              field: 'correct',
              code: 'correct_out_of_range',
              message: `correct must list option numbers between 1 and ${texts.length}`,
              params: { max: texts.length },
            }
          : {
              row: r.row,
              field: 'correct',
              code: 'correct_missing',
              message: 'correct must name at least one option number',
            },
      );
    }
    const toleranceCell = cell(r, 'tolerance');
    const tolerance = toleranceCell ? parseNumber(toleranceCell) : undefined;
    if (tolerance === null) {
      errors.push({
        row: r.row,
        field: 'tolerance',
        code: 'is_number',
        message: 'tolerance must be a number',
      });
    }
    const textRule: { ignoreCase?: boolean; ignoreDiacritics?: boolean } = {};
    for (const name of ['ignoreCase', 'ignoreDiacritics'] as const) {
      const v = yesNo(cell(r, name));
      if (v === null)
        errors.push({
          row: r.row,
          field: name,
          code: 'yes_or_no',
          message: `${name} must be yes or no`,
        });
      else if (v !== undefined) textRule[name] = v;
    }
    candidates.push({
      row: r.row,
      externalId: cell(r, 'externalId') || null,
      type,
      text: cell(r, 'text'),
      ...textRule,
      options: texts.map((text, k) => ({
        text,
        correct: choice ? numbers.includes(k + 1) : true,
        // Left as typed (empty too): the DTO names a matching item without its pair.
        ...(type === 'matching' ? { match: cell(r, `match${k + 1}`) } : {}),
        ...(type === 'numeric' && typeof tolerance === 'number' ? { tolerance } : {}),
      })),
      explanation: cell(r, 'explanation') || null,
      category: cell(r, 'category') || null,
      tags: cell(r, 'tags').split(/[,;]/),
    });
  }
  return { candidates, errors, headerError: null };
}
