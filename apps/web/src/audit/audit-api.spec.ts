import { AUDIT_ACTIONS } from '@dx/contracts';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { auditQuery, nextDay, NO_AUDIT_FILTERS } from './api';

describe('audit log query', () => {
  it('sends only the filters that are set', () => {
    expect(auditQuery(NO_AUDIT_FILTERS, 2).toString()).toBe('page=2&pageSize=50');
  });

  it('makes the last day inclusive by asking for entries before the next day', () => {
    const q = auditQuery({ ...NO_AUDIT_FILTERS, from: '2026-02-01', to: '2026-02-28' }, 1);
    expect(q.get('from')).toBe('2026-02-01');
    expect(q.get('to')).toBe('2026-03-01');
  });

  it('crosses the end of a year and of a leap February', () => {
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('audit log texts', () => {
  it.each([
    ['vi', vi],
    ['en', en],
  ])('names every audit action in %s', (_, catalog) => {
    const names = catalog.auditLog.actions as Record<string, string>;
    expect(AUDIT_ACTIONS.filter((a) => !names[a.replace('.', '_')])).toEqual([]);
  });
});
