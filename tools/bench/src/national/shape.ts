/**
 * The national-scale synthetic data set: its size, dates and the SQL expressions every
 * generator step shares. Everything is a pure function of row numbers, so each table is
 * one `INSERT … SELECT … FROM generate_series` and tables can be loaded in any order (ids
 * of users, units, enrolments… are computed, never looked up).
 *
 * Bump DATASET_VERSION whenever anything here or in the generator changes what is built:
 * `npm run bench` rebuilds the database when the stored version differs.
 */
export const DATASET_VERSION = 5;
/**
 * `BENCH_NATIONAL_DB` names another database, so a trial with a small `BENCH_NATIONAL_USERS`
 * never drops the full set someone else on the machine is using.
 */
export const DATABASE_NAME = process.env.BENCH_NATIONAL_DB ?? 'dx_bench_national';

export const PROVINCES = 63;
export const DEPARTMENTS = 750;
export const COMMUNES = 11_200;
export const UNITS = 1 + PROVINCES + DEPARTMENTS + COMMUNES;
/**
 * 3,000,000; `BENCH_NATIONAL_USERS` makes a smaller set for trying the generator quickly
 * (the database records its size, and the figures then fail their thresholds).
 */
export const USERS = Number(process.env.BENCH_NATIONAL_USERS ?? 3_000_000);
/** Each user has this many course "slots" over the period; about half become certificates. */
export const SLOTS = 7;
/**
 * Per mille of open slots completed: 3,000,000 × 7 × 0.8 (slots of a province's own
 * course only open to its people) × 0.62 ≈ 10.4 million certificates.
 */
export const COMPLETION_PER_MILLE = 620;
export const COURSES = 10;
/** Courses 1..TWO_VERSION_COURSES were revised: v1 until VERSION_2_FROM, then v2. */
export const TWO_VERSION_COURSES = 2;
export const VERSION_2_FROM = '2024-01-01';
export const LESSONS_PER_VERSION = 6;
export const QUESTIONS_PER_QUIZ = 10;

/** Completions are spread evenly over this period (UTC instants). */
export const FIRST_COMPLETION = '2022-01-03T01:00:00Z';
export const LAST_COMPLETION = '2026-11-20T01:00:00Z';
/** The reform: merged units close on this day and their children and people move. */
export const MERGE_DATE = '2025-07-01';
export const UNITS_FROM = '2000-01-01';
export const REPORT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The year the bench reports on (the merge year: both structures appear in the data). */
export const REPORT_YEAR = 2025;

/**
 * Id namespaces: `id(ns, n)` is a UUID whose first 32 bits are a multiplicative hash of n
 * (so ids are spread over the b-tree like random v4 ids) and whose last 48 bits are n
 * (so ids are unique within a namespace and computable from the row number).
 */
export const NS = {
  unit: 1,
  user: 2,
  course: 3,
  version: 4,
  module: 5,
  lesson: 6,
  quiz: 7,
  question: 8,
  option: 9,
  enrollment: 10,
  certificate: 11,
  attempt: 12,
  event: 13,
  audit: 14,
  report: 15,
} as const;

/** SQL text of the id (as text) of row `n` (a SQL bigint expression) in namespace `ns`. */
export function idText(ns: number, n: string): string {
  const tag = ns.toString(16).padStart(4, '0');
  return `(lpad(to_hex(((${n})::bigint * 2654435761) % 4294967296), 8, '0') || '-${tag}-4000-8000-' || lpad(to_hex((${n})::bigint), 12, '0'))`;
}

export function id(ns: number, n: string): string {
  return `${idText(ns, n)}::uuid`;
}

/** The same ids computed in Node, to pick parameters for the benchmarks. */
export function idOf(ns: number, n: number): string {
  const hash = Number((BigInt(n) * 2654435761n) % 4294967296n);
  return `${hash.toString(16).padStart(8, '0')}-${ns.toString(16).padStart(4, '0')}-4000-8000-${n
    .toString(16)
    .padStart(12, '0')}`;
}

/** Units: level 0 root, 1 province/ministry, 2 department/district, 3 commune. */
export const unitKey = (level: number | string, no: number | string) =>
  `(${level}) * 100000 + (${no})`;
export const unitId = (level: number | string, no: number | string) =>
  id(NS.unit, unitKey(level, no));
export const unitIdOf = (level: number, no: number) => idOf(NS.unit, level * 100_000 + no);

/** Parents in the original (2000) tree. */
export const provinceOfDepartment = (d: string) => `(((${d}) - 1) % ${PROVINCES} + 1)`;
export const departmentOfCommune = (c: string) => `(((${c}) - 1) % ${DEPARTMENTS} + 1)`;

