import { ENROLMENTS_FOR_READS, runPrepared } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TurnBatch } from '../cache/turn-batch';

/** One lesson read to check: the caller, and the lesson with its course and version. */
export interface LessonRead {
  userId: string;
  courseId: string;
  courseVersionId: string;
  lessonId: string;
}

/**
 * The enrolment check of lesson reads (and the resume point it records), one statement
 * for all the reads of a turn of the event loop (ENROLMENTS_FOR_READS, through TurnBatch,
 * as the sign-in status check). Lesson content comes from memory, so this round trip was
 * the read's largest cost: with one per request, the API spent more CPU on talking to
 * PostgreSQL than on the rest of the request (issue #20's bench). Every read still asks the
 * database, so access follows enrolments at once, in every API process.
 */
@Injectable()
export class LessonReadChecks {
  private readonly reads = new TurnBatch<LessonRead, boolean | null>((reads) =>
    this.readAll(reads),
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Whether the caller has read the lesson, with the resume point recorded; null when the
   * caller's current enrolment of the course is not pinned to the lesson's version (or
   * there is none).
   */
  check(read: LessonRead): Promise<boolean | null> {
    return this.reads.add(read);
  }

  private async readAll(reads: LessonRead[]): Promise<(boolean | null)[]> {
    const { rows } = await runPrepared<{ n: number; completed: boolean }>(
      this.db.manager,
      ENROLMENTS_FOR_READS,
      [
        reads.map((r) => r.userId),
        reads.map((r) => r.courseId),
        reads.map((r) => r.courseVersionId),
        reads.map((r) => r.lessonId),
      ],
    );
    const completed = new Array<boolean | null>(reads.length).fill(null);
    for (const row of rows) completed[row.n - 1] = row.completed;
    return completed;
  }
}
