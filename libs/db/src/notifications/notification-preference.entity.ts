import type { NotificationType } from '@dx/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity';

/**
 * A person's choice for one optional kind of notification (OPTIONAL_NOTIFICATION_TYPES).
 * No row means the default: mail on.
 */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  type: NotificationType;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'boolean' })
  mail: boolean;
}
