import { readCsvSheet } from './csv-sheet.reader';
import { invalidFile, toUserSheet, UserSheet } from './user-sheet';
import { readXlsxSheet } from './xlsx-sheet.reader';

/** What the import needs of multer's file; its name and MIME type are the client's word only. */
export interface ImportUpload {
  buffer: Buffer;
  size: number;
  originalname?: string;
}

const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

/** Reads an uploaded CSV or XLSX, told apart by content, into named columns and rows. */
export async function readUserSheet(file: ImportUpload | undefined): Promise<UserSheet> {
  if (!file)
    throw invalidFile('file_missing', 'attach a CSV or XLSX file in the multipart field "file"');
  if (!file.buffer?.length) throw invalidFile('file_empty', 'the file is empty');
  const isZip = file.buffer.subarray(0, 4).equals(ZIP_MAGIC);
  const records = isZip ? await readXlsxSheet(file.buffer) : readCsvSheet(file.buffer);
  return toUserSheet(records);
}
