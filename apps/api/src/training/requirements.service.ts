import type { FieldError, Paginated, Requirement } from '@dx/contracts';
import { RequirementEntity } from '@dx/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { countRequirements, REQUIREMENT_SELECT, visibleCurriculumHours } from '@dx/reports';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { InvalidInputException } from '../http/invalid-input';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CreateRequirementDto } from './dto/create-requirement.dto';
import { RequirementsQueryDto } from './dto/year-query.dto';
import { TrainingLedgerService } from './training-ledger.service';

const invalid = (errors: FieldError[]) => new InvalidInputException(errors);

/** Yearly training requirements set by HR (in scope) and sysadmins. */
@Injectable()
export class RequirementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async create(user: AuthUser, dto: CreateRequirementDto): Promise<Requirement> {
    const errors: FieldError[] = [];
    if (!isDayOfYear(dto.dueDate, dto.year))
      errors.push({ field: 'dueDate', message: `must be a date within ${dto.year}` });
    if (dto.hours === undefined && !dto.curriculumId)
      errors.push({ field: 'hours', message: 'hours is required without a curriculum' });
    if (errors.length) throw invalid(errors);
    const unit = await this.scope.requireInScope(user, dto.orgUnitId);
    // The curriculum's hours per year are the default; it must be visible either way.
    const curriculumHours = dto.curriculumId
      ? await this.curriculumHours(user, unit.path, dto.curriculumId)
      : 0;
    const hours = dto.hours ?? curriculumHours;
    if (!(hours > 0))
      throw invalid([
        { field: 'hours', message: 'the curriculum sets no hours per year: give hours' },
      ]);

    const id = await this.db.transaction(async (tx) => {
      const saved = await tx.save(
        tx.create(RequirementEntity, {
          year: dto.year,
          orgUnitId: unit.id,
          dxRoles: dto.dxRoles,
          jobTitles: [...new Set(dto.jobTitles ?? [])],
          hours,
          dueDate: dto.dueDate,
          curriculumId: dto.curriculumId ?? null,
          createdById: user.id,
        }),
      );
      // The people it covers get a ledger row and their requirement_met re-evaluated.
      await this.ledger.coverRequirement(tx, saved.id, dto.year);
      await recordAudit(tx, {
        action: 'requirement.created',
        targetType: 'requirement',
        targetId: saved.id,
        orgUnitId: unit.id,
        details: { year: dto.year, hours, dueDate: dto.dueDate, dxRoles: dto.dxRoles },
      });
      return saved.id;
    });
    return this.one(this.db.manager, id);
  }

  /**
   * Requirements the caller may read: on units of their subtree, and those on ancestors
   * that apply to their people. `orgUnitId` narrows to that unit's subtree.
   */
  async list(user: AuthUser, q: RequirementsQueryDto): Promise<Paginated<Requirement>> {
    const prefix = await this.scope.scopePath(user);
    const params: unknown[] = [prefix, q.year ?? null];
    let where = `($1::text IS NULL OR o.path LIKE $1::text || '%' OR $1::text LIKE o.path || '%')
                 AND ($2::int IS NULL OR r.year = $2::int)`;
    if (q.orgUnitId) {
      const unit = await this.scope.findVisible(user, q.orgUnitId);
      params.push(unit.path);
      where += ` AND o.path LIKE $${params.length}::text || '%'`;
    }
    const total = await countRequirements(this.db.manager, where, params);
    const items = await this.db.query(
      `${REQUIREMENT_SELECT} WHERE ${where}
        ORDER BY r.year DESC, r.due_date, r.id LIMIT ${q.pageSize} OFFSET ${q.offset}`,
      params,
    );
    return paginated(items.map(toRequirement), total, q);
  }

  /**
   * Hours per year of a curriculum the requirement's people can follow (owned by the unit
   * or an ancestor) or the caller can edit (owned in their subtree); 404 otherwise.
   */
  private async curriculumHours(user: AuthUser, unitPath: string, curriculumId: string) {
    const prefix = await this.scope.scopePath(user);
    const row = await visibleCurriculumHours(this.db.manager, curriculumId, unitPath, prefix);
    if (!row) throw new NotFoundException('Curriculum not found');
    return row.hours as number;
  }

  private async one(m: EntityManager, id: string): Promise<Requirement> {
    const [row] = await m.query(`${REQUIREMENT_SELECT} WHERE r.id = $1`, [id]);
    return toRequirement(row);
  }
}

function toRequirement(r: Record<string, unknown>): Requirement {
  return { ...(r as unknown as Requirement), createdAt: (r.createdAt as Date).toISOString() };
}

/** A real calendar day (not 2026-02-30) of `year`. */
export function isDayOfYear(date: string, year: number): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return (
    !Number.isNaN(d.getTime()) &&
    d.toISOString().slice(0, 10) === date &&
    d.getUTCFullYear() === year
  );
}
