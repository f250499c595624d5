import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, OrgUnitResponse, PendingOrgUnitMerge } from '@dx/contracts';
import {
  applyOrgUnitMerge,
  lockUnitsForMerge,
  mergeRefusals,
  OrgUnitEntity,
  OrgUnitMergeEntity,
  OrgUnitMergePlan,
  recordAppliedMerge,
} from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { ChangeFeed } from '../cache/change-feed.service';
import { InvalidInputException } from '../http/invalid-input';
import { MergeOrgUnitDto } from './dto/merge-org-unit.dto';
import { toOrgUnitResponse } from './org-unit.mapper';
import { TrainingLedgerService } from '../training/training-ledger.service';

export type MergeRequest = OrgUnitMergePlan;

/**
 * Merges a unit into another from a date. A date up to today is applied at once (the SQL
 * is `applyOrgUnitMerge` in @dx/db, shared with the worker); a later date is recorded as a
 * pending merge that the worker's daily run applies on that date, and that can be
 * cancelled until then. The tree does not change before the date, so reports computed
 * meanwhile (this year's "end of year" is the day of computation) see it as it is.
 */
@Injectable()
export class OrgUnitMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangeFeed,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async merge(user: AuthUser, unitId: string, dto: MergeOrgUnitDto): Promise<OrgUnitResponse> {
    const plan = { unitId, targetId: dto.targetId, effectiveDate: dto.effectiveDate };
    const scheduled = plan.effectiveDate > this.today();
    const unit = await this.db.transaction(async (tx) => {
      const u = scheduled
        ? await this.schedule(tx, plan, user.id)
        : await this.mergeWithin(tx, plan);
      if (!scheduled) await recordAppliedMerge(tx, plan, user.id);
      await recordAudit(tx, {
        action: scheduled ? 'org_unit.merge_scheduled' : 'org_unit.merged',
        targetType: 'org_unit',
        targetId: unitId,
        orgUnitId: unitId,
        details: { targetId: plan.targetId, effectiveDate: plan.effectiveDate },
      });
      return u;
    });
    if (!scheduled) this.changes.announce('catalog'); // paths moved: catalogs by unit are recomputed
    const pending = await this.pendingFor([unitId]);
    return toOrgUnitResponse(unit, pending.get(unitId));
  }

  /** Cancels the unit's pending merge before its date (404 when none waits). */
  async cancel(unitId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Waits for a worker applying it right now; then finds it no longer pending.
      const rows: { id: string; target_id: string; effective_date: string }[] = await tx.query(
        `SELECT id, target_id, to_char(effective_date, 'YYYY-MM-DD') AS effective_date
           FROM org_unit_merge WHERE unit_id = $1::uuid AND status = 'pending' FOR UPDATE`,
        [unitId],
      );
      const m = rows[0];
      if (!m) throw new NotFoundException('No merge of this unit is scheduled');
      if (m.effective_date <= this.today()) {
        throw new ConflictException({
          message: `The merge took effect on ${m.effective_date}; it can no longer be cancelled`,
          params: { date: m.effective_date },
        });
      }
      await tx.update(
        OrgUnitMergeEntity,
        { id: m.id },
        { status: 'cancelled', settledAt: new Date() },
      );
      await recordAudit(tx, {
        action: 'org_unit.merge_cancelled',
        targetType: 'org_unit',
        targetId: unitId,
        orgUnitId: unitId,
        details: { targetId: m.target_id, effectiveDate: m.effective_date },
      });
    });
  }

  /** Pending merges of these units, by unit id (for their responses). */
  async pendingFor(unitIds: string[]): Promise<Map<string, PendingOrgUnitMerge>> {
    if (!unitIds.length) return new Map();
    const rows: (PendingOrgUnitMerge & { unitId: string })[] = await this.db.query(
      `SELECT m.unit_id AS "unitId", m.target_id AS "targetId", t.code AS "targetCode",
              t.name AS "targetName", to_char(m.effective_date, 'YYYY-MM-DD') AS "effectiveDate"
         FROM org_unit_merge m JOIN org_unit t ON t.id = m.target_id
        WHERE m.unit_id = ANY($1::uuid[]) AND m.status = 'pending'`,
      [unitIds],
    );
    return new Map(rows.map(({ unitId, ...p }) => [unitId, p]));
  }

  /** The whole immediate merge inside the caller's transaction (the demo seed uses it too). */
  async mergeWithin(tx: EntityManager, plan: MergeRequest): Promise<OrgUnitEntity> {
    const { unit, target } = await this.checked(tx, plan);
    if (plan.effectiveDate > this.today()) {
      throw new InvalidInputException([
        { field: 'effectiveDate', message: 'a merge after today is scheduled, not applied' },
      ]);
    }
    const closed = await applyOrgUnitMerge(tx, unit, target, plan.effectiveDate);
    // Its people now fall under the target's requirements.
    await this.ledger.placesChanged(tx, plan.effectiveDate, { unitId: target.id });
    return closed;
  }

  private async schedule(
    tx: EntityManager,
    plan: MergeRequest,
    by: string,
  ): Promise<OrgUnitEntity> {
    const { unit } = await this.checked(tx, plan);
    await tx.insert(OrgUnitMergeEntity, { ...plan, status: 'pending', requestedById: by });
    return unit;
  }

  private async checked(
    tx: EntityManager,
    plan: MergeRequest,
  ): Promise<{ unit: OrgUnitEntity; target: OrgUnitEntity }> {
    const { unit, target } = await lockUnitsForMerge(tx, plan);
    if (!unit) throw new NotFoundException('Org unit not found');
    if (unit.validTo) {
      throw new ConflictException({
        message: `Org unit ${unit.code} is already closed (from ${unit.validTo})`,
        errors: [{ field: 'id', message: `closed from ${unit.validTo}`, code: 'org_unit_closed' }],
      });
    }
    const errors = await mergeRefusals(tx, plan, unit, target);
    if (errors.length || !target) throw new InvalidInputException(errors);
    return { unit, target };
  }

  private today(): string {
    return calendarDate(this.config.reportsTimeZone);
  }
}
