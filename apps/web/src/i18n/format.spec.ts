import { currentYear, formatDate, formatDateTime, formatNumber, formatPercent } from './format';

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

  it('never writes a minus zero (Intl would show "-0" for -0.001)', () => {
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
  });
});

describe('currentYear', () => {
  it('is the year in Hà Nội, not in UTC', () => {
    expect(currentYear(new Date('2025-12-31T18:00:00Z'))).toBe(2026);
    expect(currentYear(new Date('2025-12-31T16:00:00Z'))).toBe(2025);
  });
});

describe('hand-made formats agree with Intl (the reference they replace)', () => {
  const values = [
    0,
    0.004,
    0.005,
    1,
    1.5,
    2 / 3,
    12.345,
    999.995,
    1000,
    12345.5,
    1234567.891,
    -1.25,
    0.125,
    9.995,
    99.999,
    1e-7,
    1e21,
  ];
  const ratios = [0, 1e-7, 0.99995, 0.0004, 0.00051, 1 / 3, 2 / 3, 0.285, 0.999, 1, 1.2345, -0.05];
  const locales = { vi: 'vi-VN', en: 'en-GB' } as const;

  it.each(['vi', 'en'] as const)('numbers and percentages in %s', (language) => {
    const number = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 });
    const percent = new Intl.NumberFormat(locales[language], {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    for (const v of values) expect(formatNumber(v, language)).toBe(number.format(v));
    for (const r of ratios) expect(formatPercent(r, language)).toBe(percent.format(r));
  });

  it.each(['vi', 'en'] as const)('dates and times in Hà Nội in %s', (language) => {
    const date = new Intl.DateTimeFormat(locales[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    const time = new Intl.DateTimeFormat(locales[language], {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    // Across a year, both sides of midnight in Hà Nội and UTC, and a leap day.
    for (
      let t = Date.UTC(2024, 0, 1, 16, 59);
      t < Date.UTC(2025, 0, 2);
      t += 13 * 3_600_000 + 60_000
    ) {
      const iso = new Date(t).toISOString();
      expect(formatDateTime(iso, language)).toBe(`${date.format(t)} ${time.format(t)}`);
    }
  });
});
