import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, dayMonthYear, Role, UserResponse } from '@dx/contracts';
import { UserEntity } from '@dx/db';
import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AccountStatusService } from '../auth/account-status.service';
import { AuthUser } from '../auth/auth-user';
import { RefreshTokensService } from '../auth/refresh-tokens.service';
import { OrgScopeService } from '../org-units/org-scope.service';
import { TrainingLedgerService } from '../training/training-ledger.service';
import { invalidField } from '../http/invalid-input';
import { UpdateUserDto } from './dto/update-user.dto';
import { closeMembership, reopenMembership, transferMembership } from './user-membership';
import { assertNationalIdFree, maskNationalId } from './national-id';
import { toUserResponse } from './user.mapper';

function forbidden(message: string, field?: string): ForbiddenException {
  return new ForbiddenException({ message, errors: field ? [{ field, message }] : [] });
}

/**
 * `PATCH /api/users/:id`: profile, roles, transfer with an effective date, deactivation and
 * reactivation, each in one transaction with its membership change and audit entry.
 */
@Injectable()
export class UserUpdateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly refreshTokens: RefreshTokensService,
    private readonly accountStatus: AccountStatusService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async update(caller: AuthUser, id: string, dto: UpdateUserDto): Promise<UserResponse> {
    const today = calendarDate(this.config.reportsTimeZone);
    if (dto.effectiveDate && !dto.orgUnitId) {
      throw invalidField(
        'effectiveDate',
        'effectiveDate comes with orgUnitId (a transfer)',
        'effective_date_needs_unit',
      );
    }
    if (dto.effectiveDate && dto.effectiveDate > today) {
      throw invalidField('effectiveDate', 'must not be after today', 'date_in_future', {
        date: dayMonthYear(today),
      });
    }
    const isAdmin = caller.roles.includes('sysadmin');
    if (dto.roles?.includes('sysadmin') && !isAdmin)
      throw forbidden('Chỉ quản trị hệ thống mới cấp được quyền sysadmin.', 'roles');
    const user = await this.db.transaction(async (tx) => {
      const target = await tx.findOne(UserEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      const visible =
        target &&
        (await this.scope.findVisible(caller, target.orgUnitId).then(
          () => true,
          () => false,
        ));
      if (!target || !visible) throw new NotFoundException('User not found');
      if (target.roles.includes('sysadmin') && !isAdmin)
        throw forbidden('Chỉ quản trị hệ thống mới sửa được tài khoản sysadmin.');
      if (id === caller.id && (dto.active === false || dto.roles !== undefined)) {
        throw forbidden('Bạn không thể tự khóa hoặc đổi quyền của chính mình.');
      }
      if (dto.orgUnitId) await this.scope.requireInScope(caller, dto.orgUnitId);
      await assertNationalIdFree(tx, dto.nationalId, id);
      await this.apply(tx, target, dto, today);
      return target;
    });
    if (dto.active === false) this.accountStatus.forget(id);
    return toUserResponse(user, true);
  }

  private async apply(
    tx: EntityManager,
    user: UserEntity,
    dto: UpdateUserDto,
    today: string,
  ): Promise<void> {
    const audit = (
      action: Parameters<typeof recordAudit>[1]['action'],
      details: Record<string, unknown>,
    ) =>
      recordAudit(tx, {
        action,
        targetType: 'user',
        targetId: user.id,
        orgUnitId: user.orgUnitId,
        details,
      });

    if (dto.active === true && !user.active) {
      await reopenMembership(tx, {
        userId: user.id,
        orgUnitId: user.orgUnitId,
        dxRole: user.dxRole,
        today,
      });
      await this.ledger.placesChanged(tx, today, { userIds: [user.id] });
      Object.assign(user, { active: true, deactivatedAt: null });
      await audit('user.reactivated', { username: user.username });
    }

    const profile: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of ['fullName', 'email', 'jobTitle'] as const) {
      const next = dto[field];
      if (next !== undefined && next !== user[field]) {
        profile[field] = { from: user[field], to: next };
        (user as unknown as Record<string, unknown>)[field] = next;
      }
    }
    // The audit log is read by more people than the profile: the number goes in masked.
    if (dto.nationalId !== undefined && dto.nationalId !== user.nationalId) {
      profile.nationalId = {
        from: maskNationalId(user.nationalId),
        to: maskNationalId(dto.nationalId),
      };
      user.nationalId = dto.nationalId;
    }

    const orgUnitId = dto.orgUnitId ?? user.orgUnitId;
    const dxRole = dto.dxRole ?? user.dxRole;
    if (orgUnitId !== user.orgUnitId || dxRole !== user.dxRole) {
      const effectiveDate = dto.effectiveDate ?? today;
      await transferMembership(tx, { userId: user.id, orgUnitId, dxRole, effectiveDate });
      await this.ledger.placesChanged(tx, effectiveDate, { userIds: [user.id] });
      await audit('user.transferred', {
        username: user.username,
        from: { orgUnitId: user.orgUnitId, dxRole: user.dxRole },
        to: { orgUnitId, dxRole },
        effectiveDate,
      });
      Object.assign(user, { orgUnitId, dxRole });
    }

    if (dto.roles) {
      // Everyone is a learner (contract): the role cannot be taken away.
      const roles = [...new Set<Role>(['learner', ...dto.roles])];
      if (roles.slice().sort().join() !== user.roles.slice().sort().join()) {
        await audit('user.roles_changed', { username: user.username, from: user.roles, to: roles });
        user.roles = roles;
      }
    }

    if (dto.active === false && user.active) {
      const tomorrow = calendarDate(this.config.reportsTimeZone, new Date(Date.now() + 86_400_000));
      await closeMembership(tx, user.id, tomorrow);
      // They stand where they were through today; the ledger's placement (membership
      // trigger) and requirements follow from tomorrow.
      await this.ledger.placesChanged(tx, tomorrow, { userIds: [user.id] });
      await this.refreshTokens.revokeAllOfUser(tx, user.id);
      Object.assign(user, { active: false, deactivatedAt: new Date() });
      await audit('user.deactivated', { username: user.username });
    }

    if (Object.keys(profile).length)
      await audit('user.updated', { username: user.username, changes: profile });
    await tx.save(user);
  }
}
