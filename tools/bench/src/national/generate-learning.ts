import { COURSE_HOURS, COURSE_OWNERS, versionAt, versionKey } from './generate-courses';
import {
  ACCOUNTS,
  COMPLETION_PER_MILLE,
  COURSES,
  FIRST_COMPLETION,
  id,
  idOf,
  idText,
  LAST_COMPLETION,
  LESSONS_PER_VERSION,
  NS,
  SLOTS,
  unitId,
  unitIdOf,
  userLevel,
  userProvinceNo,
  userUnitNo,
  USERS,
} from './shape';

/**
 * Learning history. Slot n (0 ≤ n < SLOTS × USERS) is user i = n % USERS + 1 taking course
 * c = (i + 3j) % COURSES + 1 in period j = n / USERS; completion instants grow with n, so
 * rows are inserted in the order the app would have written them (the certificate table
 * is physically ordered by completion, as in production). Courses of one user differ in
 * every slot, which keeps the unique (user, course) and (user, course version) indexes.
 * A slot whose course belongs to another province stays empty (the catalog would not
 * have shown it).
 */
const STEP_SECONDS =
  (Date.parse(LAST_COMPLETION) - Date.parse(FIRST_COMPLETION)) / 1000 / (SLOTS * USERS);
const TOTAL = SLOTS * USERS;
const LAST = (SLOTS - 1) * USERS;

function slots(from: number, to: number): string {
  const owned = COURSE_OWNERS.map(([level, no], k) =>
    level === 0 ? null : `WHEN ${k + 1} THEN ${userProvinceNo('k.i')} = ${no}`,
  ).filter(Boolean);
  return `FROM generate_series(${from}::bigint, ${to}::bigint) n
    CROSS JOIN LATERAL (SELECT (n / ${USERS})::int AS j, (n % ${USERS} + 1)::int AS i) k
    CROSS JOIN LATERAL (SELECT (k.i + 3 * k.j) % ${COURSES} + 1 AS c) cc
    CROSS JOIN LATERAL (
      SELECT cc.c AS c,
             timestamptz '${FIRST_COMPLETION}' + (n + 0.5) * ${STEP_SECONDS.toFixed(6)} * interval '1 second' AS t,
             CASE cc.c ${owned.join(' ')} ELSE true END AS open) o
    CROSS JOIN LATERAL (
      SELECT o.c, o.t, o.open,
             o.open AND ((k.i::bigint * 2654435761 + k.j::bigint * 1013904223) % 4294967296) / 4294967 < ${COMPLETION_PER_MILLE} AS done) s
    CROSS JOIN LATERAL (SELECT ${versionAt('s.c', 's.t')} AS v) x`;
}
const ALL_SLOTS = slots(0, TOTAL - 1);
const LAST_SLOTS = slots(LAST, TOTAL - 1);

/** Slot ranges of each calendar year (Vietnam time): the big tables load year by year. */
const YEARS = [2022, 2023, 2024, 2025, 2026];
const firstSlotOf = (year: number) =>
  Math.max(
    0,
    Math.ceil(
      (Date.parse(`${year}-01-01T00:00:00+07:00`) - Date.parse(FIRST_COMPLETION)) /
        1000 /
        STEP_SECONDS -
        0.5,
    ),
  );
const yearRanges = YEARS.map((y, k): [number, number, number] => [
  y,
  firstSlotOf(y),
  k + 1 < YEARS.length ? firstSlotOf(YEARS[k + 1]) - 1 : TOTAL - 1,
]);

const userId = id(NS.user, 'k.i');
/** Ids of the few courses, versions, lessons… as array constants: cheaper than computing them per row. */
const lookup = (ids: string[], index: string) => `('{${ids.join(',')}}'::uuid[])[${index}]`;
const courses = Array.from({ length: COURSES }, (_, k) => k + 1);
const byVersion = (f: (c: number, v: number) => string) =>
  courses.flatMap((c) => [f(c, 1), f(c, 2)]);
const versionIndex = '(s.c - 1) * 2 + x.v';
const courseId = lookup(
  courses.map((c) => idOf(NS.course, c)),
  's.c',
);
const versionId = lookup(
  byVersion((c, v) => idOf(NS.version, c * 10 + v)),
  versionIndex,
);
const quizId = lookup(
  byVersion((c, v) => idOf(NS.quiz, c * 10 + v)),
  versionIndex,
);
const lessonId = (l: number) =>
  lookup(
    byVersion((c, v) => idOf(NS.lesson, (c * 10 + v) * 10 + l)),
    versionIndex,
  );
