import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import type { Person, SeededQuestion } from './learning-world';

/** A published course whose final quiz draws 2 of 4 questions, and a learner enrolled on it. */
export interface ReviewWorld {
  learner: Person;
  courseId: string;
  quizId: string;
  questions: SeededQuestion[];
}

const POOL: SeededQuestion[] = [
  {
    text: 'Chữ ký số dùng để làm gì trên văn bản điện tử?',
    correct: 'Xác thực người ký và bảo đảm văn bản không bị sửa',
    wrong: ['Trang trí văn bản', 'Nén dung lượng tệp'],
    explanation: 'Giải thích E2E: chữ ký số xác thực người ký và tính toàn vẹn của văn bản.',
  },
  {
    text: 'Ngày Chuyển đổi số quốc gia là ngày nào?',
    correct: '10 tháng 10',
    wrong: ['2 tháng 9', '1 tháng 6'],
    explanation: 'Giải thích E2E: ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia.',
  },
  {
    text: 'Mật khẩu nào sau đây mạnh nhất?',
    correct: 'Gồm chữ hoa, chữ thường, số, ký tự đặc biệt và dài từ 12 ký tự',
    wrong: ['Ngày sinh của bản thân', 'Tên đăng nhập viết ngược'],
    explanation: 'Giải thích E2E: mật khẩu dài, đủ loại ký tự thì khó đoán.',
  },
  {
    text: 'Dữ liệu có giá trị khi đáp ứng yêu cầu nào?',
    correct: 'Đúng, đủ, sạch, sống',
    wrong: ['Được in ra giấy', 'Được lưu trên máy cá nhân'],
    explanation: 'Giải thích E2E: dữ liệu cần đúng, đủ, sạch, sống.',
  },
];

/** Made through the API: a unit, its trainer and learner, the course, the enrolment. */
export async function createReviewWorld(state: E2eState): Promise<ReviewWorld> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const unit = await admin.post<{ id: string }>('/org-units', {
    code: `E2R-${suffix.toUpperCase()}`,
    name: `Sở Nội vụ (thử nghiệm đáp án ${suffix})`,
    parentId: me.orgUnitId,
  });
  const people: Record<'trainer' | 'learner', Person> = {
    trainer: {
      username: `trainer.r${suffix}`,
      password: `Dx!9r${suffix}Aa1`,
      fullName: 'Lê Thị Ra Đề',
    },
    learner: {
      username: `learner.r${suffix}`,
      password: `Dx!9l${suffix}Aa1`,
      fullName: 'Phạm Văn Dự Thi',
    },
  };
  for (const [role, who] of Object.entries(people)) {
    await admin.post('/users', {
      ...who,
      orgUnitId: unit.id,
      dxRole: 'part_time',
      roles: role === 'trainer' ? ['learner', 'trainer'] : ['learner'],
    });
  }

  const trainer = await ApiClient.login(
    state.baseUrl,
    people.trainer.username,
    people.trainer.password,
  );
  const course = await trainer.post<{ id: string }>('/courses', {
    code: `DA-${suffix.toUpperCase()}`,
    title: 'Kiểm tra có chứng nhận',
    description: 'Khóa học thử nghiệm chính sách hiển thị đáp án.',
    hours: 1,
  });
  const mod = await trainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1',
  });
  await trainer.post(`/modules/${mod.id}/lessons`, {
    title: 'Bài 1. Tổng quan',
    kind: 'text',
    content: '# Tổng quan\n\nNội dung thử nghiệm.',
    durationMinutes: 5,
  });
  // No reviewPolicy sent: a final defaults to "after passing".
  const quiz = await trainer.post<{ id: string }>(`/courses/${course.id}/quizzes`, {
    title: 'Bài thi cuối khóa',
    kind: 'final',
    passingScore: 100,
    maxAttempts: 3,
    questionsPerAttempt: 2,
  });
  for (const q of POOL) {
    await trainer.post(`/quizzes/${quiz.id}/questions`, {
      type: 'single',
      text: q.text,
      options: [
        { text: q.correct, correct: true },
        ...q.wrong.map((text) => ({ text, correct: false })),
      ],
      explanation: q.explanation,
    });
  }
  await trainer.post(`/courses/${course.id}/publish`);

  const learner = await ApiClient.login(
    state.baseUrl,
    people.learner.username,
    people.learner.password,
  );
  await learner.post(`/courses/${course.id}/enroll`);
  return { learner: people.learner, courseId: course.id, quizId: quiz.id, questions: POOL };
}
