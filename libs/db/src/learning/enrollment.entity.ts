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
 * A learner taking a course in a training year, pinned to the version they started.
 * `year` is the year of enrolment until completion, then the calendar year of completion
 * (TZ_REPORTS): one enrolment per learner, course and year, so a course can be taken again
 * next year while last year's completion stays. `current` marks the one the learner works
 * on now (at most one per course); re-enrolling in a later year retires the completed one.
 * `progress` is kept up to date on every lesson completion so lists never recount.
 */
@Entity('enrollment')
@Check('ck_enrollment_status', `"status" IN ('in_progress', 'completed')`)
@Check('ck_enrollment_progress', '"progress" BETWEEN 0 AND 100')
@Index('uq_enrollment_user_course_year', ['userId', 'courseId', 'year'], { unique: true })
@Index('uq_enrollment_current', ['userId', 'courseId'], { unique: true, where: '"current"' })
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

  /** Training year: of enrolment while in progress, of completion once completed. */
  @Column({ type: 'smallint' })
  year: number;

  /** The learner's live enrolment in this course (false once superseded by a later year's). */
  @Column({ type: 'boolean', default: true })
  current: boolean;

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