const issuerId = lookup(
  COURSE_OWNERS.map(([level, no]) => unitIdOf(level, no)),
  's.c',
);
const enrollmentKey = 'k.i::bigint * 16 + s.c';
const enrollmentId = id(NS.enrollment, enrollmentKey);
const certificateId = id(NS.certificate, 'n');
/** Completions of the last 12 hours are still being issued. */
const PENDING = `s.t > timestamptz '${LAST_COMPLETION}' - interval '12 hours'`;
const REVOKED = `(n * 7) % 100 = 3 AND NOT (${PENDING})`;
/** In-progress enrolments: a quarter of the learners who did not finish their last-slot course. */
const IN_PROGRESS = 's.open AND NOT s.done AND k.i % 4 = 1';
const lessonsDone = '((k.i / 4) % 5 + 1)';

export interface LoadStep {
  label: string;
  sql: string[];
}

/**
 * ≥ 10 million course certificates, one statement per year: ~98% issued, 1% revoked, the
 * last hours pending. Serial numbers restart every year, as the worker allocates them.
 */
export const CERTIFICATE_STEPS: LoadStep[] = yearRanges.map(([year, from, to]) => ({
  label: `certificates ${year}`,
  sql: [
    `CREATE TEMP SEQUENCE IF NOT EXISTS bench_serial_${year}`,
    `INSERT INTO certificate (id, kind, user_id, course_id, course_version_id, enrollment_id, status, serial,
       register_number, completed_at, year, hours, issuer_org_unit_id, snapshot, issued_at, signature, pdf_key,
       revoked_at, revoked_reason, created_at)
     SELECT ${certificateId}, 'course', ${userId}, ${courseId}, ${versionId}, ${enrollmentId},
            CASE WHEN ${PENDING} THEN 'pending' WHEN ${REVOKED} THEN 'revoked' ELSE 'issued' END,
            CASE WHEN NOT (${PENDING}) THEN 'CDS-${year}-' ||
              -- Correlated (the n), so evaluated per row; padded like the worker's padStart(6).
              (SELECT CASE WHEN no < 1000000 THEN lpad(no::text, 6, '0') ELSE no::text END
                 FROM (SELECT nextval('bench_serial_${year}') + 0 * n AS no) q) END,
            CASE WHEN NOT (${PENDING}) THEN (n % 900000 + 1)::int END,
            s.t, ${year}, (ARRAY[${COURSE_HOURS.join(',')}])[s.c],
            ${issuerId}, '{}'::jsonb,
            CASE WHEN NOT (${PENDING}) THEN s.t + interval '2 minutes' END,
            CASE WHEN NOT (${PENDING}) THEN repeat('S', 86) END,
            CASE WHEN NOT (${PENDING}) THEN 'certificates/' || n || '.pdf' END,
            CASE WHEN ${REVOKED} THEN s.t + interval '30 days' END,
            CASE WHEN ${REVOKED} THEN 'error' END,
            s.t
     ${slots(from, to)} WHERE s.done`,
  ],
}));

/** The completed enrolment behind every certificate, year by year. */
export const COMPLETED_ENROLLMENT_STEPS: LoadStep[] = yearRanges.map(([year, from, to]) => ({
  label: `completed enrolments ${year}`,
  sql: [
    `INSERT INTO enrollment (id, user_id, course_id, course_version_id, status, progress, last_lesson_id,
                             enrolled_at, completed_at, updated_at, year)
     SELECT ${enrollmentId}, ${userId}, ${courseId}, ${versionId}, 'completed', 100,
            ${lessonId(LESSONS_PER_VERSION)}, s.t - interval '12 days', s.t, s.t, ${year}
     ${slots(from, to)} WHERE s.done`,
  ],
}));

export const IN_PROGRESS_ENROLLMENTS_SQL = `
  INSERT INTO enrollment (id, user_id, course_id, course_version_id, status, progress, last_lesson_id,
                          enrolled_at, completed_at, updated_at, year)
  SELECT ${enrollmentId}, ${userId}, ${courseId}, ${versionId}, 'in_progress',
         ${lessonsDone} * 100 / ${LESSONS_PER_VERSION + 1},
         ${id(NS.lesson, `${versionKey('s.c', 'x.v')} * 10 + ${lessonsDone}`)},
         s.t - interval '20 days', NULL, s.t, extract(year FROM s.t)
  ${LAST_SLOTS} WHERE ${IN_PROGRESS}`;

