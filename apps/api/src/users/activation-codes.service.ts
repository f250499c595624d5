import { APP_CONFIG, AppConfig } from '@dx/config';
import type { ActivationCodeResponse, Role } from '@dx/contracts';
import { hashActivationCode, issueActivationCodes, MailService } from '@dx/db';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

interface Target {
  id: string;
  username: string;
  fullName: string;
  email: string | null;
  orgUnitId: string;
  roles: Role[];
}

/**
 * Activation codes that HR (in scope) or a sysadmin hands to a person: the way imported
 * people set their first password, and the fallback for a forgotten one without email.
 */
@Injectable()
export class ActivationCodesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(caller: AuthUser, userId: string): Promise<ActivationCodeResponse> {
    const expiresAt = new Date(
      Date.now() + this.config.accounts.activationCodeTtlDays * 86_400_000,
    );
    const code = await this.db.transaction(async (tx) => {
      // Locked: two HR officers issuing at once must leave one open code, not two.
      const [target]: Target[] = await tx.query(
        `SELECT u.id, u.username, u.full_name AS "fullName", u.email, u.org_unit_id AS "orgUnitId", u.roles
           FROM app_user u WHERE u.id = $1 FOR UPDATE`,
        [userId],
      );
      if (!target || !(await this.visible(caller, target.orgUnitId))) {
        throw new NotFoundException('User not found');
      }
      // A code sets the password: issuing one for a sysadmin would hand over the account.
      if (target.roles.includes('sysadmin') && !caller.roles.includes('sysadmin')) {
        throw new ForbiddenException({
          message: 'Only a sysadmin can issue an activation code for a sysadmin',
          errors: [],
        });
      }
      const [issued] = await issueActivationCodes(tx, {
        userIds: [target.id],
        issuedBy: caller.id,
        expiresAt,
        serverSecret: this.config.jwt.secret,
      });
      if (target.email) {
        await this.mail.enqueue(tx, {
          to: target.email,
          userId: target.id,
          template: 'activation-code',
          params: {
            fullName: target.fullName,
            username: target.username,
            code: issued,
            expiresAt: expiresAt.toISOString(),
            activateUrl: `${this.config.publicBaseUrl}/activate`,
          },
          idempotencyKey: `activation-code:${hashActivationCode(this.config.jwt.secret, issued)}`,
        });
      }
      await recordAudit(tx, {
        action: 'user.activation_code_issued',
        targetType: 'user',
        targetId: target.id,
        orgUnitId: target.orgUnitId,
        details: { username: target.username, mailed: Boolean(target.email) },
      });
      return issued;
    });
    return { code, expiresAt: expiresAt.toISOString() };
  }

  private visible(caller: AuthUser, orgUnitId: string): Promise<boolean> {
    return this.scope.findVisible(caller, orgUnitId).then(
      () => true,
      () => false,
    );
  }
}
