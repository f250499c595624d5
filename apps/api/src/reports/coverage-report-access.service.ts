import { CoverageReportEntity } from '@dx/db';
import { findCoverageReport, reportRowsWithinReach } from '@dx/reports';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

/** A report the caller may read, and which of its rows. */
export interface ReadableReport {
  report: CoverageReportEntity;
  /** Null: every row. Otherwise the units whose rows the caller may read. */
  rows: Set<string> | null;
}

/**
 * Who may see a coverage report (anyone else gets a 404, so report ids reveal nothing):
 * - hr or sysadmin whose scope (today's tree) contains the report's unit, or who answer
 *   for it because a merge absorbed it into their subtree (its earlier years);
 * - for the job state, whoever asked for it;
 * - HR below an official report's unit (the national one): the rows of their subtree.
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
  ): Promise<ReadableReport> {
    const report = await findCoverageReport(this.reports.manager, where);
    if (report?.orgUnit) {
      const whole =
        (opts.requester && report.requestedBy === user.id) ||
        (await this.scope.reaches(user, report.orgUnit));
      if (whole) return { report, rows: null };
      const prefix = await this.scope.scopePath(user);
      if (report.official && report.status === 'completed' && prefix !== null) {
        const rows = await reportRowsWithinReach(this.reports.manager, report.id, prefix);
        if (rows.size) return { report, rows };
      }
    }
    throw new NotFoundException('Coverage report not found');
  }

  /** The report when its snapshot is complete; 409 while it runs or after it failed. */
  async findCompleted(user: AuthUser, id: string): Promise<ReadableReport> {
    const readable = await this.find(user, { id });
    const { report } = readable;
    if (report.status === 'running') {
      throw new ConflictException('The report is still being computed; poll its job and try again');
    }
    if (report.status === 'failed') {
      throw new ConflictException(
        `The report could not be produced (${report.error ?? 'unknown error'}); request it again`,
      );
    }
    return readable;
  }
}
