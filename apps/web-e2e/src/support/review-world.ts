import { Workbook } from 'exceljs';
import { randomBytes } from 'node:crypto';
import { ApiClient } from './api-client';
import type { E2eState } from './e2e-env';
import type { Person, SeededQuestion } from './learning-world';

/** A trainer's draft course with an empty final quiz, the question bank they keep in Excel, a learner. */
export interface ReviewWorld {
  trainer: Person;
  learner: Person;
  courseId: string;
  quizId: string;
  quizTitle: string;
  /** The 30 questions of `bankXlsx`, the first option of each the right one. */
  questions: SeededQuestion[];
  bankXlsx: Buffer;
}

const PROVINCES = [
  'Hà Nội',
  'Huế',
  'Đà Nẵng',
  'Cần Thơ',
  'Hải Phòng',
  'Lạng Sơn',
  'Tuyên Quang',
  'Lào Cai',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Quảng Trị',
  'Quảng Ngãi',
  'Gia Lai',
  'Khánh Hòa',
  'Lâm Đồng',
  'Đắk Lắk',
  'Đồng Nai',
  'Tây Ninh',
  'Vĩnh Long',
  'Đồng Tháp',
  'Cà Mau',
  'An Giang',
  'Cao Bằng',
  'Điện Biên',
  'Lai Châu',
  'Sơn La',
  'Nghệ An',
];

/** The bank category every row of `bankXlsx` names. */
export const BANK_CATEGORY = 'Dịch vụ công trực tuyến';

/** Thirty distinct questions: "Đơn vị số N …", right answer first (the import shuffles nothing). */
function bank(): SeededQuestion[] {
  return PROVINCES.map((name, i) => ({
    text: `Câu ${i + 1}: Cổng dịch vụ công của ${name} kết nối với hệ thống nào?`,
    correct: `Cổng Dịch vụ công quốc gia (${name})`,
    wrong: [`Mạng xã hội (${name})`, `Thư điện tử cá nhân (${name})`],
    explanation: `Giải thích E2E ${i + 1}: ${name} dùng chung Cổng Dịch vụ công quốc gia.`,
  }));
}

async function bankWorkbook(questions: SeededQuestion[]): Promise<Buffer> {
  const wb = new Workbook();
  const sheet = wb.addWorksheet('Ngân hàng câu hỏi');
  sheet.addRow([
    'externalId',
    'type',
    'text',
    'option1',
    'option2',
    'option3',
    'correct',
    'explanation',
    'category',
  ]);
  questions.forEach((q, i) =>
    sheet.addRow([
      `E2E-${i + 1}`,
      'single',
      q.text,
      q.correct,
      ...q.wrong,
      '1',
      q.explanation,
      BANK_CATEGORY,
    ]),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Made through the API: a unit, its trainer and learner, a draft course with an empty final. */
export async function createReviewWorld(state: E2eState): Promise<ReviewWorld> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const unit = await admin.post<{ id: string }>('/org-units', {
    code: `E2R-${suffix.toUpperCase()}`,
    name: `Sở Nội vụ (thử nghiệm đáp án ${suffix})`,
    parentId: me.orgUnitId,
  });
  const trainer = {
    username: `trainer.r${suffix}`,
    password: `Dx!9r${suffix}Aa1`,
    fullName: 'Lê Thị Ra Đề',
  };
  const learner = {
    username: `learner.r${suffix}`,
    password: `Dx!9l${suffix}Aa1`,
    fullName: 'Phạm Văn Dự Thi',
  };
  for (const [who, roles] of [
    [trainer, ['learner', 'trainer']],
    [learner, ['learner']],
  ] as const) {
    await admin.post('/users', { ...who, orgUnitId: unit.id, dxRole: 'part_time', roles });
  }

  const asTrainer = await ApiClient.login(state.baseUrl, trainer.username, trainer.password);
  const course = await asTrainer.post<{ id: string }>('/courses', {
    code: `DA-${suffix.toUpperCase()}`,
    title: 'Kiểm tra có chứng nhận',
    description: 'Khóa học thử nghiệm chính sách hiển thị đáp án.',
    hours: 1,
  });
  const mod = await asTrainer.post<{ id: string }>(`/courses/${course.id}/modules`, {
    title: 'Chương 1',
  });
  await asTrainer.post(`/modules/${mod.id}/lessons`, {
    title: 'Bài 1. Tổng quan',
    kind: 'text',
    content: '# Tổng quan\n\nNội dung thử nghiệm.',
    durationMinutes: 5,
  });
  // No reviewPolicy sent: a final defaults to "after passing".
  const quizTitle = 'Bài thi cuối khóa';
  const quiz = await asTrainer.post<{ id: string }>(`/courses/${course.id}/quizzes`, {
    title: quizTitle,
    kind: 'final',
    passingScore: 100,
    maxAttempts: 3,
  });
  const questions = bank();
  return {
    trainer,
    learner,
    courseId: course.id,
    quizId: quiz.id,
    quizTitle,
    questions,
    bankXlsx: await bankWorkbook(questions),
  };
}
