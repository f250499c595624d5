import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import { createLearningWorld, type LearningWorld } from './learning-world';

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

export interface QuestionTypesWorld extends LearningWorld {
  typesCourse: { id: string; quizId: string; quizTitle: string };
}

/**
 * The learning world plus a course whose practice quiz (answers shown at once) holds one
 * matching, one ordering, one short-answer and one numeric question; the learner is enrolled.
 */
export async function createQuestionTypesWorld(state: E2eState): Promise<QuestionTypesWorld> {
  const world = await createLearningWorld(state);
  const trainer = await ApiClient.login(
    state.baseUrl,
    world.trainer.username,
    world.trainer.password,
  );
  const code = `QT-${randomBytes(4).toString('hex').toUpperCase()}`;
  const course = await trainer.post<{ id: string }>('/courses', {
    code,
    title: 'Nền tảng số dùng chung',
    hours: 1,
  });
  const mod = await trainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1',
  });
  await trainer.post(`/modules/${mod.id}/lessons`, {
    title: 'Bài 1. Các nền tảng số',
    kind: 'text',
    content: 'Nội dung về **nền tảng số**.',
    durationMinutes: 5,
  });
  const quizTitle = 'Luyện tập các dạng câu hỏi';
  const quiz = await trainer.post<{ id: string }>(`/courses/${course.id}/quizzes`, {
    title: quizTitle,
    kind: 'practice',
    passingScore: 50,
    shuffle: true,
  });
  const questions = [
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
  for (const q of questions) await trainer.post(`/quizzes/${quiz.id}/questions`, q);
  await trainer.post(`/courses/${course.id}/publish`);
  const learner = await ApiClient.login(
    state.baseUrl,
    world.learner.username,
    world.learner.password,
  );
  await learner.post(`/courses/${course.id}/enroll`);
  return { ...world, typesCourse: { id: course.id, quizId: quiz.id, quizTitle } };
}
