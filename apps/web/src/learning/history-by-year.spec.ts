import type { MyCertificate, MyEnrollment, MyTrainingRecord } from '@dx/contracts';
import { historyByYear } from './history-by-year';

function enrollment(id: string, year: number, extra: Partial<MyEnrollment> = {}): MyEnrollment {
  return {
    enrollmentId: id,
    courseId: `course-${id}`,
    title: `Khóa ${id}`,
    version: 1,
    hours: 4,
    progress: 100,
    status: 'completed',
    completedAt: `${year}-06-01T03:00:00.000Z`,
    lastLessonId: null,
    year,
    current: true,
    ...extra,
  };
}

function certificate(
  enrollmentId: string | null,
  year: number,
  extra: Partial<MyCertificate> = {},
) {
  return {
    id: `cert-${enrollmentId ?? 'program'}`,
    kind: 'course',
    serial: `CDS-${year}-000001`,
    courseId: null,
    courseTitle: 'Khóa',
    status: 'issued',
    issuedAt: `${year}-06-01T04:00:00.000Z`,
    verifyUrl: null,
    pdfUrl: null,
    year,
    enrollmentId,
    ...extra,
  } satisfies MyCertificate as MyCertificate;
}

function record(id: string, completedOn: string, hours: number): MyTrainingRecord {
  return {
    id,
    title: `Lớp ${id}`,
    provider: 'Sở Nội vụ',
    hasEvidence: false,
    hours,
    completedOn,
    year: Number(completedOn.slice(0, 4)),
  };
}

describe('historyByYear', () => {
  it('groups completions, their certificates and recorded training by year, newest first', () => {
    // The same course taken in 2025 and again in 2026 (re-training): one entry per year.
    const history = historyByYear(
      [
        enrollment('again', 2026, { courseId: 'course-a', completedAt: '2026-03-02T01:00:00Z' }),
        enrollment('first', 2025, { courseId: 'course-a', current: false }),
        enrollment('later', 2026, { completedAt: '2026-05-02T01:00:00Z', hours: 1.5 }),
        enrollment('open', 2026, { status: 'in_progress', completedAt: null, progress: 50 }),
      ],
      [certificate('again', 2026), certificate('first', 2025)],
      [record('r1', '2025-11-05', 3), record('r2', '2026-01-10', 0.1)],
    );
    expect(history.map((y) => [y.year, y.hours])).toEqual([
      [2026, 5.6],
      [2025, 7],
    ]);
    const [y2026, y2025] = history;
    expect(y2026.courses.map((c) => [c.enrollment.enrollmentId, c.certificate?.id])).toEqual([
      ['later', undefined],
      ['again', 'cert-again'],
    ]);
    expect(y2025.courses.map((c) => c.certificate?.id)).toEqual(['cert-first']);
    expect(y2025.records.map((r) => r.id)).toEqual(['r1']);
  });

  it('does not count a course whose certificate was revoked, but still lists it', () => {
    const [year] = historyByYear(
      [enrollment('a', 2026), enrollment('b', 2026)],
      [certificate('a', 2026, { status: 'revoked' }), certificate('b', 2026)],
      [],
    );
    expect(year.hours).toBe(4);
    expect(year.courses.map((c) => [c.enrollment.enrollmentId, c.counts])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  });

  it('lists this year even when empty, and programme certificates in their year', () => {
    const programme = certificate(null, 2025, { kind: 'program', id: 'p' });
    expect(historyByYear([], [programme], [], 2026)).toEqual([
      { year: 2026, courses: [], programmes: [], records: [], hours: 0 },
      { year: 2025, courses: [], programmes: [programme], records: [], hours: 0 },
    ]);
  });
});
