import type { ErrorParams, FieldErrorCode, ImportRowError, UserImportResult } from '@dx/contracts';
import { findOrgUnitsByCodes, UserEntity } from '@dx/db';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';
import { ImportUpload, readUserSheet } from './import/user-sheet.reader';
import { ParsedUserRow, parseUserRow } from './import/user-row.parser';
import { ImportColumn } from './import/user-sheet';
import { UserProfile, UsersService } from './users.service';

/** The profile fields a row may change on an existing person. */
const UPDATABLE: readonly (keyof UserProfile & ImportColumn)[] = [
  'fullName',
  'email',
  'dateOfBirth',
  'nationalId',
  'jobTitle',
];

/** A unit as the org-units feature reads it. */
type Unit = Awaited<ReturnType<typeof findOrgUnitsByCodes>>[number];

interface RowCheck extends ParsedUserRow {
  unit?: Unit;
}

/**
 * Bulk creation and update of people from a CSV/XLSX staff list. Each row stands alone:
 * valid rows are saved, the others come back as `{row, field, code, message, params?}`. Lookups are one
 * query per kind for the whole file, new people are inserted in bulk, and every write
 * happens in one transaction.
 */
@Injectable()
export class UsersImportService {
  private readonly logger = new Logger(UsersImportService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly scope: OrgScopeService,
  ) {}

  async import(caller: AuthUser, file: ImportUpload | undefined): Promise<UserImportResult> {
    const sheet = await readUserSheet(file);
    const rows: RowCheck[] = await Promise.all(sheet.rows.map(parseUserRow));
    flagRepeated(rows, 'username');
    flagRepeated(rows, 'nationalId');
    const prefix = await this.scope.scopePath(caller);
    const inScope = (unit: Pick<Unit, 'path'>) => prefix === null || unit.path.startsWith(prefix);

    const result = await this.db.transaction(async (tx) => {
      await this.resolveUnits(tx, rows, inScope);
      const existing = await this.lockExisting(tx, rows);
      await flagNationalIdsOfOthers(tx, rows);
      const fresh: UserProfile[] = [];
      let updated = 0;
      for (const r of rows) {
        const known = existing.get(r.value.username);
        // Not the caller's person: say no more than that the name is taken.
        if (known && !hasError(r, 'username') && !inScope(known.orgUnit as Unit)) {
          fail(r, 'username', 'already_used', 'already taken');
        }
        if (r.errors.length || !r.unit) continue;
        const profile: UserProfile = {
          username: r.value.username,
          fullName: r.value.fullName,
          email: r.value.email ?? null,
          dateOfBirth: r.value.dateOfBirth ?? null,
          nationalId: r.value.nationalId ?? null,
          orgUnitId: r.unit.id,
          jobTitle: r.value.jobTitle ?? null,
          dxRole: r.value.dxRole,
        };
        if (!known) fresh.push(profile);
        else if (await this.update(tx, known, profile, sheet.columns)) {
          updated++;
        }
      }
      // Imported people get no password, as before: they cannot sign in until one is set.
      await this.users.insertUsersWithoutPassword(tx, fresh, ['learner']);
      const created = fresh.length;
      const rejected = rows.filter((r) => r.errors.length).length;
      await recordAudit(tx, {
        action: 'users.imported',
        orgUnitId: caller.orgUnitId,
        details: { rows: rows.length, created, updated, rejected },
      });
      return { created, updated };
    });

    const errors = rows.flatMap((r) => r.errors).sort((a, b) => a.row - b.row);
    this.logger.log(
      `Import by ${caller.username}: ${result.created} created, ${result.updated} updated, ` +
        `${errors.length} row errors in ${rows.length} rows`,
    );
    return { ...result, errors };
  }

