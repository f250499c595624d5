import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, MyRequirement, MyRequirementStatus, RequirementCourse } from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { curriculumCoursesOf, myRequirementRows } from '@dx/reports';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { TrainingLedgerService } from './training-ledger.service';

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
    const rows = await myRequirementRows(this.db.manager, user.id, y, this.ledger.asOf(y));
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
    const rows = await curriculumCoursesOf(this.db.manager, userId, year, curriculumIds);
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
