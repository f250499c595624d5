import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs, type Credentials } from './support/learner-session';
import {
  COURSE_WITH_QUIZ,
  COURSE_WITHOUT_QUIZ,
  createLearningWorld,
  type LearningWorld,
} from './support/learning-world';

interface AdminWorld extends LearningWorld {
  admin: Credentials;
  /** The unit at the top of the sysadmin's scope, parent of the world's unit. */
  rootName: string;
  unitName: string;
  hr: Credentials;
  /** Someone of the world's unit who asked for their personal data to be erased. */
  leaving: { username: string; fullName: string };
}

async function createAdminWorld(state: Parameters<typeof createLearningWorld>[0]) {
  const world = await createLearningWorld(state);
  const admin = { username: state.adminUsername, password: state.adminPassword };
  const api = await ApiClient.login(state.baseUrl, admin.username, admin.password);
  const unit = await api.get<{ name: string; parentId: string }>(`/org-units/${world.orgUnitId}`);
  const root = await api.get<{ name: string }>(`/org-units/${unit.parentId}`);
  const suffix = randomBytes(4).toString('hex');
  const hr = {
    username: `hr.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
  };
  const leaving = { username: `roi.${suffix}`, fullName: 'Phạm Văn Rời' };
  for (const [who, fullName, roles] of [
    [hr, 'Lê Thị Nhân Sự', ['learner', 'hr']],
    [{ ...leaving, password: hr.password }, leaving.fullName, ['learner']],
  ] as const) {
    await api.post('/users', {
      username: who.username,
      password: who.password,
      fullName,
      orgUnitId: world.orgUnitId,
      dxRole: 'part_time',
      roles,
    });
  }
  return { ...world, admin, rootName: root.name, unitName: unit.name, hr, leaving };
}

async function openAdmin(page: Page, screen: string, heading: string | RegExp) {
  await page
    .getByRole('navigation', { name: 'Điều hướng chính' })
    .getByRole('link', { name: 'Quản trị' })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Quản trị' }).waitFor();
  await page.getByRole('link', { name: screen, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Each journey is a dozen pages and requests: minutes on a machine shared by many runs. */
const JOURNEY_TIMEOUT = 180_000;

describe('administration screens', () => {
  const suite = browserSuite<AdminWorld>(createAdminWorld);

  it(
    'a sysadmin adds a unit under another, finds it in the tree, schedules and cancels its merge',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'admin-units',
        async () => {
          const page = await suite.openPage();
          const { admin, rootName, unitName } = suite.world;
          await loginAs(page, admin);
          await openAdmin(page, 'Đơn vị', 'Đơn vị');

          const form = page.getByRole('region', { name: 'Thêm đơn vị' });
          await form.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
          await form.getByRole('button', { name: `Xem các đơn vị trực thuộc ${rootName}` }).click();
          await form.getByRole('button', { name: `Chọn ${unitName}` }).click();
          await form.getByTestId('picked-unit').filter({ hasText: unitName }).waitFor();
          const code = `XA-${randomBytes(3).toString('hex').toUpperCase()}`;
          const name = `Ủy ban nhân dân xã Thử Nghiệm ${code}`;
          await form.getByLabel('Mã đơn vị').fill(code);
          await form.getByLabel('Tên đơn vị').fill(name);
          await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
          await form.getByText(`Đã thêm đơn vị ${name}.`).waitFor();

          // The same code again: refused next to the field, in Vietnamese.
          await form.getByLabel('Mã đơn vị').fill(code);
          await form.getByLabel('Tên đơn vị').fill(`${name} (bản sao)`);
          await form.getByRole('button', { name: 'Thêm đơn vị' }).click();
          await form
            .locator('.field__hint--error')
            .filter({ hasText: 'Đã được sử dụng.' })
            .waitFor();
          expect(await form.getByLabel('Mã đơn vị').getAttribute('aria-invalid')).toBe('true');

          await page.getByRole('button', { name: `Mở các đơn vị trực thuộc ${rootName}` }).click();
          await page.getByRole('button', { name: `Mở các đơn vị trực thuộc ${unitName}` }).click();
          await page.locator('.unit-tree__name').filter({ hasText: name }).waitFor();

          // The tree's merge controls: schedule a merge into the parent a month ahead, see it
          // pending on the unit, then cancel it.
          await page.getByRole('button', { name: `Sáp nhập ${name} vào đơn vị khác` }).click();
          const dialog = page.getByRole('dialog', { name: `Sáp nhập ${name}` });
          await dialog.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
          await dialog
            .getByRole('button', { name: `Xem các đơn vị trực thuộc ${rootName}` })
            .click();
          await dialog.getByRole('button', { name: `Chọn ${unitName}` }).click();
          const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
          await dialog.getByLabel('Ngày có hiệu lực').fill(later);
          await dialog.getByRole('button', { name: 'Lên lịch sáp nhập' }).click();
          const [y, m, d] = later.split('-');
          await page
            .getByTestId('pending-merge')
            .filter({ hasText: `Sẽ sáp nhập vào ${unitName} từ ${d}/${m}/${y}` })
            .waitFor();
          await page.getByRole('button', { name: `Hủy lịch sáp nhập của ${name}` }).click();
          await page.getByRole('button', { name: 'Xác nhận hủy lịch' }).click();
          await page.getByRole('button', { name: `Sáp nhập ${name} vào đơn vị khác` }).waitFor();
        },
      ),
    JOURNEY_TIMEOUT,
  );

  it(
    'a trainer builds a curriculum of two courses, orders them and publishes it',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'admin-curricula',
        async () => {
          const page = await suite.openPage();
          await loginAs(page, suite.world.trainer);
          await openAdmin(page, 'Chương trình bồi dưỡng', 'Quản lý chương trình bồi dưỡng');

          const title = 'Chương trình bồi dưỡng cán bộ chuyên trách cấp xã';
          await page.getByLabel('Mã chương trình').fill(`CT-${randomBytes(3).toString('hex')}`);
          await page.getByLabel('Số giờ cần đạt mỗi năm').fill('4');
          await page.getByLabel('Tên chương trình').fill(title);
          await page.getByRole('button', { name: 'Tạo chương trình' }).click();
          await page.getByRole('heading', { level: 1, name: title }).waitFor();
          await page.getByText('Chương trình chưa có khóa học nào.').waitFor();

          const search = page.getByLabel('Thêm khóa học đã xuất bản');
          for (const course of [COURSE_WITHOUT_QUIZ, COURSE_WITH_QUIZ]) {
            await search.fill(course);
            await page.getByRole('button', { name: `Thêm ${course} vào chương trình` }).click();
            await page.locator('.curriculum-courses').getByText(course).waitFor();
          }
          await page.getByText('2 khóa học, tổng 4 giờ.').waitFor();
          await page.getByRole('button', { name: `Đưa ${COURSE_WITH_QUIZ} lên trước` }).click();
          await page
            .locator('.curriculum-courses__item')
            .first()
            .filter({ hasText: COURSE_WITH_QUIZ })
            .waitFor();

          await page.getByRole('button', { name: 'Xuất bản' }).click();
          await page.locator('.tag').filter({ hasText: 'Đã xuất bản' }).waitFor();
          await page.reload();
          await page
            .locator('.curriculum-courses__item')
            .first()
            .filter({ hasText: COURSE_WITH_QUIZ })
            .waitFor();
        },
      ),
    JOURNEY_TIMEOUT,
  );

  it(
    'HR erases a person at their request after typing the username again',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'admin-privacy',
        async () => {
          const page = await suite.openPage();
          const { hr, leaving } = suite.world;
          await loginAs(page, hr);
          await openAdmin(page, 'Dữ liệu cá nhân', 'Yêu cầu về dữ liệu cá nhân');
          await page.getByLabel('Tìm người').fill(leaving.username);
          await page.getByRole('button', { name: `Xóa dữ liệu: ${leaving.fullName}` }).click();
          const dialog = page.getByRole('dialog', {
            name: `Xóa dữ liệu cá nhân của ${leaving.fullName}`,
          });
          await dialog.getByLabel(/Nhập lại tên đăng nhập/).fill('nguoi-khac');
          await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
          await dialog.getByText('Tên đăng nhập nhập lại không khớp.').waitFor();
          await dialog.getByLabel(/Nhập lại tên đăng nhập/).fill(leaving.username);
          await dialog.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
          await page.getByText(`Đã xóa dữ liệu cá nhân của ${leaving.fullName}.`).waitFor();
          await page.getByText('Không tìm thấy ai trong phạm vi của bạn.').waitFor();
        },
      ),
    JOURNEY_TIMEOUT,
  );

  it(
    'the sysadmin finds the publication in the audit log, filtered by action',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'admin-audit',
        async () => {
          const page = await suite.openPage();
          await loginAs(page, suite.world.admin);
          await openAdmin(page, 'Nhật ký quản trị', 'Nhật ký quản trị');
          // Exact: each row's "Chỉ xem thao tác của …" button also has the word in its label.
          await page
            .getByLabel('Thao tác', { exact: true })
            .selectOption({ label: 'Xóa người dùng và dữ liệu cá nhân' });
          await page.getByRole('button', { name: 'Lọc', exact: true }).click();
          const rows = page.getByRole('region', { name: 'Các mục nhật ký' }).locator('tbody tr');
          await rows.filter({ hasText: suite.world.hr.username }).first().waitFor();
          for (const text of await rows.allInnerTexts()) {
            expect(text).toContain('Xóa người dùng và dữ liệu cá nhân');
          }
        },
      ),
    JOURNEY_TIMEOUT,
  );
});
