import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { CourseEntity } from './course.entity';

export type CourseVersionStatus = 'draft' | 'published' | 'superseded';

/**
 * One frozen (or, while `draft`, editable) edition of a course's content. Modules,
 * lessons and quizzes hang off a version, so a learner's version never changes under them.
 */
@Entity('course_version')
@Check('ck_course_version_status', `"status" IN ('draft', 'published', 'superseded')`)
@Check('ck_course_version_hours', '"hours" > 0')
@Index('uq_course_version_number', ['courseId', 'version'], { unique: true })
// GIN index on to_tsvector('simple', search_text), created by hand in the migration.
@Index('idx_course_version_search', { synchronize: false })
export class CourseVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CourseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: CourseVersionStatus;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Training hours credited on completion (số giờ/tiết). */
  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  hours: number;

  /**
   * Code, title and description folded to lower case without diacritics ("chuyen doi so"),
   * written by the API; the full-text index makes search diacritic-insensitive.
   */
  @Column({ type: 'text', default: '' })
  searchText: string;

  /** Lessons must be completed in outline order (module, then lesson); off by default. */
  @Column({ type: 'boolean', default: false })
  sequentialLessons: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
