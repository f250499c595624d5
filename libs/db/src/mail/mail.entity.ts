import type { MailStatus, MailTemplate } from '@dx/contracts';
import {
  Check,
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
 * One mail to send, written in the transaction that decided it (with an outbox row that
 * hands it to the worker). The idempotency key makes a decision taken twice one mail; the
 * status makes a job run twice one delivery. Parameters may hold secrets (an activation
 * code, a reset link): the worker clears them once the mail is sent or skipped.
 */
@Entity('mail')
@Check('ck_mail_status', `"status" IN ('pending', 'sent', 'skipped')`)
@Index('uq_mail_idempotency_key', ['idempotencyKey'], { unique: true })
@Index('idx_mail_user', ['userId'])
export class MailEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 255 })
  recipient: string;

  /** The person it is about, when there is one; erasing the person erases their mail. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 64 })
  template: MailTemplate;

  /** Null once sent or skipped (see the class comment). */
  @Column({ type: 'jsonb', nullable: true })
  params: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 200 })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: MailStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;
}
