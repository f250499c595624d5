import { Injectable, ForbiddenException, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { eraseCertificatesOf } from '../certificates/personal-data';
import { countEnrollments } from '../learning/personal-data';
import { OrgScopeService } from '../org-units/org-scope.service';
import { countQuizAttempts } from '../quizzes/personal-data';
import { TrainingEvidenceService } from '../training/training-evidence.service';
import { deleteAccount, lockAccountForErasure } from '../users/personal-data';

/**
 * Erases a person (Law 91/2025): the account, profile, memberships, enrolments with their
 * lesson completions, quiz attempts and sessions go in one transaction (the foreign keys
 * cascade when the account is deleted). Issued certificates stay, detached from the account
 * (user_id → NULL): they are public records that must keep verifying, and their public
 * view shows no more than the holder's name. A certificate still pending is not a record
 * yet and goes with the account; its queued job then finds nothing to issue. Scanned
 * evidence of recorded training (files in storage) is deleted once the erasure commits.
 * Privacy owns no table: each step is the owning feature's, composed in one transaction.
 */
@Injectable()
export class UserDeletionService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly evidence: TrainingEvidenceService,
  ) {}

  async delete(caller: AuthUser, id: string): Promise<void> {
    if (id === caller.id) {
      throw new ForbiddenException({
        message: 'You cannot delete your own account; ask another administrator',
        errors: [],
      });
    }
    const evidenceFiles = await this.db.transaction(async (tx) => {
      const target = await lockAccountForErasure(tx, id);
      if (!target || !(await this.scope.contains(caller, target))) {
        throw new NotFoundException('User not found');
      }
      if (target.roles.includes('sysadmin') && !caller.roles.includes('sysadmin')) {
        throw new ForbiddenException({
          message: 'Only a sysadmin can delete a sysadmin',
          errors: [],
        });
      }
      const enrollments = await countEnrollments(tx, id);
      const quizAttempts = await countQuizAttempts(tx, id);
      const files = await this.evidence.keysOf(tx, id);
      const certificates = await eraseCertificatesOf(tx, id);
      await deleteAccount(tx, id);
      await recordAudit(tx, {
        action: 'user.deleted',
        targetType: 'user',
        targetId: id,
        orgUnitId: target.orgUnitId,
        // The username stays in the log so the action remains accountable; nothing else.
        details: { username: target.username, enrollments, quizAttempts, ...certificates },
      });
      return files;
    });
    await this.evidence.deleteFiles(evidenceFiles);
  }
}