/** Lessons read: those of in-progress enrolments, and all of them for 1 in 8 recent completions. */
export const LESSON_COMPLETIONS_SQL = `
  INSERT INTO lesson_completion (enrollment_id, lesson_id, completed_at)
  SELECT ${enrollmentId}, ${id(NS.lesson, `${versionKey('s.c', 'x.v')} * 10 + l`)}, s.t - interval '20 days' + l * interval '1 day'
  ${LAST_SLOTS}
  CROSS JOIN LATERAL generate_series(1, CASE WHEN s.done THEN ${LESSONS_PER_VERSION} ELSE ${lessonsDone} END) l
  WHERE (s.done AND k.i % 8 = 0) OR ${IN_PROGRESS}`;

/**
 * Final-quiz attempts of the last period: one passed attempt per completion (a failed one
 * first for a quarter of the learners), and an open, overdue attempt for some learners
 * still in progress.
 */
export const QUIZ_ATTEMPTS_SQL = `
  INSERT INTO quiz_attempt (id, user_id, quiz_id, enrollment_id, number, status, started_at, expires_at,
                            submitted_at, drawn, answers, score, passed, correct_count, total)
  SELECT ${id(NS.attempt, 'n * 4 + a.no')}, ${userId}, ${quizId}, ${enrollmentId},
         a.no, a.status, a.started, a.started + interval '30 minutes',
         CASE WHEN a.status = 'submitted' THEN a.started + interval '20 minutes' END,
         '[]'::jsonb, CASE WHEN a.status = 'submitted' THEN '[]'::jsonb END,
         a.score, a.passed, a.score / 10, CASE WHEN a.status = 'submitted' THEN 10 END
  ${LAST_SLOTS}
  CROSS JOIN LATERAL (
    SELECT 1 AS no, 'submitted' AS status, s.t - interval '1 day' AS started, 40 AS score, false AS passed
     WHERE s.done AND k.i % 4 = 0
    UNION ALL
    SELECT CASE WHEN k.i % 4 = 0 THEN 2 ELSE 1 END, 'submitted', s.t - interval '21 minutes', 80, true
     WHERE s.done
    UNION ALL
    SELECT 1, 'open', s.t, NULL, NULL WHERE ${IN_PROGRESS} AND (k.i / 4) % 5 = 4) a`;

/** History: "issued" for the last period's certificates, "revoked" for every revoked one. */
export const CERTIFICATE_EVENTS_SQL = `
  INSERT INTO certificate_event (id, certificate_id, type, actor_id, note, data, created_at)
  SELECT ${id(NS.event, 'n * 2')}, ${certificateId}, 'issued', NULL::uuid, NULL::text, NULL::jsonb, s.t + interval '2 minutes'
  ${LAST_SLOTS} WHERE s.done AND NOT (${PENDING})
  UNION ALL
  SELECT ${id(NS.event, 'n * 2 + 1')}, ${certificateId}, 'revoked', ${id(NS.user, String(ACCOUNTS.sysadmin))},
         'Cấp nhầm người', NULL, s.t + interval '30 days'
  ${ALL_SLOTS} WHERE s.done AND ${REVOKED}`;

/** The outbox rows of the last period's certificates: sent, except for the pending ones. */
export const OUTBOX_SQL = `
  INSERT INTO outbox (queue, job_name, job_id, payload, created_at, sent_at, attempts)
  SELECT 'certificates', 'issue', 'certificate-' || ${idText(NS.certificate, 'n')},
         jsonb_build_object('certificateId', ${idText(NS.certificate, 'n')}), s.t,
         CASE WHEN NOT (${PENDING}) THEN s.t + interval '1 second' END,
         CASE WHEN ${PENDING} THEN 0 ELSE 1 END
  ${LAST_SLOTS} WHERE s.done`;

/** Audit entries: accounts created by the sysadmin (1 in 5) and every revocation. */
export const AUDIT_SQL = `
  INSERT INTO audit_log (id, at, actor_id, actor_username, action, target_type, target_id, org_unit_id, ip,
                         user_agent, details)
  SELECT ${id(NS.audit, 'i')}, (date '2015-01-01' + (i % 3650)::int) + interval '9 hours',
         ${id(NS.user, String(ACCOUNTS.sysadmin))}, 'cb0000001', 'user.created', 'user', ${id(NS.user, 'i')},
         ${unitId(userLevel('i'), userUnitNo('i'))}, '10.0.0.1', 'Mozilla/5.0', '{"roles":["learner"]}'::jsonb
    FROM generate_series(5, ${USERS}, 5) i
  UNION ALL
  SELECT ${id(NS.audit, '100000000 + n')}, s.t + interval '30 days', ${id(NS.user, String(ACCOUNTS.sysadmin))},
         'cb0000001', 'certificate.revoked', 'certificate', ${certificateId},
         ${issuerId}, '10.0.0.1', 'Mozilla/5.0', '{"reason":"error"}'::jsonb
  ${ALL_SLOTS} WHERE s.done AND ${REVOKED}`;
