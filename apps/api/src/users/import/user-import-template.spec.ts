import { USER_IMPORT_COLUMNS, userImportTemplateCsv } from '@dx/contracts';
import { readUserSheet } from './user-sheet.reader';
import { parseUserRow } from './user-row.parser';

/** The web offers this template for download: the import must take it as it is. */
describe('people import template', () => {
  it('passes the header check with every column and one example row', async () => {
    const csv = userImportTemplateCsv();
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const sheet = await readUserSheet({ buffer: Buffer.from(csv, 'utf8'), size: csv.length });
    expect([...sheet.columns]).toEqual([...USER_IMPORT_COLUMNS]);
    expect(sheet.rows).toHaveLength(1);
    expect(sheet.rows[0].cells.fullName).toBe('Nguyễn Văn Ấn');
    // The example row is valid too (its unit code is only an example of the form).
    expect((await parseUserRow(sheet.rows[0])).errors).toEqual([]);
  });
});
