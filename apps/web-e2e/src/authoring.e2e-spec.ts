import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { createLearningWorld } from './support/learning-world';
import {
  knowsApiSentence,
  languageProblems,
  waitUntil,
  watchApiMessages,
} from './support/page-quality';

const COURSE = 'Kỹ năng số cho công chức cấp xã';
const READING = 'Bài 1. Dữ liệu số là gì?';
const VIDEO = 'Bài 2. Video hướng dẫn dịch vụ công';

/** A GIFT file whose questions on lines 1, 3 and 5 cannot be imported. */
const BAD_GIFT = [
  '::E1:: Trình bày lợi ích của chuyển đổi số {}',
  '',
  '::N1:: Cả nước có bao nhiêu tỉnh, thành phố sau sắp xếp? {#ba mươi tư}',
  '',
  '::M1:: Ghép đúng thủ đô {=Hà Nội -> Việt Nam =Viêng Chăn}',
].join('\n');

/** The one module's add-lesson form (the editor has one module in this test). */
const addForm = (page: Page) =>
  page.locator('form.add-form').filter({ hasText: 'Tên bài học mới' });

describe('authoring a course', () => {
  const suite = browserSuite(createLearningWorld);

  it('adds a reading lesson and a video lesson directly, with errors beside their fields, then publishes and discards a draft', () =>
    screenshotOnFailure(
      () => suite.page,
      'authoring',
      async () => {
        const page = await suite.openPage();
        await loginAs(page, suite.world.trainer);
        await page.goto('/authoring');

        const code = `KN-${randomBytes(3).toString('hex').toUpperCase()}`;
        await page.getByLabel('Mã khóa học').fill(code);
        await page.getByLabel('Tên khóa học').fill(COURSE);
        await page.getByRole('button', { name: 'Tạo khóa học' }).click();
        await page.getByRole('heading', { level: 1, name: new RegExp(COURSE) }).waitFor();

        await page.getByLabel('Tên chương mới').fill('Chương 1. Dữ liệu');
        await page.getByRole('button', { name: 'Thêm chương' }).click();
        const form = addForm(page);
        await form.waitFor();

        // A reading lesson ("Bài đọc", the default) without content: said beside the field.
        await form.getByLabel('Tên bài học mới').fill(READING);
        await form.getByRole('button', { name: 'Thêm bài học' }).click();
        await form.getByText('Bài đọc cần có nội dung (Markdown).').waitFor();
        await form
          .getByLabel('Nội dung (Markdown)')
          .fill('## Dữ liệu số\n\nDữ liệu số là **tài nguyên** của cơ quan nhà nước.');
        // The preview is the learners' rendering.
        await form.getByRole('button', { name: 'Xem trước' }).click();
        await form.locator('.markdown-preview strong').filter({ hasText: 'tài nguyên' }).waitFor();
        await form.getByRole('button', { name: 'Quay lại soạn' }).click();
        await form.getByRole('button', { name: 'Thêm bài học' }).click();
        await page.locator('details.editor-item summary').filter({ hasText: READING }).waitFor();

        // A video lesson: the form asks for an https address, nothing else.
        await form.getByLabel('Loại bài học').selectOption({ label: 'Video' });
        await form.getByLabel('Tên bài học mới').fill(VIDEO);
        await form.getByLabel('Địa chỉ video (https)').fill('http://video.example.gov.vn/dvc.mp4');
        await form.getByRole('button', { name: 'Thêm bài học' }).click();
        await form
          .getByText('Địa chỉ video phải bắt đầu bằng https://', { exact: false })
          .waitFor();
        await form
          .getByLabel('Địa chỉ video (https)')
          .fill('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
        await form.getByRole('button', { name: 'Thêm bài học' }).click();
        await page.locator('details.editor-item summary').filter({ hasText: VIDEO }).waitFor();
        expect(await page.getByText(/needs|must be|https:\/\/ URL/).count()).toBe(0);

        // Publishing asks first and lists what learners will see.
        await page.getByRole('button', { name: 'Xuất bản khóa học' }).click();
        const dialog = page.getByRole('dialog', { name: 'Xuất bản phiên bản 1?' });
        await dialog.getByText('Chương 1. Dữ liệu').waitFor();
        await dialog.getByText('2 bài học').waitFor();
        await dialog.getByRole('button', { name: 'Xuất bản khóa học' }).click();
        await page.getByText('Đã xuất bản phiên bản 1.').waitFor();

        // An edit opens draft 2: the "published" message goes, discarding brings v1 back.
        const info = page.getByLabel('Tên khóa học');
        await info.fill(`${COURSE} (bản sửa)`);
        await page.getByRole('button', { name: 'Lưu', exact: true }).click();
        await page.getByText('Bạn đang sửa bản nháp phiên bản 2.', { exact: false }).waitFor();
        expect(await page.getByText('Đã xuất bản phiên bản 1.').count()).toBe(0);
        page.once('dialog', (d) => void d.accept());
        await page.getByRole('button', { name: 'Hủy bản nháp' }).click();
        await page.getByText('Đã hủy bản nháp.', { exact: false }).waitFor();
        await page.getByRole('heading', { level: 1, name: new RegExp(`^${COURSE}`) }).waitFor();
        expect(await page.getByRole('heading', { level: 1, name: /bản sửa/ }).count()).toBe(0);

        // Preview as a learner: the reading lesson rendered, then the video.
        await page.getByRole('link', { name: 'Xem trước như học viên' }).click();
        await page.locator('.lesson-content strong').filter({ hasText: 'tài nguyên' }).waitFor();
        await page.getByRole('button', { name: VIDEO }).click();
        await page.getByRole('heading', { level: 2, name: VIDEO }).waitFor();
      },
    ));

  it('refuses a question file with bad rows and says, in Vietnamese, what is wrong on each', () =>
    screenshotOnFailure(
      () => suite.page,
      'authoring-import-errors',
      async () => {
        const page = await suite.openPage();
        const seen = watchApiMessages(page);
        await loginAs(page, suite.world.trainer);
        await page.goto('/authoring/banks');
        const bank = `Ngân hàng nhập thử ${randomBytes(2).toString('hex')}`;
        await page.getByLabel('Tên ngân hàng').fill(bank);
        await page.getByRole('button', { name: 'Tạo ngân hàng' }).click();
        await page.getByRole('heading', { level: 1, name: bank }).waitFor();
        await page.getByLabel('Tệp câu hỏi (XLSX theo mẫu hoặc GIFT)').setInputFiles({
          name: 'cau-hoi.gift',
          mimeType: 'text/plain',
          buffer: Buffer.from(BAD_GIFT),
        });
        await page.getByRole('button', { name: 'Nhập câu hỏi' }).click();
        const refusal = page.getByRole('alert').filter({ hasText: 'Chưa nhập câu hỏi nào.' });
        await refusal.waitFor();
        // The check knows the parser's sentences and reads class-validator's from the answer.
        expect(
          knowsApiSentence('an essay question (empty answer block) cannot be graded here'),
        ).toBe(true);
        await waitUntil(() => [...seen].some((m) => m.includes('needs its match')));
        expect(await languageProblems(page, seen)).toEqual([]);
        expect(await refusal.locator('li').allInnerTexts()).toEqual([
          'Dòng 1, cột gift: Câu hỏi tự luận (phần đáp án trống) không chấm tự động được.',
          'Dòng 3, cột gift: “ba mươi tư” không phải là số.',
          'Dòng 5, cột options: Đáp án không phù hợp với loại câu hỏi.',
        ]);
      },
    ));
});
