import { fileNameOf, itemsOf, toApiPath } from './client';

describe('toApiPath', () => {
  const origin = 'https://hoc.example.gov.vn';

  it('strips /api from relative and same-origin URLs', () => {
    expect(toApiPath('/api/certificates/1/pdf', origin)).toBe('/certificates/1/pdf');
    expect(toApiPath(`${origin}/api/lessons/2/file?x=1`, origin)).toBe('/lessons/2/file?x=1');
  });

  it('leaves other origins and non-API paths alone', () => {
    expect(toApiPath('https://cdn.example.com/api/a.pdf', origin)).toBe(
      'https://cdn.example.com/api/a.pdf',
    );
    expect(toApiPath('/files/a.pdf', origin)).toBe('/files/a.pdf');
  });
});

describe('itemsOf', () => {
  it('accepts the paginated shape and a bare array', () => {
    expect(itemsOf({ items: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf([3])).toEqual([3]);
    expect(itemsOf(undefined)).toEqual([]);
  });
});

describe('fileNameOf', () => {
  it('prefers the UTF-8 name of RFC 5987', () => {
    expect(
      fileNameOf(
        `attachment; filename="bao-cao.csv"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%202026.csv`,
      ),
    ).toBe('Báo cáo 2026.csv');
  });

  it('falls back to the plain name, and to null', () => {
    expect(fileNameOf('attachment; filename="CDS-2026-000001.pdf"')).toBe('CDS-2026-000001.pdf');
    expect(fileNameOf('attachment; filename=a.pdf')).toBe('a.pdf');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
