import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LessonEntity } from '../courses/lesson.entity';
import { EnrollmentEntity } from './enrollment.entity';

/** A lesson read to the end; the primary key makes "complete" idempotent. */
@Entity('lesson_completion')
export class LessonCompletionEntity {
  @PrimaryColumn({ type: 'uuid' })
  enrollmentId: string;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  @ManyToOne(() => EnrollmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id' })
  enrollment?: EnrollmentEntity;

  @ManyToOne(() => LessonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: LessonEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  completedAt: Date;
}
