import { randomBytes } from 'node:crypto';
import type { E2eState } from './e2e-env';
import { createLearningWorld, publishOneLessonCourse, type LearningWorld } from './learning-world';

export const MATCHES: Record<string, string> = {
  VNeID: 'Định danh điện tử',
  'Cổng Dịch vụ công quốc gia': 'Nộp hồ sơ trực tuyến',
  'Hệ thống quản lý văn bản': 'Xử lý văn bản điện tử',
};
export const STEPS = [
  'Đăng nhập bằng VNeID',
  'Điền tờ khai',
  'Đính kèm giấy tờ',
  'Thanh toán lệ phí',
];
export const MATCHING_TEXT = 'Ghép mỗi nền tảng với công dụng của nó';
export const ORDERING_TEXT = 'Sắp xếp các bước nộp hồ sơ trực tuyến';
export const SHORT_TEXT = 'Thủ đô của Việt Nam là thành phố nào?';
export const NUMERIC_TEXT = 'Mục tiêu tỷ lệ hồ sơ trực tuyến toàn trình (%) là bao nhiêu?';

/** One question of each type beyond the choice ones, as the trainer posts them. */
const QUESTIONS = [
  {
    type: 'matching',
    text: MATCHING_TEXT,
    options: Object.entries(MATCHES).map(([text, match]) => ({ text, match, correct: true })),
  },
  {
    type: 'ordering',
    text: ORDERING_TEXT,
    options: STEPS.map((text) => ({ text, correct: true })),
  },
  {
    type: 'short_answer',
    text: SHORT_TEXT,
    options: [{ text: 'Hà Nội', correct: true }],
    explanation: 'Thủ đô của Việt Nam là Hà Nội.',
  },
  {
    type: 'numeric',
    text: NUMERIC_TEXT,
    options: [{ text: '80', correct: true, tolerance: 0.5 }],
  },
];

export interface QuestionTypesWorld extends LearningWorld {
  typesCourse: { id: string; quizId: string; quizTitle: string };
}

/**
 * The learning world plus a course whose practice quiz (answers shown at once) holds one
 * matching, one ordering, one short-answer and one numeric question; the learner is enrolled.
 */
export async function createQuestionTypesWorld(state: E2eState): Promise<QuestionTypesWorld> {
  const world = await createLearningWorld(state);
  const quizTitle = 'Luyện tập các dạng câu hỏi';
  const course = await publishOneLessonCourse(
    state,
    world,
    {
      code: `QT-${randomBytes(4).toString('hex').toUpperCase()}`,
      title: 'Nền tảng số dùng chung',
      lessonTitle: 'Bài 1. Các nền tảng số',
      content: 'Nội dung về **nền tảng số**.',
    },
    async (trainer, courseId) => {
      const quiz = await trainer.post<{ id: string }>(`/courses/${courseId}/quizzes`, {
        title: quizTitle,
        kind: 'practice',
        passingScore: 50,
        shuffle: true,
      });
      for (const q of QUESTIONS) await trainer.post(`/quizzes/${quiz.id}/questions`, q);
      return quiz.id;
    },
  );
  return {
    ...world,
    typesCourse: { id: course.id, quizId: course.quizzes as string, quizTitle },
  };
}
