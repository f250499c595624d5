import { formatDate } from './format';

describe('formatDate', () => {
  it('formats as dd/mm/yyyy in Vietnam time', () => {
    // 20:00 UTC on 5 March is already 6 March in Hà Nội (UTC+7).
    expect(formatDate('2026-03-05T20:00:00Z', 'vi')).toBe('06/03/2026');
    expect(formatDate('2026-03-05T10:00:00+07:00', 'en')).toBe('05/03/2026');
  });

  it('falls back to Vietnamese for an unknown language and returns bad input unchanged', () => {
    expect(formatDate('2026-12-31T00:00:00+07:00', 'fr')).toBe('31/12/2026');
    expect(formatDate('not a date')).toBe('not a date');
  });
});
