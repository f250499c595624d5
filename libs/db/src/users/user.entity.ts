import type { DxRole, Role } from '@dx/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { OrgUnitEntity } from '../org-units/org-unit.entity';

/** A person who signs in. "user" is reserved in SQL, hence the table name. */
@Entity('app_user')
@Check('ck_app_user_national_id', `"national_id" ~ '^[0-9]{12}$'`)
@Check('ck_app_user_dx_role', `"dx_role" IN ('full_time', 'part_time', 'none')`)
@Check(
  'ck_app_user_roles',
  `"roles" <@ ARRAY['learner', 'trainer', 'hr', 'sysadmin']::varchar[] AND cardinality("roles") > 0`,
)
// People of a unit: with the id in the index, a subtree's people are read from the index
// alone (hr's lists and counts), which the planner prefers to a scan of every account.
@Index('idx_app_user_org_unit', ['orgUnitId', 'id'])
// Trigram GIN index on username and full name (pg_trgm), created by hand in the migration:
// searches "%part of a name%" without reading every account.
@Index('idx_app_user_search', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case; the API normalises before every lookup. */
  @Index('uq_app_user_username', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  username: string;

  /** argon2id; null for people imported without a password (they cannot sign in yet). */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'varchar', length: 255 })
  fullName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  email: string | null;

  @Column({ type: 'date', nullable: true })
  dateOfBirth: string | null;

  /**
   * Citizen identity number (CCCD, 12 digits), set by HR; links a single sign-on identity
   * when OIDC_LINK_FIELD=national_id. Personal data: shown to HR only, never exported.
   */
  // Partial: at national scale almost every row is null, and the index stays small.
  @Index('uq_app_user_national_id', { unique: true, where: '"national_id" IS NOT NULL' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  nationalId: string | null;

  /** Current unit (today). Where the person belonged on earlier dates is in `membership`. */
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 255, nullable: true })
  jobTitle: string | null;

  @Column({ type: 'varchar', length: 16, default: 'none' })
  dxRole: DxRole;

  @Column({ type: 'varchar', array: true, default: () => "'{learner}'" })
  roles: Role[];

  /** False: cannot sign in, tokens stop working; history and certificates stay. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
