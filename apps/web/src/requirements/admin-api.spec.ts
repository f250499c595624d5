import { parseHoursText, parseJobTitles } from './admin-api';

describe('requirement form parsing', () => {
  it('reads hours written the Vietnamese way or the English way, and nothing else', () => {
    expect(parseHoursText('24')).toBe(24);
    expect(parseHoursText(' 2,5 ')).toBe(2.5);
    expect(parseHoursText('2.25')).toBe(2.25);
    for (const bad of ['', 'hai mươi', '-3', '1.234', '1e3']) {
      expect(parseHoursText(bad)).toBeNaN();
    }
  });

  it('takes one job title per line or separated by semicolons, dropping empty ones', () => {
    expect(parseJobTitles('Công chức Văn hóa - Xã hội\n\n  Chuyên viên ; Kế toán ')).toEqual([
      'Công chức Văn hóa - Xã hội',
      'Chuyên viên',
      'Kế toán',
    ]);
    expect(parseJobTitles('  ')).toEqual([]);
  });
});
