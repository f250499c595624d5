import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, Paginated, PeopleReportRow } from '@dx/contracts';
import {
  countPeople,
  listPeople,
  PeopleReportQuery,
  renderPeopleCsv,
  renderPeopleXlsx,
} from '@dx/reports';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { PeopleReportQueryDto } from './dto/people-report.query';

export interface PeopleReportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/**
 * Who is (not yet) trained: DX staff of a unit's subtree at the end of a year (today for
 * the current year) with their ledger figures. HR of the unit's scope and sysadmins.
 */
@Injectable()
export class PeopleReportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scope: OrgScopeService,
  ) {}

  async page(user: AuthUser, dto: PeopleReportQueryDto): Promise<Paginated<PeopleReportRow>> {
    const q = await this.query(user, dto);
    const [items, total] = await Promise.all([
      listPeople(this.db.manager, { ...q, page: { limit: dto.pageSize, offset: dto.offset } }),
      countPeople(this.db.manager, q),
    ]);
    return paginated(items, total, dto);
  }

  async file(user: AuthUser, dto: PeopleReportQueryDto): Promise<PeopleReportFile> {
    const q = await this.query(user, dto);
    const rows = await listPeople(this.db.manager, q);
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
    return { body: renderPeopleCsv(rows), contentType: 'text/csv; charset=utf-8', fileName };
  }

  private async query(user: AuthUser, dto: PeopleReportQueryDto): Promise<PeopleReportQuery> {
    // Scope is today's tree: a unit outside it is not found.
    await this.scope.findVisible(user, dto.orgUnitId);
    const today = calendarDate(this.config.reportsTimeZone);
    const year = dto.year ?? Number(today.slice(0, 4));
    const end = `${year}-12-31`;
    return {
      orgUnitId: dto.orgUnitId,
      year,
      asOf: end < today ? end : today,
      status: dto.status,
      dxRole: dto.dxRole,
      timeZone: this.config.reportsTimeZone,
    };
  }
}
