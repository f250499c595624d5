import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, OrgUnitResponse, Paginated } from '@dx/contracts';
import { OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { paginated } from '../http/page-query.dto';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { RenameOrgUnitDto } from './dto/rename-org-unit.dto';
import { OrgUnitMergeService } from './org-unit-merge.service';
import { toOrgUnitResponse } from './org-unit.mapper';
import { OrgScopeService, unknownUnit } from './org-scope.service';
import { invalidField } from '../http/invalid-input';

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly merges: OrgUnitMergeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(dto: CreateOrgUnitDto): Promise<OrgUnitResponse> {
    const validFrom = dto.validFrom ?? calendarDate(this.config.reportsTimeZone);
    return this.db.transaction(async (tx) => {
      let parent: OrgUnitEntity | null = null;
      if (dto.parentId) {
        // Key-share lock: a concurrent merge cannot re-parent it (and change its path) under us.
        parent = await tx.findOne(OrgUnitEntity, {
          where: { id: dto.parentId },
          lock: { mode: 'pessimistic_read' },
        });
        if (!parent) throw unknownUnit('parentId');
        if (parent.validTo) {
          throw invalidField('parentId', 'the parent unit is closed', 'org_unit_closed');
        }
      }
      if (await tx.existsBy(OrgUnitEntity, { code: dto.code })) {
        throw new ConflictException({
          message: `Code ${dto.code} is already used`,
          errors: [{ field: 'code', message: 'already used', code: 'already_used' }],
        });
      }
      const id = randomUUID();
      const unit = tx.create(OrgUnitEntity, {
        id,
        code: dto.code,
        name: dto.name,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: (parent?.depth ?? -1) + 1,
        validFrom,
        validTo: null,
        successorId: null,
      });
      await tx.insert(OrgUnitEntity, unit);
      await tx.insert(OrgUnitEdgeEntity, { unitId: id, parentId: unit.parentId, validFrom, validTo: null });
      await recordAudit(tx, {
        action: 'org_unit.created',
        targetType: 'org_unit',
        targetId: id,
        orgUnitId: id,
        details: { code: unit.code, parentId: unit.parentId },
      });
      return toOrgUnitResponse(unit);
    });
  }

  async list(user: AuthUser, q: ListOrgUnitsQuery): Promise<Paginated<OrgUnitResponse>> {
    const qb = this.db.getRepository(OrgUnitEntity).createQueryBuilder('u');
    if (q.parentId) {
      await this.scope.findVisible(user, q.parentId);
      qb.where('u.parentId = :parentId', { parentId: q.parentId });
    } else if (user.roles.includes('sysadmin')) {
      qb.where('u.parentId IS NULL');
    } else {
      qb.where('u.id = :own', { own: user.orgUnitId });
    }
    if (!q.includeClosed) qb.andWhere('u.validTo IS NULL');
    const [items, total] = await qb
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.code', 'ASC')
      .skip(q.offset)
      .take(q.pageSize)
      .getManyAndCount();
    const pending = await this.merges.pendingFor(items.map((u) => u.id));
    return paginated(
      items.map((u) => toOrgUnitResponse(u, pending.get(u.id))),
      total,
      q,
    );
  }

  async get(user: AuthUser, id: string): Promise<OrgUnitResponse> {
    const unit = await this.scope.findVisible(user, id);
    return toOrgUnitResponse(unit, (await this.merges.pendingFor([id])).get(id));
  }

  /**
   * Today's name. Locked: a merge of the same unit waits, so a renamed unit is never closed
   * under us. A closed unit's name is history and stays. Earlier certificates, stored
   * reports and exports keep the name they were made with (their own copies).
   */
  async rename(user: AuthUser, id: string, dto: RenameOrgUnitDto): Promise<OrgUnitResponse> {
    const unit = await this.db.transaction(async (tx) => {
      const row = await tx.findOne(OrgUnitEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || !(await this.scope.contains(user, row))) {
        throw new NotFoundException('Org unit not found');
      }
      if (row.validTo) {
        throw invalidField('name', 'the org unit is closed (merged)', 'org_unit_closed');
      }
      if (row.name === dto.name) return row;
      await tx.update(OrgUnitEntity, { id }, { name: dto.name });
      await recordAudit(tx, {
        action: 'org_unit.renamed',
        targetType: 'org_unit',
        targetId: id,
        orgUnitId: id,
        details: { from: row.name, to: dto.name },
      });
      return { ...row, name: dto.name };
    });
    return toOrgUnitResponse(unit, (await this.merges.pendingFor([id])).get(id));
  }
}
