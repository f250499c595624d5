import type { ImportUpload } from '../../users/import/user-sheet.reader';
import { invalidFile } from '../../users/import/user-sheet';
import { readXlsxSheet } from '../../users/import/xlsx-sheet.reader';
import { giftCandidates } from './gift.parser';
import type { QuestionCandidate, RowError } from './question-row';
import { sheetCandidates } from './question-sheet';

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');
/** One quiz's questions, not a whole question bank: beyond this, split the file. */
export const MAX_IMPORT_QUESTIONS = 2000;

/** An XLSX (the template) or GIFT text file, told apart by content, to candidate questions. */
export async function readQuestionFile(
  file: ImportUpload | undefined,
): Promise<{ candidates: QuestionCandidate[]; errors: RowError[] }> {
  if (!file)
    throw invalidFile('file_missing', 'attach an XLSX or GIFT file in the multipart field "file"');
  if (!file.buffer?.length) throw invalidFile('file_empty', 'the file is empty');
  let read: { candidates: QuestionCandidate[]; errors: RowError[] };
  if (file.buffer.subarray(0, 4).equals(ZIP_MAGIC)) {
    const sheet = sheetCandidates(await readXlsxSheet(file.buffer));
    if (sheet.headerError) {
      const { message, missing } = sheet.headerError;
      throw invalidFile('not_question_template', message, { missing });
    }
    read = sheet;
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(file.buffer);
    if (text.includes('\u0000') || text.includes('\uFFFD')) {
      throw invalidFile('file_unreadable', 'is neither an XLSX workbook nor UTF-8 GIFT text');
    }
    read = giftCandidates(text);
  }
  if (read.candidates.length + read.errors.length === 0)
    throw invalidFile('file_no_question', 'holds no question');
  if (read.candidates.length > MAX_IMPORT_QUESTIONS) {
    throw invalidFile(
      'file_too_many_questions',
      `has more than ${MAX_IMPORT_QUESTIONS} questions; split it`,
      {
        max: MAX_IMPORT_QUESTIONS,
      },
    );
  }
  return read;
}
