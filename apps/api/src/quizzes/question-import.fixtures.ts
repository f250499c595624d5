import { Workbook } from 'exceljs';
import type { TestApp } from '../test/test-app';

/** The template's first columns: id, type, text and three options (specs add the rest). */
export const FIRST_COLUMNS = ['externalId', 'type', 'text', 'option1', 'option2', 'option3'];

/** The XLSX a trainer would upload: one sheet, `header`, then `rows`. */
export async function questionSheet(
  header: readonly string[],
  rows: readonly (string | number)[][],
): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('Câu hỏi');
  sheet.addRow([...header]);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Posts a question file (XLSX or GIFT) to an import route as the multipart field `file`. */
export const uploadQuestionFile = (
  t: TestApp,
  token: string,
  url: string,
  file: Buffer,
  filename: string,
) => t.http.post(url).set('Authorization', token).attach('file', file, { filename });
