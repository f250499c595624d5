import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CourseEntity } from '../courses/course.entity';
import { CurriculumEntity } from './curriculum.entity';

@Entity('curriculum_course')
@Index('idx_curriculum_course_course', ['courseId'])
export class CurriculumCourseEntity {
  @PrimaryColumn({ type: 'uuid' })
  curriculumId: string;

  @PrimaryColumn({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => CurriculumEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'curriculum_id' })
  curriculum?: CurriculumEntity;

  @ManyToOne(() => CourseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'course_id' })
  course?: CourseEntity;

  @Column({ type: 'int' })
  position: number;
}
