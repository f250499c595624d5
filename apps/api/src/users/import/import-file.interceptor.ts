import { singleFileInterceptor } from '../../http/single-file.interceptor';
import { invalidFile, MAX_IMPORT_BYTES } from './user-sheet';

/** The single file of an import (people, questions) in memory. */
export const ImportFileInterceptor = singleFileInterceptor({
  maxBytes: MAX_IMPORT_BYTES,
  fields: 10,
  parts: 20,
  expected: 'one CSV or XLSX file',
  refuse: (message, code, params) => invalidFile(code, message, params),
});
