import type { CleanQuestionImagesResult } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** Where the API stores question and option images (`POST /api/question-images`). */
export const QUESTION_IMAGE_FOLDER = 'question-images/';

/**
 * An upload becomes used only when its question is saved, maybe hours later: images younger
 * than this are never deleted, so an editor left open over lunch keeps its picture.
 */
export const QUESTION_IMAGE_GRACE_MS = 24 * 60 * 60 * 1000;

/** Keys checked against the database per query. */
const BATCH = 500;

const USED_KEYS_SQL = `
SELECT image_key AS key FROM question WHERE image_key = ANY($1)
UNION
SELECT image_key FROM question_option WHERE image_key = ANY($1)`;

/**
 * Deletes question images that no question or option row refers to (every version counts:
 * a retired bank question still shows its image in the attempts that drew it). Safe to run
 * twice or on two workers at once: deleting what is gone is not an error.
 */
@Injectable()
export class QuestionImagesCleanupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async clean(now = new Date()): Promise<CleanQuestionImagesResult> {
    const cutoff = now.getTime() - QUESTION_IMAGE_GRACE_MS;
    const result = { deleted: 0, kept: 0 };
    let old: string[] = [];
    for await (const file of this.storage.list(QUESTION_IMAGE_FOLDER)) {
      if (file.modifiedAt.getTime() > cutoff) result.kept++;
      else old.push(file.key);
      if (old.length === BATCH) {
        await this.deleteUnused(old, result);
        old = [];
      }
    }
    await this.deleteUnused(old, result);
    return result;
  }

  private async deleteUnused(keys: string[], result: CleanQuestionImagesResult): Promise<void> {
    if (!keys.length) return;
    const used = new Set(
      (await this.db.query(USED_KEYS_SQL, [keys])).map((r: { key: string }) => r.key),
    );
    for (const key of keys) {
      if (used.has(key)) {
        result.kept++;
      } else {
        await this.storage.delete(key);
        result.deleted++;
      }
    }
  }
}
