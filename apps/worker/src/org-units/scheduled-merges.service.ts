import { APP_CONFIG, AppConfig } from '@dx/config';
import { ApplyScheduledMergesResult, calendarDate } from '@dx/contracts';
import { applyOrgUnitMerge, lockUnitsForMerge, mergeRefusals, OrgUnitMergeEntity } from '@dx/db';
import { replacePeopleInLedger } from '@dx/reports';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Applies the merges decided ahead of their date once the date has come (the daily job),
 * each in its own transaction with the same SQL as an immediate merge. The effective date
 * stays the decided one even when the run is late, so history is split on the right day.
 * Idempotent: only `pending` rows are taken, under a row lock, and each is settled in the
 * transaction that applies it; a merge the tree no longer allows is marked `failed`.
 */
@Injectable()
export class ScheduledMergesService {
  private readonly logger = new Logger(ScheduledMergesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  today(): string {
    return calendarDate(this.config.reportsTimeZone);
  }

  async applyDue(today: string): Promise<ApplyScheduledMergesResult> {
    // Earliest first: a unit merged into one that closes later follows it in order.
    const due: { id: string }[] = await this.db.query(
      `SELECT id FROM org_unit_merge WHERE status = 'pending' AND effective_date <= $1::date
        ORDER BY effective_date, created_at`,
      [today],
    );
    const result: ApplyScheduledMergesResult = { applied: 0, failed: 0 };
    for (const { id } of due) {
      const outcome = await this.applyOne(id, today);
      if (outcome) result[outcome] += 1;
    }
    return result;
  }

  private applyOne(id: string, today: string): Promise<'applied' | 'failed' | null> {
    return this.db.transaction(async (tx) => {
      const merge = await tx.getRepository(OrgUnitMergeEntity).findOne({ where: { id } });
      if (!merge || merge.status !== 'pending' || merge.effectiveDate > today) return null;
      const plan = {
        unitId: merge.unitId,
        targetId: merge.targetId,
        effectiveDate: merge.effectiveDate,
      };
      const { unit, target } = await lockUnitsForMerge(tx, plan);
      // Locked after the tree: a cancel waits for us, or we find it cancelled.
      const fresh = await tx
        .getRepository(OrgUnitMergeEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!fresh || fresh.status !== 'pending' || !unit) return null;
      const refusals = unit.validTo
        ? [{ message: `the unit is already closed from ${unit.validTo}` }]
        : await mergeRefusals(tx, plan, unit, target, id);
      if (refusals.length || !target) {
        const failure = refusals.map((r) => r.message).join('; ');
        this.logger.warn(`Scheduled merge ${id} of ${unit.code} not applied: ${failure}`);
        await tx.update(
          OrgUnitMergeEntity,
          { id },
          { status: 'failed', failure, settledAt: new Date() },
        );
        return 'failed';
      }
      await applyOrgUnitMerge(tx, unit, target, merge.effectiveDate);
      // Its people now fall under the target's requirements (the training ledger).
      await replacePeopleInLedger(tx, { fromDate: merge.effectiveDate, today, unitId: target.id });
      await tx.update(OrgUnitMergeEntity, { id }, { status: 'applied', settledAt: new Date() });
      return 'applied';
    });
  }
}
