import type { CourseAnalyticsResponse } from '@dx/contracts';
import { stringify } from 'csv-stringify/sync';

const HEADERS = [
  'Bài kiểm tra',
  'Phiên bản',
  'Câu hỏi',
  'Số lượt trả lời',
  'Tỷ lệ đúng',
  'Độ phân biệt',
  'Cảnh báo',
] as const;

/**
 * One row per question of every quiz, for a spreadsheet: UTF-8 with a byte-order mark and
 * CRLF like the coverage export (Excel reads Vietnamese right), plain decimal numbers.
 */
export function renderAnalyticsCsv(a: CourseAnalyticsResponse): Buffer {
  const rows = a.quizzes.flatMap((quiz) =>
    quiz.questions.map((q) => [
      quiz.title,
      quiz.version,
      q.text,
      q.answered,
      q.difficulty ?? '',
      q.discrimination ?? '',
      q.flags.join(' '),
    ]),
  );
  return Buffer.from(
    stringify([[...HEADERS], ...rows], { bom: true, record_delimiter: 'windows' }),
    'utf8',
  );
}
