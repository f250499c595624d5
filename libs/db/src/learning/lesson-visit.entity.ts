import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LessonEntity } from '../courses/lesson.entity';
import { EnrollmentEntity } from './enrollment.entity';

/**
 * When a learner first opened a lesson that has a minimum time: the server measures time
 * on the lesson from here, so a completion cannot be sent before the time has passed.
 * Written only for lessons with `min_seconds > 0`, so ordinary reads stay write-free.
 */
@Entity('lesson_visit')
export class LessonVisitEntity {
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
  firstOpenedAt: Date;
}
