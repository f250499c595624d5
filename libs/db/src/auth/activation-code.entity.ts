import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A one-time code that lets a person set their password (imported people have none). Only
 * an HMAC of the code is stored (keyed by a server secret, so a leaked table alone cannot
 * be brute-forced, and cheap enough to issue codes for a whole unit in one job). Issuing a
 * new code replaces the old one: at most one usable code per person.
 */
@Entity('activation_code')
@Index('uq_activation_code_open_user', ['userId'], {
  unique: true,
  where: '"used_at" IS NULL AND "replaced_at" IS NULL',
})
export class ActivationCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Hex HMAC-SHA-256 of the normalised code. */
  @Column({ type: 'char', length: 64 })
  codeHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  /** Set when a newer code was issued for the same person. */
  @Column({ type: 'timestamptz', nullable: true })
  replacedAt: Date | null;

  /** Who issued it (hr or sysadmin); null when a job did on their behalf and they are gone. */
  @Column({ type: 'uuid', nullable: true })
  issuedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
