import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CourseVersionEntity } from './course-version.entity';

/** A chapter of a course version. `key` stays the same across versions of one module. */
@Entity('course_module')
@Index('idx_course_module_version', ['courseVersionId', 'position'])
export class CourseModuleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseVersionId: string;

  @ManyToOne(() => CourseVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_version_id' })
  courseVersion?: CourseVersionEntity;

  @Column({ type: 'uuid' })
  key: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 255 })
  title: string;
}
