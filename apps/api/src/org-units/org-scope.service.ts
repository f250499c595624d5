import { CALLER_UNIT_PATH_SQL, OrgUnitEntity } from '@dx/db';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { invalidField } from '../http/invalid-input';

/**
 * "Who may see what": a role acts on the subtree rooted at the caller's own unit in
 * today's tree; a sysadmin acts everywhere. Every scoped query goes through here.
 */
@Injectable()
export class OrgScopeService {
  constructor(@InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>) {}

  /** Path prefix of the caller's subtree, or null when the caller sees everything. */
  async scopePath(user: AuthUser): Promise<string | null> {
    if (user.roles.includes('sysadmin')) return null;
    // The unit is read from the account, not the token: after a merge moves a person, their
    // scope follows at once instead of at their next sign-in.
    const [own] = await this.units.query(CALLER_UNIT_PATH_SQL, [user.id]);
    // A caller whose account vanished sees nothing rather than everything.
    return own?.path ?? '/nothing/';
  }

  /** The unit if the caller may see it; 404 otherwise (existence is not revealed). */
  async findVisible(user: AuthUser, unitId: string): Promise<OrgUnitEntity> {
    const unit = await this.units.findOneBy({ id: unitId });
    if (!unit || !(await this.contains(user, unit)))
      throw new NotFoundException('Org unit not found');
    return unit;
  }

  /**
   * For a unit named in a request body: 400 when it does not exist, 403 when it is
   * outside the caller's subtree.
   */
  async requireInScope(
    user: AuthUser,
    unitId: string,
    field = 'orgUnitId',
  ): Promise<OrgUnitEntity> {
    const unit = await this.units.findOneBy({ id: unitId });
    if (!unit) throw unknownUnit(field);
    if (unit.validTo) {
      throw invalidField(field, 'the org unit is closed (merged)', 'org_unit_closed');
    }
    if (!(await this.contains(user, unit))) {
      throw new ForbiddenException({
        message: 'That org unit is outside your scope',
        errors: [{ field, message: 'outside your scope', code: 'outside_scope' }],
      });
    }
    return unit;
  }

  /**
   * Like `findVisible`, and also a unit that a merge absorbed into the caller's subtree
   * (following the successor chain): the successor's office answers for the absorbed
   * unit's earlier years (reports of years before the merge).
   */
  async findVisibleOrAbsorbed(user: AuthUser, unitId: string): Promise<OrgUnitEntity> {
    const unit = await this.units.findOneBy({ id: unitId });
    if (!unit || !(await this.reaches(user, unit)))
      throw new NotFoundException('Org unit not found');
    return unit;
  }

  /** In the caller's subtree, or merged (possibly more than once) into a unit that is. */
  async reaches(user: AuthUser, unit: Pick<OrgUnitEntity, 'id' | 'path'>): Promise<boolean> {
    const prefix = await this.scopePath(user);
    if (prefix === null || unit.path.startsWith(prefix)) return true;
    const [hit] = await this.units.query(
      `WITH RECURSIVE chain AS (
         SELECT successor_id, 0 AS hops FROM org_unit WHERE id = $1
         UNION ALL
         SELECT s.successor_id, c.hops + 1 FROM chain c JOIN org_unit s ON s.id = c.successor_id
          WHERE s.path NOT LIKE $2 || '%' AND c.hops < 20
       )
       SELECT 1 FROM chain c JOIN org_unit s ON s.id = c.successor_id WHERE s.path LIKE $2 || '%' LIMIT 1`,
      [unit.id, prefix],
    );
    return Boolean(hit);
  }

  /**
   * Ids of the units in the caller's subtree (null: every unit), for features whose rows
   * name an owner unit and cannot join org_unit themselves (question banks).
   */
  async subtreeUnitIds(user: AuthUser): Promise<string[] | null> {
    const prefix = await this.scopePath(user);
    if (prefix === null) return null;
    const rows: { id: string }[] = await this.units.query(
      `SELECT id FROM org_unit WHERE path LIKE $1 || '%'`,
      [prefix],
    );
    return rows.map((r) => r.id);
  }

  async contains(user: AuthUser, unit: Pick<OrgUnitEntity, 'path'>): Promise<boolean> {
    const prefix = await this.scopePath(user);
    return prefix === null || unit.path.startsWith(prefix);
  }
}

export function unknownUnit(field: string) {
  return invalidField(field, `${field} does not name an existing org unit`, 'unknown_org_unit');
}
