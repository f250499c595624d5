import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, DxRole, Paginated, Role, UserResponse } from '@dx/contracts';
import { findUsersPage, MembershipEntity, PasswordHasher, UserEntity } from '@dx/db';
import { ConflictException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { AuthUser } from '../auth/auth-user';
import { paginated } from '../http/page-query.dto';
import { OrgScopeService } from '../org-units/org-scope.service';
import { TrainingLedgerService } from '../training/training-ledger.service';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { assertNationalIdFree } from './national-id';
import { managesPeople, toUserResponse } from './user.mapper';

/** What a user row holds besides credentials; shared by creation and import. */
export type UserProfile = Pick<
  UserEntity,
  | 'username'
  | 'fullName'
  | 'email'
  | 'dateOfBirth'
  | 'nationalId'
  | 'orgUnitId'
  | 'jobTitle'
  | 'dxRole'
>;

/** People per statement in a bulk insert: a few MB of array parameters at most. */
const BULK_INSERT_CHUNK = 5_000;

/**
 * Inserts people from parallel arrays ($1..$7, $10), with common roles ($8) and no
 * password, and opens each one's membership from $9. The membership rows come from RETURNING, so
 * every id pairs with its own unit and DX role; the foreign key is checked at the end of
 * the statement, when the people exist.
 */
const BULK_INSERT_SQL = `
  WITH created AS (
    INSERT INTO app_user
      (username, full_name, email, date_of_birth, org_unit_id, job_title, dx_role, roles, password_hash,
       national_id)
    SELECT p.username, p.full_name, p.email, p.date_of_birth, p.org_unit_id, p.job_title, p.dx_role,
           $8::varchar[], NULL, p.national_id
    FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::date[], $5::uuid[], $6::varchar[],
                $7::varchar[], $10::varchar[])
      AS p(username, full_name, email, date_of_birth, org_unit_id, job_title, dx_role, national_id)
    RETURNING id, org_unit_id, dx_role
  )
  INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to)
  SELECT id, org_unit_id, dx_role, $9::date, NULL FROM created
  RETURNING user_id AS id`;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: TrainingLedgerService,
  ) {}

  async create(caller: AuthUser, dto: CreateUserDto): Promise<UserResponse> {
    const roles: Role[] = dto.roles?.length ? dto.roles : ['learner'];
    if (roles.includes('sysadmin') && !caller.roles.includes('sysadmin')) {
      throw new ForbiddenException({
        message: 'Only a sysadmin can grant sysadmin',
        errors: [{ field: 'roles', message: 'sysadmin cannot be granted by you' }],
      });
    }
    await this.scope.requireInScope(caller, dto.orgUnitId);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.db.transaction(async (tx) => {
      if (await tx.existsBy(UserEntity, { username: dto.username })) {
        throw new ConflictException({
          message: `Username ${dto.username} is taken`,
          errors: [{ field: 'username', message: 'already taken' }],
        });
      }
      await assertNationalIdFree(tx, dto.nationalId);
      const created = await this.insertUser(tx, {
        profile: {
          username: dto.username,
          fullName: dto.fullName,
          email: dto.email ?? null,
          dateOfBirth: dto.dateOfBirth ?? null,
          nationalId: dto.nationalId ?? null,
          orgUnitId: dto.orgUnitId,
          jobTitle: dto.jobTitle ?? null,
          dxRole: dto.dxRole,
        },
        roles,
        passwordHash,
      });
      await recordAudit(tx, {
        action: 'user.created',
        targetType: 'user',
        targetId: created.id,
        orgUnitId: created.orgUnitId,
        details: { username: created.username, roles },
      });
      return created;
    });
    return toUserResponse(user, true);
  }

  /** Inserts the user and opens their membership from today, in the caller's transaction. */
  async insertUser(
    tx: EntityManager,
    data: { profile: UserProfile; roles: Role[]; passwordHash: string | null },
  ): Promise<UserEntity> {
    const user = tx.create(UserEntity, { ...data.profile, roles: data.roles, passwordHash: data.passwordHash });
    await tx.save(user);
    await tx.insert(MembershipEntity, {
      userId: user.id,
      orgUnitId: user.orgUnitId,
      dxRole: user.dxRole,
      validFrom: this.today(),
      validTo: null,
    });
    // A requirement of the unit applies to them from today (the ledger must say "not met").
    await this.ledger.placesChanged(tx, this.today(), { userIds: [user.id] });
    return user;
  }

  /**
   * Inserts many people without a password (they cannot sign in until one is set) and
   * opens their memberships from today, in the caller's transaction: one statement per
   * chunk for both tables instead of two round trips per person.
   */
  async insertUsersWithoutPassword(
    tx: EntityManager,
    profiles: UserProfile[],
    roles: Role[],
  ): Promise<void> {
    const today = this.today();
    for (let i = 0; i < profiles.length; i += BULK_INSERT_CHUNK) {
      const chunk = profiles.slice(i, i + BULK_INSERT_CHUNK);
      const column = <K extends keyof UserProfile>(key: K) => chunk.map((p) => p[key]);
      const created: { id: string }[] = await tx.query(BULK_INSERT_SQL, [
        column('username'),
        column('fullName'),
        column('email'),
        column('dateOfBirth'),
        column('orgUnitId'),
        column('jobTitle'),
        column('dxRole'),
        roles,
        today,
        column('nationalId'),
      ]);
      const userIds = created.map((c) => c.id);
      await this.ledger.placesChanged(tx, today, { userIds });
    }
  }

  /**
   * Moves a person to another unit or DX role from today: closes the open membership and
   * opens a new one, so earlier years' reports keep where they were.
   */
  async changeMembership(tx: EntityManager, userId: string, orgUnitId: string, dxRole: DxRole): Promise<void> {
    const today = this.today();
    // Locked: a merge running at the same time moves open memberships too.
    const open = await tx.findOne(MembershipEntity, {
      where: { userId, validTo: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (open && open.orgUnitId === orgUnitId && open.dxRole === dxRole) return;
    if (open && open.validFrom >= today) {
      // Opened today: correct it in place instead of leaving a zero-length period.
      await tx.update(MembershipEntity, { id: open.id }, { orgUnitId, dxRole });
      await this.ledger.placesChanged(tx, today, { userIds: [userId] });
      return;
    }
    if (open) await tx.update(MembershipEntity, { id: open.id }, { validTo: today });
    await tx.insert(MembershipEntity, { userId, orgUnitId, dxRole, validFrom: today, validTo: null });
    await this.ledger.placesChanged(tx, today, { userIds: [userId] });
  }

  async list(caller: AuthUser, q: ListUsersQuery): Promise<Paginated<UserResponse>> {
    const unit = q.orgUnitId ? await this.scope.findVisible(caller, q.orgUnitId) : null;
    const [items, total] = await findUsersPage(this.db.manager, {
      scopePrefix: await this.scope.scopePath(caller),
      unitPrefix: unit?.path,
      search: q.q,
      offset: q.offset,
      limit: q.pageSize,
    });
    const forManager = managesPeople(caller);
    return paginated(
      items.map((u) => toUserResponse(u, forManager)),
      total,
      q,
    );
  }

  today(): string {
    return calendarDate(this.config.reportsTimeZone);
  }
}
