import type { Pool } from 'pg';
import { OFFICIAL_2024_REPORT_ID_KEY } from './generate-reports';
import { ACCOUNTS, idOf, NS, unitIdOf } from './shape';

/** Who the hot queries act as, and on what: real rows of the national data set. */
export interface HotContext {
  learner: {
    id: string;
    username: string;
    /** Ids of the learner's unit and its ancestors (the catalog's visibility rule). */
    lineage: string[];
    /** The course in progress, its enrolment and version, a lesson not read yet, the final quiz. */
    courseId: string;
    enrollmentId: string;
    versionId: string;
    lessonId: string;
    quizId: string;
    /** The open attempt of that quiz (the data set leaves it overdue). */
    attemptId: string;
    certificateId: string;
  };
  provinceHr: { id: string; path: string };
  provinceTrainer: { id: string; path: string };
  sysadminId: string;
  serial: string;
  reportId: string;
  reportUnitId: string;
  /** A commune and its neighbour, for the merge statements (run and rolled back). */
  mergeFromUnitId: string;
  mergeIntoUnitId: string;
}

export async function hotContext(pool: Pool): Promise<HotContext> {
  const one = async <T>(sql: string, params: unknown[]): Promise<T> => {
    const { rows } = await pool.query(sql, params);
    if (!rows[0])
      throw new Error(`hot-query context: nothing for ${sql} ${JSON.stringify(params)}`);
    return rows[0] as T;
  };
  const pathOf = async (userNo: number) =>
    (
      await one<{ path: string }>(
        `SELECT o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
        [idOf(NS.user, userNo)],
      )
    ).path;

  // A commune learner with certificates from earlier periods, a course in progress and an
  // open final-quiz attempt (setup only: this lookup is not one of the measured queries).
  const learner = await one<{ id: string; username: string; path: string }>(
    `SELECT u.id, u.username, o.path
       FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id JOIN org_unit o ON o.id = u.org_unit_id
      WHERE a.status = 'open' AND o.depth = 3
        AND (SELECT count(*) FROM certificate c WHERE c.user_id = a.user_id) >= 3
      LIMIT 1`,
    [],
  );
  const learnerId = learner.id;
  const learnerPath = learner.path;
  const enrolment = await one<{ id: string; course_id: string; course_version_id: string }>(
    `SELECT id, course_id, course_version_id FROM enrollment WHERE user_id = $1 AND status = 'in_progress'`,
    [learnerId],
  );
  const lesson = await one<{ id: string }>(
    `SELECT l.id FROM lesson l WHERE l.course_version_id = $1
        AND NOT EXISTS (SELECT 1 FROM lesson_completion lc WHERE lc.enrollment_id = $2 AND lc.lesson_id = l.id)
      ORDER BY l.module_id, l.position LIMIT 1`,
    [enrolment.course_version_id, enrolment.id],
  );
  const quiz = await one<{ id: string }>(
    `SELECT id FROM quiz WHERE course_version_id = $1 AND kind = 'final'`,
    [enrolment.course_version_id],
  );
  const attempt = await one<{ id: string }>(
    `SELECT id FROM quiz_attempt WHERE user_id = $1 AND quiz_id = $2 AND status = 'open'`,
    [learnerId, quiz.id],
  );
  const certificate = await one<{ id: string }>(
    `SELECT id FROM certificate WHERE user_id = $1 AND kind = 'course' ORDER BY course_version_id LIMIT 1`,
    [learnerId],
  );
  const serial = await one<{ serial: string }>(
    `SELECT serial FROM certificate WHERE serial = 'CDS-2025-000123'`,
    [],
  );
  return {
    learner: {
      id: learnerId,
      username: learner.username,
      lineage: learnerPath.split('/').filter(Boolean),
      courseId: enrolment.course_id,
      enrollmentId: enrolment.id,
      versionId: enrolment.course_version_id,
      lessonId: lesson.id,
      quizId: quiz.id,
      attemptId: attempt.id,
      certificateId: certificate.id,
    },
    provinceHr: { id: idOf(NS.user, ACCOUNTS.provinceHr), path: await pathOf(ACCOUNTS.provinceHr) },
    provinceTrainer: {
      id: idOf(NS.user, ACCOUNTS.provinceTrainer),
      path: await pathOf(ACCOUNTS.provinceTrainer),
    },
    sysadminId: idOf(NS.user, ACCOUNTS.sysadmin),
    serial: serial.serial,
    reportId: idOf(NS.report, OFFICIAL_2024_REPORT_ID_KEY),
    reportUnitId: unitIdOf(0, 0),
    mergeFromUnitId: unitIdOf(3, 5_000),
    mergeIntoUnitId: unitIdOf(3, 5_750),
  };
}
