import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface QuizResult {
  id: string;
  title: string;
  kind: 'practice' | 'final';
  passed: boolean;
}

/** Whether a learner passed each quiz of a course version, for progress marks. */
@Injectable()
export class QuizResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Attempts of this enrolment count (and those made without one, e.g. before it existed). */
  forVersion(versionId: string, userId: string, enrollmentId: string): Promise<QuizResult[]> {
    return this.db.query(
      `SELECT q.id, q.title, q.kind,
              EXISTS (SELECT 1 FROM quiz_attempt a
                       WHERE a.quiz_id = q.id AND a.user_id = $2 AND a.passed
                         AND (a.enrollment_id = $3 OR a.enrollment_id IS NULL)) AS passed
         FROM quiz q
        WHERE q.course_version_id = $1
        ORDER BY q.kind = 'final', q.title, q.id`,
      [versionId, userId, enrollmentId],
    );
  }
}