/** Provinces 2, 4, … 12 merge into the province before them on MERGE_DATE. */
export const provinceMerged = (p: string) => `((${p}) % 2 = 0 AND (${p}) <= 12)`;
/**
 * Every 19th department merges into the department 63 further on (same province) when
 * its province is not itself merged. The successor is never merged (63 % 19 ≠ 0).
 */
export const departmentMerged = (d: string) =>
  `((${d}) % 19 = 0 AND (${d}) + ${PROVINCES} <= ${DEPARTMENTS} AND NOT ${provinceMerged(provinceOfDepartment(d))})`;

/**
 * Where user i works (level, number): 86% in communes, 11% in departments, the rest in
 * provinces and a few at the national level. The unit comes from the middle bits of a
 * multiplicative hash of i (the level from i % 100): unit and DX role must not depend on
 * the same digits of i, or whole communes would share one role or stay empty.
 */
const unitHash = (i: string) => `((((${i})::bigint * 2654435761) % 4294967296) / 256)`;
export const userLevel = (i: string) =>
  `(CASE WHEN (${i}) % 100 < 86 THEN 3 WHEN (${i}) % 100 < 97 THEN 2 WHEN (${i}) % 100 < 99 OR (${i}) % 1000 <> 999 THEN 1 ELSE 0 END)`;
export const userUnitNo = (i: string) =>
  `(CASE WHEN (${i}) % 100 < 86 THEN ${unitHash(i)} % ${COMMUNES} + 1
         WHEN (${i}) % 100 < 97 THEN ${unitHash(i)} % ${DEPARTMENTS} + 1
         WHEN (${i}) % 100 < 99 OR (${i}) % 1000 <> 999 THEN ${unitHash(i)} % ${PROVINCES} + 1
         ELSE 0 END)`;
/** The province (or ministry) of user i in the original tree; 0 for the national level. */
export const userProvinceNo = (i: string) =>
  `(CASE WHEN (${i}) % 100 < 86 THEN ${unitHash(i)} % ${COMMUNES} % ${DEPARTMENTS} % ${PROVINCES} + 1
         WHEN (${i}) % 100 < 97 THEN ${unitHash(i)} % ${DEPARTMENTS} % ${PROVINCES} + 1
         WHEN (${i}) % 100 < 99 OR (${i}) % 1000 <> 999 THEN ${unitHash(i)} % ${PROVINCES} + 1
         ELSE 0 END)`;
/** ~28% full-time and ~24% part-time DX staff (high bits of another hash of i). */
const roleHash = (i: string) =>
  `((((${i})::bigint * 1103515245 + 12345) % 2147483648) / 65536 % 100)`;
export const userDxRole = (i: string) =>
  `(CASE WHEN ${roleHash(i)} < 28 THEN 'full_time' WHEN ${roleHash(i)} < 52 THEN 'part_time' ELSE 'none' END)`;
/** Most joined between 2015 and 2024; 1% joined in 2026 (not staff at the end of 2025). */
export const userJoined = (i: string) =>
  `(CASE WHEN (${i}) % 100 = 42 THEN date '2026-02-02' ELSE date '2015-01-01' + ((${i}) % 3650)::int END)`;
/** 2% changed DX role on 2024-03-01 (were 'none' before): a second membership row. */
export const userChangedRole = (i: string) => `((${i}) % 50 = 7 AND (${i}) % 100 <> 42)`;

/** Fixed accounts the benchmarks act as (user numbers; see userLevel for where they sit). */
export const ACCOUNTS = {
  sysadmin: 1,
  /** i % 100 = 97 → a province (31, not merged); roles hr. */
  provinceHr: 97,
  /** i % 100 = 98 → a province (16, owner of a course: it issues certificates); roles trainer. */
  provinceTrainer: 5098,
  /** i % 100 = 90 → a department (443); roles hr. */
  departmentHr: 90,
} as const;
export const userRoles = (i: string) =>
  `(CASE WHEN (${i}) = ${ACCOUNTS.sysadmin} THEN '{learner,sysadmin}'::varchar[]
         WHEN (${i}) IN (${ACCOUNTS.provinceHr}, ${ACCOUNTS.departmentHr}) OR (${i}) % 1000 IN (97, 90) THEN '{learner,hr}'::varchar[]
         WHEN (${i}) = ${ACCOUNTS.provinceTrainer} OR (${i}) % 1000 = 98 THEN '{learner,trainer}'::varchar[]
         ELSE '{learner}'::varchar[] END)`;
