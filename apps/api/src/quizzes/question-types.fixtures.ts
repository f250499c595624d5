import type { AttemptQuestion } from '@dx/contracts';
import type { QuestionSpec } from '../test/course-factory';

/**
 * One question of each type beyond the choice types, with a right and a wrong answer as a
 * learner would send them (built from what the attempt shows, never from the key).
 */
export const NEW_TYPE_QUESTIONS: QuestionSpec[] = [
  {
    type: 'matching',
    text: 'Ghép mỗi nền tảng với công dụng của nó',
    options: [
      { text: 'VNeID', correct: true, match: 'Định danh điện tử' },
      { text: 'Cổng Dịch vụ công quốc gia', correct: true, match: 'Nộp hồ sơ trực tuyến' },
      { text: 'Hệ thống quản lý văn bản', correct: true, match: 'Xử lý văn bản điện tử' },
    ],
  },
  {
    type: 'ordering',
    text: 'Sắp xếp các bước nộp hồ sơ trực tuyến',
    options: [
      { text: 'Đăng nhập bằng VNeID', correct: true },
      { text: 'Điền tờ khai', correct: true },
      { text: 'Đính kèm giấy tờ', correct: true },
      { text: 'Thanh toán lệ phí', correct: true },
    ],
  },
  {
    type: 'short_answer',
    text: 'Quyết định 1690 giao nhiệm vụ cho cơ quan nào chủ trì xây dựng học viện số?',
    options: [
      { text: 'Bộ Khoa học và Công nghệ', correct: true },
      { text: 'Bộ KH&CN', correct: true },
    ],
    ignoreDiacritics: true,
  },
  {
    type: 'numeric',
    text: 'Tỷ lệ hồ sơ trực tuyến toàn trình mục tiêu năm 2025 là bao nhiêu phần trăm?',
    options: [{ text: '80.5', correct: true, tolerance: 0.5 }],
  },
];

/** What no learner may read before the answers are revealed: pairs, accepted texts, values. */
export const NEW_TYPE_SECRETS = [
  'Bộ Khoa học và Công nghệ',
  'Bộ KH&CN',
  '80.5',
  '80,5',
  '"match"',
  '"tolerance"',
  '"correctMatches"',
  '"correctAnswers"',
];

const MATCHES: Record<string, string> = {
  VNeID: 'Định danh điện tử',
  'Cổng Dịch vụ công quốc gia': 'Nộp hồ sơ trực tuyến',
  'Hệ thống quản lý văn bản': 'Xử lý văn bản điện tử',
};
const STEPS = ['Đăng nhập bằng VNeID', 'Điền tờ khai', 'Đính kèm giấy tờ', 'Thanh toán lệ phí'];

/** The answer to each shown question: right, or wrong on every one. */
export function newTypeAnswers(questions: AttemptQuestion[], right: boolean) {
  return questions.map((q) => {
    const ids = q.options.map((o) => o.id);
    const textOf = new Map(q.options.map((o) => [o.id, o.text]));
    switch (q.type) {
      case 'matching': {
        const matches = q.options.map((o) => MATCHES[o.text]);
        // Wrong: every pick shifted by one.
        return {
          questionId: q.id,
          optionIds: ids,
          matches: right ? matches : [...matches.slice(1), matches[0]],
        };
      }
      case 'ordering': {
        const sorted = [...ids].sort(
          (a, b) => STEPS.indexOf(textOf.get(a) ?? '') - STEPS.indexOf(textOf.get(b) ?? ''),
        );
        return { questionId: q.id, optionIds: right ? sorted : [...sorted].reverse() };
      }
      case 'short_answer':
        return {
          questionId: q.id,
          optionIds: [],
          text: right ? 'bo khoa hoc va cong nghe' : 'Bộ Nội vụ',
        };
      default:
        return { questionId: q.id, optionIds: [], text: right ? '80,7' : '79' };
    }
  });
}
