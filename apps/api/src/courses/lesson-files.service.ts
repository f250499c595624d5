import { LESSON_FILE_TYPES, type LessonFileUploadResponse } from '@dx/contracts';
import { LessonEntity } from '@dx/db';
import { ConflictException, Injectable, Logger, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseDraftService } from './course-draft.service';
import { detectLessonFileType, displayFileName } from './lesson-file-type';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { InvalidInputException } from '../http/invalid-input';

/** What the service needs of multer's file; its name and MIME type are the client's word only. */
export interface LessonUpload {
  buffer: Buffer;
  size: number;
  originalname?: string;
}

export function invalidLessonFile(message: string): InvalidInputException {
  return new InvalidInputException(
    [{ field: 'file', message, code: 'file_rejected' }],
    `Invalid input: file (${message})`,
  );
}

/**
 * Files of "file" lessons. Versions share a file until a draft replaces it, so a stored
 * file is deleted only once no lesson of the course refers to it any more.
 */
@Injectable()
export class LessonFilesService {
  private readonly logger = new Logger(LessonFilesService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafts: CourseDraftService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async upload(
    user: AuthUser,
    lessonId: string,
    file: LessonUpload | undefined,
  ): Promise<LessonFileUploadResponse> {
    if (!file?.buffer?.length)
      throw invalidLessonFile('attach a file in the multipart field "file"');
    const detected = await detectLessonFileType(file.buffer);
    if (!detected) {
      throw invalidLessonFile(
        `must be one of ${LESSON_FILE_TYPES.join(', ')} (recognised by content, not by name)`,
      );
    }
    let written: string | null = null;
    try {
      const result = await this.db.transaction(async (tx) => {
        const target = await this.drafts.itemInDraft(tx, user, 'lesson', lessonId);
        const lesson = await tx.findOneByOrFail(LessonEntity, { id: target.id });
        if (lesson.kind !== 'file')
          throw new ConflictException('Only a lesson of kind "file" takes a file');
        // Our own random key: the client's file name never reaches the file system.
        written = `lessons/${lesson.id}/${randomBytes(16).toString('hex')}`;
        await this.storage.put(written, file.buffer);
        const fileName = displayFileName(file.originalname, detected);
        await tx.update(
          LessonEntity,
          { id: lesson.id },
          { fileKey: written, fileName, fileMime: detected.mime },
        );
        await this.drafts.touch(tx, target.course.id);
        return {
          id: lesson.id,
          fileName,
          fileMime: detected.mime,
          courseId: target.course.id,
          old: lesson.fileKey,
        };
      });
      await this.releaseUnused(result.courseId, result.old ? [result.old] : []);
      return {
        id: result.id,
        fileName: result.fileName,
        fileMime: result.fileMime,
        size: file.buffer.length,
      };
    } catch (err) {
      // The transaction did not commit: the bytes just written belong to nobody.
      if (written) await this.storage.delete(written).catch(() => undefined);
      throw err;
    }
  }

  /** After a commit: deletes the stored files no lesson of the course refers to any more. */
  async releaseUnused(courseId: string, keys: string[]): Promise<void> {
    if (!keys.length) return;
    const used: { fileKey: string }[] = await this.db.query(
      `SELECT DISTINCT l.file_key AS "fileKey"
         FROM course_version v JOIN lesson l ON l.course_version_id = v.id
        WHERE v.course_id = $1 AND l.file_key = ANY($2)`,
      [courseId, keys],
    );
    const stillUsed = new Set(used.map((u) => u.fileKey));
    for (const key of keys.filter((k) => !stillUsed.has(k))) {
      // A leftover file wastes space but harms nobody; a failed request would be worse.
      await this.storage
        .delete(key)
        .catch((err) => this.logger.warn(`Could not delete ${key}: ${err}`));
    }
  }
}
