import type { FieldError, Paginated, Requirement } from '@dx/contracts';
import { RequirementEntity } from '@dx/db';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { CreateRequirementDto } from './dto/create-requirement.dto';
import { RequirementsQueryDto } from './dto/year-query.dto';
import { TrainingLedgerService } from './training-ledger.service';

const SELECT_REQUIREMENT = `
  SELECT r.id, r.year, r.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", r.dx_roles AS "dxRoles",
         r.job_titles AS "jobTitles", r.hours::float8 AS hours, to_char(r.due_date, 'YYYY-MM-DD') AS "dueDate",
         r.curriculum_id AS "curriculumId", c.title AS "curriculumTitle", r.created_at AS "createdAt"
    FROM requirement r
    JOIN org_unit o ON o.id = r.org_unit_id
    LEFT JOIN curriculum c ON c.id = r.curriculum_id`;

const invalid = (errors: FieldError[]) =>
  new BadRequestException({
    message: `Invalid input: ${errors.map((e) => e.field).join(', ')}`,
    errors,
  });

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
    const [{ total }] = await this.db.query(
      `SELECT count(*)::int AS total FROM requirement r JOIN org_unit o ON o.id = r.org_unit_id
        WHERE ${where}`,
      params,
    );
    const items = await this.db.query(
      `${SELECT_REQUIREMENT} WHERE ${where}
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
    const [row] = await this.db.query(
      `SELECT c.hours_per_year::float8 AS hours FROM curriculum c JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.id = $1 AND c.status <> 'archived'
          AND ($2::text LIKE o.path || '%' OR $3::text IS NULL OR o.path LIKE $3::text || '%')`,
      [curriculumId, unitPath, prefix],
    );
    if (!row) throw new NotFoundException('Curriculum not found');
    return row.hours as number;
  }

  private async one(m: EntityManager, id: string): Promise<Requirement> {
    const [row] = await m.query(`${SELECT_REQUIREMENT} WHERE r.id = $1`, [id]);
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
