import type { BankQuestionView } from '@dx/contracts';
import { CHOICE_QUESTION_TYPES } from '@dx/contracts';
import { Workbook } from 'exceljs';

/**
 * A bank's current questions as the XLSX import template (docs/question-import.md): the file
 * imports back into any bank, and into the same bank leaves the questions with an externalId
 * unchanged. Option columns go as far as the longest question needs; match columns only when
 * a matching question is there. A numeric row has one `tolerance`: the first value's (the
 * editor and GIFT may give each value its own; those rows export the first one).
 */
export async function bankWorkbook(
  questions: readonly BankQuestionView[],
  categoryName: ReadonlyMap<string, string>,
): Promise<Buffer> {
  const width = Math.max(2, ...questions.map((q) => q.options.length));
  const withMatches = questions.some((q) => q.type === 'matching');
  const numbered = (name: string) => Array.from({ length: width }, (_, i) => `${name}${i + 1}`);
  const header = [
    'externalId',
    'type',
    'text',
    ...numbered('option'),
    ...(withMatches ? numbered('match') : []),
    'correct',
    'tolerance',
    'ignoreCase',
    'ignoreDiacritics',
    'explanation',
    'category',
    'tags',
  ];
  const wb = new Workbook();
  const sheet = wb.addWorksheet('Câu hỏi');
  sheet.addRow(header);
  const pad = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  const yesNo = (v: boolean) => (v ? 'có' : 'không');
  for (const q of questions) {
    const choice = CHOICE_QUESTION_TYPES.includes(q.type);
    const tolerance = q.type === 'numeric' ? q.options[0]?.tolerance : undefined;
    sheet.addRow([
      q.externalId ?? '',
      q.type,
      q.text,
      ...pad(q.options.map((o) => o.text)),
      ...(withMatches
        ? pad(q.options.map((o) => (q.type === 'matching' ? (o.match ?? '') : '')))
        : []),
      choice
        ? q.options
            .map((o, i) => (o.correct ? String(i + 1) : ''))
            .filter(Boolean)
            .join(',')
        : '',
      tolerance != null ? String(tolerance) : '',
      q.type === 'short_answer' ? yesNo(q.ignoreCase) : '',
      q.type === 'short_answer' ? yesNo(q.ignoreDiacritics) : '',
      q.explanation ?? '',
      categoryName.get(q.categoryId) ?? '',
      q.tags.join(', '),
    ]);
  }
  // Every cell is text: "1,3" and "80,5" must not turn into numbers or dates in Excel.
  sheet.eachRow((row) => row.eachCell((cell) => (cell.numFmt = '@')));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
