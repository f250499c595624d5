import type { NotificationType } from '@dx/contracts';
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
 * One item of a person's in-app inbox. `(user_id, event_key)` is unique: an event (a
 * certificate issued, the 7-day reminder of a requirement) reaches a person at most once,
 * however often the decision is taken again; its index also serves a person's inbox (no
 * index on (user_id, created_at): a fifth of the national reminder run's index writes, for
 * a sort of a few hundred rows). Kept 12 months (the daily job purges older).
 */
@Entity('notification')
@Index('uq_notification_user_event', ['userId', 'eventKey'], { unique: true })
@Index('idx_notification_created', ['createdAt'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'varchar', length: 32 })
  type: NotificationType;

  /** E.g. `requirement-due-7:<requirement id>`, `certificate-issued:<certificate id>`. */
  @Column({ type: 'varchar', length: 200 })
  eventKey: string;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** Path inside the web app (`/certificates`), or null. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  link: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
