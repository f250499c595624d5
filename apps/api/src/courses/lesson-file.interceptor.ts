import { LESSON_FILE_MAX_BYTES } from '@dx/contracts';
import { singleFileInterceptor } from '../http/single-file.interceptor';
import { invalidLessonFile } from './lesson-files.service';

/** A lesson's file in memory (multer stops reading past 20 MB). */
export const LessonFileInterceptor = singleFileInterceptor({
  maxBytes: LESSON_FILE_MAX_BYTES,
  fields: 5,
  parts: 10,
  expected: 'one file',
  refuse: invalidLessonFile,
});
