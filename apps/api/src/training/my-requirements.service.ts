import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, MyRequirement, MyRequirementStatus, RequirementCourse } from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import {
  HOURS_TOWARD_REQUIREMENT,
  REQUIREMENT_APPLIES,
  TrainingLedgerService,
} from './training-ledger.service';

/** The requirements of a year that apply to the caller, with what they earned toward each. */
@Injectable()
export class MyRequirementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async mine(user: AuthUser, year?: number): Promise<MyRequirement[]> {
    const today = calendarDate(this.config.reportsTimeZone);
    const y = year ?? Number(today.slice(0, 4));
    const rows = await this.db.query(
      `SELECT r.id, r.year, r.hours::float8 AS hours, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
              ru.name AS "orgUnitName", r.curriculum_id AS "curriculumId", cu.title AS "curriculumTitle",
              (${HOURS_TOWARD_REQUIREMENT})::float8 AS "hoursEarned"
         FROM requirement r ${REQUIREMENT_APPLIES}
         LEFT JOIN training_year ty ON ty.user_id = u.id AND ty.year = r.year
         LEFT JOIN curriculum cu ON cu.id = r.curriculum_id
        WHERE r.year = $1 AND u.id = $3
        ORDER BY r.due_date, r.id`,
      [y, this.ledger.asOf(y), user.id],
    );
    const courses = await this.coursesOf(
      user.id,
      y,
      rows.map((r: { curriculumId: string | null }) => r.curriculumId).filter(Boolean),
    );
    return rows.map((r: Omit<MyRequirement, 'status' | 'courses'>): MyRequirement => ({
      ...r,
      status: statusOf(r.hoursEarned, r.hours, r.dueDate, today),
      courses: r.curriculumId ? (courses.get(r.curriculumId) ?? []) : [],
    }));
  }

  /** Each curriculum's courses, completed meaning: in year `year`, certificate not revoked. */
  private async coursesOf(userId: string, year: number, curriculumIds: string[]) {
    const byCurriculum = new Map<string, RequirementCourse[]>();
    if (!curriculumIds.length) return byCurriculum;
    const rows = await this.db.query(
      `SELECT cc.curriculum_id AS "curriculumId", co.id AS "courseId", cv.title, cv.hours::float8 AS hours,
              EXISTS (SELECT 1 FROM certificate c WHERE c.user_id = $1 AND c.course_id = co.id
                         AND c.kind = 'course' AND c.year = $2 AND c.status <> 'revoked') AS completed
         FROM curriculum_course cc
         JOIN course co ON co.id = cc.course_id
         JOIN course_version cv ON cv.id = coalesce(co.published_version_id, co.draft_version_id)
        WHERE cc.curriculum_id = ANY ($3::uuid[])
        ORDER BY cc.curriculum_id, cc.position`,
      [userId, year, curriculumIds],
    );
    for (const { curriculumId, ...course } of rows) {
      const list = byCurriculum.get(curriculumId) ?? [];
      list.push(course);
      byCurriculum.set(curriculumId, list);
    }
    return byCurriculum;
  }
}

/** Met once the hours are there; past the due date without them, overdue. */
export function statusOf(
  earned: number,
  required: number,
  dueDate: string,
  today: string,
): MyRequirementStatus {
  if (earned >= required) return 'met';
  return today > dueDate ? 'overdue' : 'in_progress';
}
