import { dayMonthYear, type DxRole } from '@dx/contracts';
import { lockOpenMembership, MembershipEntity } from '@dx/db';
import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { invalidField } from '../http/invalid-input';

// Memberships are half-open periods [valid_from, valid_to): a membership closed "at" day D
// last counted on D − 1, and its successor opens on D. Reports read them as of a date.

/**
 * Moves a person to `orgUnitId` / `dxRole` from `effectiveDate`: the open membership ends
 * the day before and a new one begins, so reports of earlier dates keep them where they
 * were. An effective date before the open membership began would rewrite history: 400.
 */
export async function transferMembership(
  tx: EntityManager,
  args: { userId: string; orgUnitId: string; dxRole: DxRole; effectiveDate: string },
): Promise<void> {
  const { userId, orgUnitId, dxRole, effectiveDate } = args;
  const open = await lockOpenMembership(tx, userId);
  if (!open)
    throw new ConflictException({
      message: 'Người này đang bị khóa: hãy kích hoạt lại trước.',
      errors: [],
    });
  if (open.orgUnitId === orgUnitId && open.dxRole === dxRole) return;
  if (effectiveDate < open.validFrom) {
    const since = dayMonthYear(open.validFrom);
    throw invalidField(
      'effectiveDate',
      `Ngày hiệu lực không được trước ngày bắt đầu ở đơn vị hiện tại (${since}).`,
      'transfer_before_membership',
      { since },
    );
  }
  if (effectiveDate === open.validFrom) {
    // Same first day: correct it in place instead of leaving a zero-length period.
    await tx.update(MembershipEntity, { id: open.id }, { orgUnitId, dxRole });
    return;
  }
  await tx.update(MembershipEntity, { id: open.id }, { validTo: effectiveDate });
  await tx.insert(MembershipEntity, {
    userId,
    orgUnitId,
    dxRole,
    validFrom: effectiveDate,
    validTo: null,
  });
}

/** Deactivation: the person counts as DX staff through today, not from tomorrow on. */
export async function closeMembership(
  tx: EntityManager,
  userId: string,
  tomorrow: string,
): Promise<void> {
  const open = await lockOpenMembership(tx, userId);
  if (open) await tx.update(MembershipEntity, { id: open.id }, { validTo: tomorrow });
}

/**
 * Reactivation: the membership closed by deactivation is reopened when it has not ended
 * yet (same day); otherwise a new one begins today.
 */
export async function reopenMembership(
  tx: EntityManager,
  args: { userId: string; orgUnitId: string; dxRole: DxRole; today: string },
): Promise<void> {
  if (await lockOpenMembership(tx, args.userId)) return;
  const [last]: { id: string; valid_to: string }[] = await tx.query(
    `SELECT id, valid_to::text FROM membership WHERE user_id = $1 ORDER BY valid_from DESC LIMIT 1 FOR UPDATE`,
    [args.userId],
  );
  if (last && last.valid_to > args.today) {
    await tx.update(MembershipEntity, { id: last.id }, { validTo: null });
    return;
  }
  await tx.insert(MembershipEntity, {
    userId: args.userId,
    orgUnitId: args.orgUnitId,
    dxRole: args.dxRole,
    validFrom: args.today,
    validTo: null,
  });
}
