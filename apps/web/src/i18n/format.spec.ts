import { currentYear, formatDate, formatNumber, formatPercent } from './format';

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

describe('formatPercent and formatNumber', () => {
  it('shows coverage with one decimal, Vietnamese style by default', () => {
    expect(formatPercent(2 / 3)).toBe('66,7%');
    expect(formatPercent(1, 'vi')).toBe('100,0%');
    expect(formatPercent(0.5, 'en')).toBe('50.0%');
    expect(formatPercent(Number.NaN)).toBe('0,0%');
  });

  it('groups thousands the Vietnamese way', () => {
    expect(formatNumber(12345.5)).toBe('12.345,5');
  });
});

describe('currentYear', () => {
  it('is the year in Hà Nội, not in UTC', () => {
    expect(currentYear(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
    expect(currentYear(new Date('2025-12-31T16:00:00Z'))).toBe(2025);
  });
});
