import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, FieldError, OrgUnitResponse } from '@dx/contracts';
import { OrgUnitEntity } from '@dx/db';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { ChangeFeed } from '../cache/change-feed.service';
import { MergeOrgUnitDto } from './dto/merge-org-unit.dto';
import { toOrgUnitResponse } from './org-unit.mapper';
import { InvalidInputException } from '../http/invalid-input';

/**
 * Serialises structural changes of the tree across processes: two merges touching
 * overlapping subtrees would otherwise compute paths from each other's stale rows.
 */
const ORG_TREE_LOCK_KEY = 7_311_692;

export interface MergeRequest {
  unitId: string;
  targetId: string;
  /** First day on which the unit no longer exists (YYYY-MM-DD). */
  effectiveDate: string;
}

/**
 * Merges a unit into another from a date: the unit is closed and names its successor;
 * its child units and people belong to the successor from that date, while the edge and
 * membership history keeps earlier dates as they were. Nothing is deleted except edges
 * of the merged unit that would start after it ceased to exist.
 */
@Injectable()
export class OrgUnitMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly changes: ChangeFeed,
  ) {}

  async merge(unitId: string, dto: MergeOrgUnitDto): Promise<OrgUnitResponse> {
    const closed = await this.db.transaction(async (tx) => {
      const { targetId, effectiveDate } = dto;
      const unit = await this.mergeWithin(tx, { unitId, targetId, effectiveDate });
      await recordAudit(tx, {
        action: 'org_unit.merged',
        targetType: 'org_unit',
        targetId: unitId,
        orgUnitId: unitId,
        details: { targetId, effectiveDate },
      });
      return unit;
    });
    this.changes.announce('catalog'); // paths moved: catalogs by unit are recomputed
    return toOrgUnitResponse(closed);
  }

  /** The whole merge inside the caller's transaction (the demo seed uses it too). */
  async mergeWithin(tx: EntityManager, req: MergeRequest): Promise<OrgUnitEntity> {
    const { unitId, targetId, effectiveDate: e } = req;
    await tx.query('SELECT pg_advisory_xact_lock($1)', [ORG_TREE_LOCK_KEY]);
    // FOR UPDATE (not NO KEY UPDATE) also waits for, and then blocks, inserts whose
    // foreign keys point at these units (new members, new children).
    const locked = await tx
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('u')
      .where('u.id IN (:...ids)', { ids: [unitId, targetId] })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
    const unit = locked.find((u) => u.id === unitId);
    if (!unit) throw new NotFoundException('Org unit not found');
    if (unit.validTo) {
      throw new ConflictException({
        message: `Org unit ${unit.code} is already closed (from ${unit.validTo})`,
        errors: [{ field: 'id', message: `closed from ${unit.validTo}` }],
      });
    }
    const target = locked.find((u) => u.id === targetId) ?? null;
    const errors = this.refusals(unit, target, req, calendarDate(this.config.reportsTimeZone));
    if (errors.length || !target) {
      throw new InvalidInputException(errors);
    }

    await tx.query('SELECT id FROM org_unit WHERE path LIKE $1 ORDER BY path FOR UPDATE', [
      `${unit.path}%`,
    ]);
    await tx.query(
      `UPDATE org_unit SET valid_to = $2::date, successor_id = $3::uuid, updated_at = now() WHERE id = $1::uuid`,
      [unitId, e, targetId],
    );
    await this.closeOwnEdges(tx, unitId, e);
    await this.moveChildEdges(tx, unitId, targetId, e);
    await this.moveMemberships(tx, unitId, targetId, e);
    await this.moveTodayTree(tx, unit, target);
    return tx.findOneByOrFail(OrgUnitEntity, { id: unitId });
  }

  private refusals(
    u: OrgUnitEntity,
    t: OrgUnitEntity | null,
    req: MergeRequest,
    today: string,
  ): FieldError[] {
    const e = req.effectiveDate;
    const errors: FieldError[] = [];
    if (req.targetId === u.id) {
      errors.push({ field: 'targetId', message: 'a unit cannot be merged into itself' });
    } else if (!t) {
      errors.push({ field: 'targetId', message: 'targetId does not name an existing org unit' });
    } else if (t.path.startsWith(u.path)) {
      errors.push({ field: 'targetId', message: 'the target lies inside the merged unit' });
    } else if (t.validTo !== null && t.validTo <= e) {
      errors.push({ field: 'targetId', message: `the target unit is closed from ${t.validTo}` });
    } else if (t.validTo !== null) {
      // Its people would have to follow the target's own later merge: not supported.
      errors.push({
        field: 'targetId',
        message: `the target unit closes on ${t.validTo}; merge into its successor`,
      });
    } else if (t.validFrom > e) {
      errors.push({
        field: 'targetId',
        message: `the target unit only exists from ${t.validFrom}`,
      });
    }
    if (e <= u.validFrom) {
      errors.push({
        field: 'effectiveDate',
        message: `must be after the unit's start (${u.validFrom})`,
      });
    }
    if (e > today) {
      errors.push({
        field: 'effectiveDate',
        message: `must not be after today (${today}): scheduled merges are not supported yet`,
      });
    }
    return errors;
  }

  /** The merged unit hangs nowhere from E on. */
  private async closeOwnEdges(tx: EntityManager, unitId: string, e: string): Promise<void> {
    await tx.query(
      `DELETE FROM org_unit_edge WHERE unit_id = $1::uuid AND valid_from >= $2::date`,
      [unitId, e],
    );
    await tx.query(
      `UPDATE org_unit_edge SET valid_to = $2::date
        WHERE unit_id = $1::uuid AND (valid_to IS NULL OR valid_to > $2::date)`,
      [unitId, e],
    );
  }

  /**
   * Child links that span E are split at E (the part from E hangs under the target);
   * links that start on or after E are re-pointed.
   */
  private async moveChildEdges(
    tx: EntityManager,
    unitId: string,
    targetId: string,
    e: string,
  ): Promise<void> {
    await tx.query(
      `WITH split AS (
         UPDATE org_unit_edge edge SET valid_to = $3::date
           FROM (SELECT id, valid_to FROM org_unit_edge
                  WHERE parent_id = $1::uuid AND valid_from < $3::date
                    AND (valid_to IS NULL OR valid_to > $3::date)) old
          WHERE edge.id = old.id
          RETURNING edge.unit_id, old.valid_to AS old_valid_to)
       INSERT INTO org_unit_edge (unit_id, parent_id, valid_from, valid_to)
       SELECT unit_id, $2::uuid, $3::date, old_valid_to FROM split`,
      [unitId, targetId, e],
    );
    await tx.query(
      `UPDATE org_unit_edge SET parent_id = $2::uuid WHERE parent_id = $1::uuid AND valid_from >= $3::date`,
      [unitId, targetId, e],
    );
  }

  /**
   * Same split for people: the period before E stays in the unit, the rest (same DX role)
   * goes to the target. The open row is closed and its successor opened in one statement,
   * so the "one open membership per person" index holds throughout.
   */
  private async moveMemberships(
    tx: EntityManager,
    unitId: string,
    targetId: string,
    e: string,
  ): Promise<void> {
    await tx.query(
      `WITH split AS (
         UPDATE membership m SET valid_to = $3::date
           FROM (SELECT id, valid_to FROM membership
                  WHERE org_unit_id = $1::uuid AND valid_from < $3::date
                    AND (valid_to IS NULL OR valid_to > $3::date)) old
          WHERE m.id = old.id
          RETURNING m.user_id, m.dx_role, old.valid_to AS old_valid_to)
       INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to)
       SELECT user_id, $2::uuid, dx_role, $3::date, old_valid_to FROM split`,
      [unitId, targetId, e],
    );
    await tx.query(
      `UPDATE membership SET org_unit_id = $2::uuid WHERE org_unit_id = $1::uuid AND valid_from >= $3::date`,
      [unitId, targetId, e],
    );
    await tx.query(
      `UPDATE app_user SET org_unit_id = $2::uuid, updated_at = now() WHERE org_unit_id = $1::uuid`,
      [unitId, targetId],
    );
  }

  /**
   * Today's tree: the unit's children (open or closed) now hang under the target, and
   * every unit below moves with them in one statement by replacing the path prefix.
   */
  private async moveTodayTree(
    tx: EntityManager,
    u: OrgUnitEntity,
    t: OrgUnitEntity,
  ): Promise<void> {
    await tx.query(
      `UPDATE org_unit
          SET parent_id = CASE WHEN parent_id = $1::uuid THEN $2::uuid ELSE parent_id END,
              path = $4::text || substr(path, length($3::text) + 1),
              depth = depth - $5::int + $6::int,
              updated_at = now()
        WHERE path LIKE $7 AND id <> $1::uuid`,
      [u.id, t.id, u.path, t.path, u.depth, t.depth, `${u.path}%`],
    );
  }
}
