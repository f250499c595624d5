import { parse } from 'content-disposition';
import { validateHeaderValue } from 'node:http';
import { asciiFileName, attachmentDisposition } from './attachment-disposition';

describe('attachmentDisposition', () => {
  it('keeps a Vietnamese name exact in filename* and gives old clients an ASCII one', () => {
    const header = attachmentDisposition('Báo cáo bồi dưỡng CĐS 2025 - Đà Nẵng.xlsx');
    expect(header).toBe(
      `attachment; filename="Bao cao boi duong CDS 2025 - Da Nang.xlsx"; filename*=UTF-8''${encodeURIComponent(
        'Báo cáo bồi dưỡng CĐS 2025 - Đà Nẵng.xlsx',
      )}`,
    );
    // What a browser reads from it, and what Node lets through (it throws on a raw "ạ").
    expect(parse(header).parameters.filename).toBe('Báo cáo bồi dưỡng CĐS 2025 - Đà Nẵng.xlsx');
    expect(() => validateHeaderValue('Content-Disposition', header)).not.toThrow();
    expect(() =>
      validateHeaderValue('Content-Disposition', 'attachment; filename="Đà Nẵng.pdf"'),
    ).toThrow();
  });

  it('writes an ASCII name as before, with no filename*', () => {
    expect(attachmentDisposition('so-cap-HN-2025.xlsx')).toBe(
      'attachment; filename="so-cap-HN-2025.xlsx"',
    );
  });

  it('cannot be broken out of by a quote in the name, and drops a path before it', () => {
    const header = attachmentDisposition('Bài "1"; filename="evil.exe.pdf');
    expect(parse(header)).toEqual({
      type: 'attachment',
      parameters: { filename: 'Bài "1"; filename="evil.exe.pdf' },
    });
    expect(parse(attachmentDisposition('..\\..\\Tài liệu.pdf')).parameters.filename).toBe(
      'Tài liệu.pdf',
    );
  });

  it('takes the fallback it is given (a report names its own ASCII file)', () => {
    expect(attachmentDisposition('Báo cáo.csv', 'bao-cao-cds-2025.csv')).toBe(
      `attachment; filename="bao-cao-cds-2025.csv"; filename*=UTF-8''${encodeURIComponent('Báo cáo.csv')}`,
    );
  });

  it('never falls back to an empty name', () => {
    expect(asciiFileName('  ')).toBe('file');
    expect(asciiFileName('Tài liệu "số".pdf')).toBe('Tai lieu _so_.pdf');
  });
});
