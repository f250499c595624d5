// The learner's history by training year, from what the API already sends: enrolments
// (each with its year), their certificates (year and enrolment) and recorded training.
// No React here, so it is unit-tested directly.
import type { MyCertificate, MyEnrollment, MyTrainingRecord } from '@dx/contracts';

export interface CompletedCourse {
  enrollment: MyEnrollment;
  /** The certificate of this completion; null until the completion's row is read. */
  certificate: MyCertificate | null;
  /** Its hours count toward the year unless its certificate was revoked. */
  counts: boolean;
}

export interface HistoryYear {
  year: number;
  courses: CompletedCourse[];
  /** Programme certificates earned that year. */
  programmes: MyCertificate[];
  records: MyTrainingRecord[];
  /** Hours of the year's completions (certificate not revoked) and recorded training. */
  hours: number;
}

/**
 * One entry per year with something in it, newest first; `alwaysYear` (this year) is
 * listed even when empty, so its requirement shows. Within a year, the latest first.
 */
export function historyByYear(
  enrollments: readonly MyEnrollment[],
  certificates: readonly MyCertificate[],
  records: readonly MyTrainingRecord[],
  alwaysYear?: number,
): HistoryYear[] {
  const years = new Map<number, HistoryYear>();
  const at = (year: number) => {
    let entry = years.get(year);
    if (!entry) {
      entry = { year, courses: [], programmes: [], records: [], hours: 0 };
      years.set(year, entry);
    }
    return entry;
  };
  if (alwaysYear !== undefined) at(alwaysYear);

  const byEnrollment = new Map(
    certificates.filter((c) => c.enrollmentId).map((c) => [c.enrollmentId, c]),
  );
  for (const enrollment of enrollments) {
    if (enrollment.status !== 'completed') continue;
    const certificate = byEnrollment.get(enrollment.enrollmentId) ?? null;
    const counts = certificate?.status !== 'revoked';
    const entry = at(enrollment.year);
    entry.courses.push({ enrollment, certificate, counts });
    if (counts) entry.hours += enrollment.hours;
  }
  for (const c of certificates) {
    if (c.kind === 'program' && typeof c.year === 'number') at(c.year).programmes.push(c);
  }
  for (const record of records) {
    const entry = at(record.year);
    entry.records.push(record);
    entry.hours += record.hours;
  }

  const latest = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
  return [...years.values()]
    .sort((a, b) => b.year - a.year)
    .map((entry) => {
      entry.courses.sort((a, b) => latest(a.enrollment.completedAt, b.enrollment.completedAt));
      entry.records.sort((a, b) => latest(a.completedOn, b.completedOn));
      // Decimal hours (1.5 + 0.1) added up without binary noise.
      entry.hours = Math.round(entry.hours * 100) / 100;
      return entry;
    });
}
