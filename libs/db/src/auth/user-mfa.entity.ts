import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A person's TOTP second factor (RFC 6238). A row with `enabledAt` null is an enrolment in
 * progress: the secret was shown but no code from it was confirmed yet, so it does not
 * count at sign-in. Recovery codes are random (50 bits each), so their SHA-256 alone is kept
 * and a spent one is removed from the array.
 */
@Entity('user_mfa')
export class UserMfaEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  /** Base32 shared secret (160 bits); the authenticator app holds the same one. */
  @Column({ type: 'text' })
  secret: string;

  @Column({ type: 'timestamptz', nullable: true })
  enabledAt: Date | null;

  /**
   * The last 30-second time step a code was accepted for: a code (or an older one) seen
   * once is refused afterwards, so an overheard code cannot be replayed.
   */
  @Column({ type: 'bigint', nullable: true })
  lastUsedStep: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recoveryCodeHashes: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