  /** Finds every named unit in one query; each row's must exist, be open and be in scope. */
  private async resolveUnits(
    tx: EntityManager,
    rows: RowCheck[],
    inScope: (unit: Unit) => boolean,
  ): Promise<void> {
    const wanted = rows.filter((r) => !hasError(r, 'orgUnitCode'));
    const codes = [...new Set(wanted.map((r) => r.value.orgUnitCode))];
    const units = await findOrgUnitsByCodes(tx, codes);
    const byCode = new Map(units.map((u) => [u.code, u]));
    const today = this.users.today();
    for (const r of wanted) {
      const unit = byCode.get(r.value.orgUnitCode);
      if (!unit) fail(r, 'orgUnitCode', 'unknown_org_unit', 'no org unit has this code');
      else if (!inScope(unit)) fail(r, 'orgUnitCode', 'outside_scope', 'outside your scope');
      else if (unit.validTo !== null && unit.validTo <= today)
        fail(r, 'orgUnitCode', 'org_unit_closed', 'the org unit is closed');
      else r.unit = unit;
    }
  }

  /**
   * Loads the people the file names, with their current unit, in one query, and locks
   * them so a concurrent import or edit cannot interleave with this one.
   */
  private async lockExisting(
    tx: EntityManager,
    rows: RowCheck[],
  ): Promise<Map<string, UserEntity>> {
    const usernames = [
      ...new Set(rows.filter((r) => !hasError(r, 'username')).map((r) => r.value.username)),
    ];
    if (!usernames.length) return new Map();
    const users = await tx
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.orgUnit', 'unit')
      .where('u.username = ANY(:usernames)', { usernames })
      .setLock('pessimistic_write', undefined, ['u'])
      .getMany();
    return new Map(users.map((u) => [u.username, u]));
  }

  /**
   * Writes only what differs, so re-importing a file changes nothing. A column left out
   * of the file keeps the stored value; unit and DX role changes go through membership
   * history.
   */
  private async update(
    tx: EntityManager,
    known: UserEntity,
    profile: UserProfile,
    columns: ReadonlySet<ImportColumn>,
  ): Promise<boolean> {
    const changes: Partial<UserProfile> = {};
    for (const field of UPDATABLE) {
      if (columns.has(field) && known[field] !== profile[field])
        Object.assign(changes, { [field]: profile[field] });
    }
    const moved = known.orgUnitId !== profile.orgUnitId || known.dxRole !== profile.dxRole;
    if (moved) Object.assign(changes, { orgUnitId: profile.orgUnitId, dxRole: profile.dxRole });
    if (!Object.keys(changes).length) return false;
    await tx.update(UserEntity, { id: known.id }, changes);
    if (moved) await this.users.changeMembership(tx, known.id, profile.orgUnitId, profile.dxRole);
    return true;
  }
}

function fail(
  r: RowCheck,
  field: ImportColumn,
  code: FieldErrorCode,
  message: string,
  params?: ErrorParams,
): void {
  r.errors.push({
    row: r.row,
    field,
    code,
    message,
    ...(params && { params }),
  } satisfies ImportRowError);
}

function hasError(r: RowCheck, field: ImportColumn): boolean {
  return r.errors.some((e) => e.field === field);
}

/**
 * The first row of a username or national ID number wins; later ones are errors rather
 * than silent overwrites.
 */
function flagRepeated(rows: RowCheck[], field: 'username' | 'nationalId'): void {
  const firstRow = new Map<string, number>();
  for (const r of rows) {
    const value = r.value[field];
    if (!value || hasError(r, field)) continue;
    const first = firstRow.get(value);
    if (first === undefined) firstRow.set(value, r.row);
    else
      fail(
        r,
        field,
        'repeated_in_file',
        `appears more than once in the file (first on row ${first})`,
        {
          firstRow: first,
        },
      );
  }
}

/**
 * A row may not give a national ID number another person holds (one query for the file);
 * who holds it is not said, as for a taken username.
 */
async function flagNationalIdsOfOthers(tx: EntityManager, rows: RowCheck[]): Promise<void> {
  const wanted = rows.filter((r) => r.value.nationalId && !hasError(r, 'nationalId'));
  if (!wanted.length) return;
  const holders: { username: string; national_id: string }[] = await tx.query(
    `SELECT username, national_id FROM app_user WHERE national_id = ANY($1::varchar[])`,
    [wanted.map((r) => r.value.nationalId)],
  );
  const holder = new Map(holders.map((h) => [h.national_id, h.username]));
  for (const r of wanted) {
    const username = holder.get(r.value.nationalId as string);
    if (username && username !== r.value.username) {
      fail(r, 'nationalId', 'already_used', 'already used by another person');
    }
  }
}
