import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who did what administrative action, when and from where. Written in the same
 * transaction as the action, so an entry never describes something that did not happen.
 * Append-only: a trigger (see the AddAuditLogAndRefreshTokens migration) refuses UPDATE
 * and DELETE. The actor and target are plain ids without foreign keys on purpose: the
 * entry outlives a deleted account, and `actorUsername` keeps it readable then.
 */
@Entity('audit_log')
@Index('idx_audit_log_at', ['at'])
@Index('idx_audit_log_actor', ['actorId', 'at'])
@Index('idx_audit_log_action', ['action', 'at'])
@Index('idx_audit_log_target', ['targetType', 'targetId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Null for actions of the system itself (start-up, jobs). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  /** `<target>.<verb>`, e.g. `user.created`, `certificate.revoked`. */
  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  targetType: string | null;

  @Column({ type: 'uuid', nullable: true })
  targetId: string | null;

  /** The org unit the action concerns, for reading the log by subtree. */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  userAgent: string | null;

  /** Small facts of the action (counts, reasons, roles); never passwords or tokens. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
