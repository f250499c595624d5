import type { Requirement } from '@dx/contracts';
import { RequirementEntity } from '@dx/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { coverRequirementRows, REQUIREMENT_SELECT } from '@dx/reports';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { invalidField } from '../http/invalid-input';
import { OrgScopeService } from '../org-units/org-scope.service';
import { UpdateRequirementDto } from './dto/update-requirement.dto';
import { isDayOfYear } from './requirements.service';
import { TrainingLedgerService } from './training-ledger.service';

/**
 * Corrections and removal of a requirement by HR of its unit's subtree (sysadmins
 * anywhere). The people it covered before and after the change are re-evaluated in the
 * same transaction, so someone it no longer covers stops counting as short of it.
 */
@Injectable()
export class RequirementChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async update(user: AuthUser, id: string, dto: UpdateRequirementDto): Promise<Requirement> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockEditable(tx, user, id);
      const cleared = (['dxRoles', 'jobTitles', 'hours', 'dueDate'] as const).find(
        (k) => dto[k] === null,
      );
      if (cleared) throw invalidField(cleared, `${cleared} cannot be null`, 'is_not_empty');
      if (dto.dueDate !== undefined && !isDayOfYear(dto.dueDate, current.year)) {
        throw invalidField(
          'dueDate',
          `must be a date within ${current.year}`,
          'date_outside_year',
          {
            year: current.year,
          },
        );
      }
      const before = await this.covered(tx, current);
      const changes: Partial<RequirementEntity> = {};
      if (dto.dxRoles !== undefined) changes.dxRoles = dto.dxRoles;
      if (dto.jobTitles !== undefined) changes.jobTitles = [...new Set(dto.jobTitles)];
      if (dto.hours !== undefined) changes.hours = dto.hours;
      if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate;
      if (Object.keys(changes).length === 0) return;
      await tx.update(RequirementEntity, { id }, changes);
      const after = await this.covered(tx, current);
      await this.ledger.evaluate(tx, current.year, [...new Set([...before, ...after])]);
      await recordAudit(tx, {
        action: 'requirement.updated',
        targetType: 'requirement',
        targetId: id,
        orgUnitId: current.orgUnitId,
        details: { year: current.year, changes: { ...changes } },
      });
    });
    const [row] = await this.db.query(`${REQUIREMENT_SELECT} WHERE r.id = $1`, [id]);
    return { ...row, createdAt: (row.createdAt as Date).toISOString() };
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const current = await this.lockEditable(tx, user, id);
      const before = await this.covered(tx, current);
      await tx.delete(RequirementEntity, { id });
      await this.ledger.evaluate(tx, current.year, before);
      await recordAudit(tx, {
        action: 'requirement.deleted',
        targetType: 'requirement',
        targetId: id,
        orgUnitId: current.orgUnitId,
        details: { year: current.year, hours: current.hours, dueDate: current.dueDate },
      });
    });
  }

  /** People the requirement applies to now (each given a ledger row of its year). */
  private covered(tx: EntityManager, r: RequirementEntity): Promise<string[]> {
    return coverRequirementRows(tx, r.id, r.year, this.ledger.asOf(r.year));
  }

  /** The requirement, locked, when its unit lies in the caller's subtree; 404 otherwise. */
  private async lockEditable(
    tx: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<RequirementEntity> {
    const found = await tx.findOne(RequirementEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!found) throw new NotFoundException('Requirement not found');
    await this.scope.findVisible(user, found.orgUnitId).catch(() => {
      throw new NotFoundException('Requirement not found');
    });
    return found;
  }
}
