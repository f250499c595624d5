import { Injectable, ForbiddenException, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { TrainingEvidenceService } from '../training/training-evidence.service';

interface Target {
  id: string;
  username: string;
  orgUnitId: string;
  roles: string[];
  path: string;
}

/**
 * Erases a person (Law 91/2025): the account, profile, memberships, enrolments with their
 * lesson completions, quiz attempts and sessions go in one transaction (the foreign keys
 * cascade from app_user). Issued certificates stay, detached from the account
 * (user_id → NULL): they are public records that must keep verifying, and their public
 * view shows no more than the holder's name. A certificate still pending is not a record
 * yet and goes with the account; its queued job then finds nothing to issue. Scanned
 * evidence of recorded training (files in storage) is deleted once the erasure commits.
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
      // Locked: a course completing at this moment waits, then fails on the foreign key.
      const [target]: Target[] = await tx.query(
        `SELECT u.id, u.username, u.org_unit_id AS "orgUnitId", u.roles, o.path
           FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
          WHERE u.id = $1 FOR UPDATE OF u`,
        [id],
      );
      if (!target || !(await this.scope.contains(caller, target))) {
        throw new NotFoundException('User not found');
      }
      if (target.roles.includes('sysadmin') && !caller.roles.includes('sysadmin')) {
        throw new ForbiddenException({
          message: 'Only a sysadmin can delete a sysadmin',
          errors: [],
        });
      }
      const [counts] = await tx.query(
        `SELECT (SELECT count(*)::int FROM enrollment WHERE user_id = $1) AS enrollments,
                (SELECT count(*)::int FROM quiz_attempt WHERE user_id = $1) AS "quizAttempts",
                (SELECT count(*)::int FROM certificate WHERE user_id = $1 AND status <> 'pending')
                  AS "certificatesKept"`,
        [id],
      );
      const files = await this.evidence.keysOf(tx, id);
      const [, pendingRemoved] = await tx.query(
        `DELETE FROM certificate WHERE user_id = $1 AND status = 'pending'`,
        [id],
      );
      await tx.query(`DELETE FROM app_user WHERE id = $1`, [id]);
      await recordAudit(tx, {
        action: 'user.deleted',
        targetType: 'user',
        targetId: id,
        orgUnitId: target.orgUnitId,
        // The username stays in the log so the action remains accountable; nothing else.
        details: {
          username: target.username,
          ...counts,
          pendingCertificatesRemoved: pendingRemoved,
        },
      });
      return files;
    });
    await this.evidence.deleteFiles(evidenceFiles);
  }
}
