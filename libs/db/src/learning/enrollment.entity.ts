import type { EnrollmentStatus } from '@dx/contracts';
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
import { CourseEntity } from '../courses/course.entity';
import { CourseVersionEntity } from '../courses/course-version.entity';
import { UserEntity } from '../users/user.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { EnrollmentStatus };

/**
 * A learner taking a course, pinned to the version they started (one enrolment per
 * learner and course). `progress` is kept up to date on every lesson completion so lists
 * never recount.
 */
@Entity('enrollment')
@Check('ck_enrollment_status', `"status" IN ('in_progress', 'completed')`)
@Check('ck_enrollment_progress', '"progress" BETWEEN 0 AND 100')
@Index('uq_enrollment_user_course', ['userId', 'courseId'], { unique: true })
@Index('idx_enrollment_version', ['courseVersionId'])
@Index('idx_enrollment_completed', ['completedAt'], { where: `"status" = 'completed'` })
export class EnrollmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  @Column({ type: 'varchar', length: 16, default: 'in_progress' })
  status: EnrollmentStatus;

  @Column({ type: 'int', default: 0 })
  progress: number;

  /** Where the learner left off, to resume there. */
  @Column({ type: 'uuid', nullable: true })
  lastLessonId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  enrolledAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
