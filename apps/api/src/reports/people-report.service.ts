import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, Paginated, PeopleReportRow } from '@dx/contracts';
import {
  ensureLedgerPlacement,
  listPeople,
  pagePeople,
  PeopleReportQuery,
  renderPeopleCsv,
  renderPeopleXlsx,
} from '@dx/reports';
import { ReadReplica, ReplicaRead } from '@dx/db';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { invalidField } from '../http/invalid-input';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { PeopleReportQueryDto } from './dto/people-report.query';

export interface PeopleReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** A list or file, and which database server it was read from (and why). */
export type PeopleReportRead<T> = ReplicaRead<T>;

/**
 * Who is (not yet) trained: DX staff of a unit's subtree at the end of a year (today for
 * the current year) with their ledger figures. HR of the unit's scope and sysadmins.
 * Read from the replica when one is configured and holds everything committed up to
 * DATABASE_REPLICA_MAX_LAG_SECONDS ago; a lagging one is waited for (DATABASE_REPLICA_WAIT_MS)
 * and then the primary answers; a replica that is down is skipped. The answer says which.
 */
@Injectable()
export class PeopleReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: OrgScopeService,
    private readonly replica: ReadReplica,
  ) {}

  async page(
    user: AuthUser,
    dto: PeopleReportQueryDto,
  ): Promise<PeopleReportRead<Paginated<PeopleReportRow>>> {
    const { q, freshAsOf } = await this.query(user, dto);
    return this.replica.readReporting(
      async (m) => {
        const { items, total } = await pagePeople(m, {
          ...q,
          page: { limit: dto.pageSize, offset: dto.offset },
        });
        return paginated(items, total, dto);
      },
      { waitMs: this.replica.reportWaitMs, freshAsOf },
    );
  }

  async file(
    user: AuthUser,
    dto: PeopleReportQueryDto,
  ): Promise<PeopleReportRead<PeopleReportFile>> {
    const { q, freshAsOf } = await this.query(user, dto);
    const read = await this.replica.readReporting((m) => listPeople(m, q), {
      waitMs: this.replica.reportWaitMs,
      freshAsOf,
    });
    return { ...read, result: await this.render(user, dto, q, read.result) };
  }

  private async render(
    user: AuthUser,
    dto: PeopleReportQueryDto,
    q: PeopleReportQuery,
    rows: PeopleReportRow[],
  ): Promise<PeopleReportFile> {
    const unit = await this.scope.findVisible(user, dto.orgUnitId);
    const what = dto.status === 'untrained' ? 'chua-boi-duong' : 'danh-sach';
    const fileName = `${what}-${unit.code}-${q.year}.${dto.format}`;
    if (dto.format === 'xlsx') {
      const title = `Danh sách ${dto.status === 'untrained' ? 'chưa được bồi dưỡng' : 'cán bộ CĐS'} năm ${q.year} — ${unit.name}`;
      return {
        body: await renderPeopleXlsx(rows, title),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName,
      };
    }
    return {
      body: renderPeopleCsv(rows, dto.separator),
      contentType: 'text/csv; charset=utf-8',
      fileName,
    };
  }

  private async query(
    user: AuthUser,
    dto: PeopleReportQueryDto,
  ): Promise<{ q: PeopleReportQuery; freshAsOf?: Date }> {
    // Scope is today's tree: a unit outside it is not found.
    await this.scope.findVisible(user, dto.orgUnitId);
    if (dto.separator !== undefined && dto.format !== 'csv')
      throw invalidField('separator', 'may only be given with format=csv', 'csv_only');
    const today = calendarDate(this.config.reportsTimeZone);
    const currentYear = Number(today.slice(0, 4));
    const year = dto.year ?? currentYear;
    // Like coverage requests: a year that has not begun has nobody placed in it (and placing
    // one would write a ledger row per person of the country).
    if (year > currentYear)
      throw invalidField('year', `Năm không được sau năm nay (${currentYear}).`, 'max', {
        max: currentYear,
      });
    const end = `${year}-12-31`;
    const asOf = end < today ? end : today;
    // The list reads each person's placement from the ledger: placed on the primary (a
    // no-op once the year is placed on this day), then read wherever reports are read; a
    // replica serves it only once it has replayed a placement just written.
    const placed = await ensureLedgerPlacement(this.db.manager, year, asOf);
    const q: PeopleReportQuery = {
      orgUnitId: dto.orgUnitId,
      year,
      asOf,
      status: dto.status,
      dxRole: dto.dxRole,
      timeZone: this.config.reportsTimeZone,
    };
    return { q, freshAsOf: placed ? new Date() : undefined };
  }
}
