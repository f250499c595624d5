import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** The lessons of a course version in the order learners meet them (module, then lesson). */
@Injectable()
export class CourseLessonOrderService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  lessonsInOrder(versionId: string): Promise<{ id: string; title: string }[]> {
    return this.db.query(
      `SELECT l.id, l.title FROM lesson l JOIN course_module m ON m.id = l.module_id
        WHERE l.course_version_id = $1 ORDER BY m.position, l.position, l.id`,
      [versionId],
    );
  }
}
