import { APP_CONFIG, AppConfig } from '@dx/config';
import type { PersonalDataExport } from '@dx/contracts';
import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { exportAuditEntries } from '../audit/personal-data';
import { exportSessions } from '../auth/personal-data';
import { exportCertificates } from '../certificates/personal-data';
import { exportEnrollments } from '../learning/personal-data';
import { exportQuizAttempts } from '../quizzes/personal-data';
import { exportMemberships, exportProfile } from '../users/personal-data';

/**
 * The caller's own data, read in one repeatable-read transaction so the parts agree. Each
 * part comes from the feature that owns it (privacy owns no table), one query or two keyed
 * by the caller's id: nothing of anyone else can come along.
 */
@Injectable()
export class DataExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async export(userId: string): Promise<PersonalDataExport> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const exportedAt = new Date().toISOString();
      const profile = await exportProfile(tx, userId);
      if (!profile) throw new NotFoundException('User not found');
      return {
        exportedAt,
        profile,
        memberships: await exportMemberships(tx, userId),
        enrollments: await exportEnrollments(tx, userId),
        quizAttempts: await exportQuizAttempts(tx, userId),
        certificates: await exportCertificates(tx, userId, this.config.publicBaseUrl),
        sessions: await exportSessions(tx, userId),
        auditEntries: await exportAuditEntries(tx, userId),
      };
    });
  }
}
