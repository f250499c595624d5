import type { LessonKind } from '@dx/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseModuleEntity } from './course-module.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { LessonKind };

/** A unit of learning: markdown text, a video link or an attached file. */
@Entity('lesson')
@Check('ck_lesson_kind', `"kind" IN ('text', 'video', 'file')`)
@Check('ck_lesson_duration', '"duration_minutes" >= 0')
@Check('ck_lesson_min_seconds', '"min_seconds" BETWEEN 0 AND 86400')
@Index('idx_lesson_module', ['moduleId', 'position'])
@Index('idx_lesson_version', ['courseVersionId'])
export class LessonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  moduleId: string;

  @ManyToOne(() => CourseModuleEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModuleEntity;

  /** Denormalised from the module: progress counts lessons of a version in one query. */
  @Column({ type: 'uuid' })
  courseVersionId: string;

  @Column({ type: 'uuid' })
  key: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;

  @Column({ type: 'varchar', length: 8 })
  kind: LessonKind;

  /** Markdown source; rendered and sanitised by the API before it reaches a browser. */
  @Column({ type: 'text', nullable: true })
  content: string | null;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  videoUrl: string | null;

  /** Storage key of the attached file (under STORAGE_DIR), its name and type as uploaded. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  fileKey: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 127, nullable: true })
  fileMime: string | null;

  @Column({ type: 'int', default: 0 })
  durationMinutes: number;

  /**
   * Minimum time (seconds) a learner spends on the lesson before the server accepts it as
   * read; 0 = no minimum. Counted from the first opening (see LessonVisitEntity).
   */
  @Column({ type: 'int', default: 0 })
  minSeconds: number;
}
