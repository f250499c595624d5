import { CoverageReportEntity } from '@dx/db';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

/**
 * Who may see a coverage report: hr or sysadmin whose scope (today's tree) contains the
 * report's unit — and, for the job state, whoever asked for it. Anyone else gets a 404,
 * so report ids reveal nothing.
 */
@Injectable()
export class CoverageReportAccess {
  constructor(
    @InjectRepository(CoverageReportEntity)
    private readonly reports: Repository<CoverageReportEntity>,
    private readonly scope: OrgScopeService,
  ) {}

  async find(
    user: AuthUser,
    where: { id: string; jobId?: string },
    opts: { requester?: boolean } = {},
  ) {
    const report = await this.reports.findOne({ where, relations: { orgUnit: true } });
    const visible =
      report?.orgUnit &&
      ((opts.requester && report.requestedBy === user.id) ||
        (await this.scope.contains(user, report.orgUnit)));
    if (!report || !visible) throw new NotFoundException('Coverage report not found');
    return report;
  }

  /** The report when its snapshot is complete; 409 while it runs or after it failed. */
  async findCompleted(user: AuthUser, id: string): Promise<CoverageReportEntity> {
    const report = await this.find(user, { id });
    if (report.status === 'running') {
      throw new ConflictException('The report is still being computed; poll its job and try again');
    }
    if (report.status === 'failed') {
      throw new ConflictException(
        `The report could not be produced (${report.error ?? 'unknown error'}); request it again`,
      );
    }
    return report;
  }
}
