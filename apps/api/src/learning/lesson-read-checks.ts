import { ENROLMENTS_FOR_READS, runPrepared } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One lesson read to check: the caller, and the lesson with its course and version. */
export interface LessonRead {
  userId: string;
  courseId: string;
  courseVersionId: string;
  lessonId: string;
}

interface Pending extends LessonRead {
  settle: (completed: boolean | null) => void;
  fail: (err: unknown) => void;
}

/**
 * The enrolment check of lesson reads (and the resume point it records), one statement
 * for all the reads of a turn of the event loop (ENROLMENTS_FOR_READS), as the account
 * status check batches its reads. Lesson content comes from memory, so this round trip was
 * the read's largest cost: with one per request, the API spent more CPU on talking to
 * PostgreSQL than on the rest of the request (issue #20's bench). Every read still asks the
 * database, so access follows enrolments at once, in every API process.
 */
@Injectable()
export class LessonReadChecks {
  private batch: Pending[] | undefined;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Whether the caller has read the lesson, with the resume point recorded; null when the
   * caller's current enrolment of the course is not pinned to the lesson's version (or
   * there is none).
   */
  check(read: LessonRead): Promise<boolean | null> {
    if (!this.batch) {
      const batch: Pending[] = [];
      this.batch = batch;
      setImmediate(() => void this.flush(batch));
    }
    const batch = this.batch;
    return new Promise((settle, fail) => batch.push({ ...read, settle, fail }));
  }

  private async flush(batch: Pending[]): Promise<void> {
    if (this.batch === batch) this.batch = undefined;
    try {
      const { rows } = await runPrepared<{ n: number; completed: boolean }>(
        this.db.manager,
        ENROLMENTS_FOR_READS,
        [
          batch.map((r) => r.userId),
          batch.map((r) => r.courseId),
          batch.map((r) => r.courseVersionId),
          batch.map((r) => r.lessonId),
        ],
      );
      const completed = new Array<boolean | null>(batch.length).fill(null);
      for (const row of rows) completed[row.n - 1] = row.completed;
      batch.forEach((r, i) => r.settle(completed[i]));
    } catch (err) {
      for (const r of batch) r.fail(err);
    }
  }
}
