import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import {
  axeViolations,
  languageProblems,
  waitUntil,
  watchApiMessages,
} from './support/page-quality';
import { createPeopleWorld } from './support/people-world';

/** Today and yesterday in Vietnam, as the date inputs take them (yyyy-MM-dd). */
function vietnamDay(daysAgo: number): string {
  const at = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at);
}

/** Opens a row's dialog by its button, checks it with axe, and returns it. */
async function openDialog(page: Page, button: string, title: string): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: title, exact: true });
  await dialog.waitFor();
  expect(await axeViolations(page)).toEqual([]);
  return dialog;
}

describe('people dialogs', () => {
  const suite = browserSuite(createPeopleWorld, 60_000);

  it(
    'HR adds a person, edits them, transfers them (refused before they joined) and deactivates them',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'people-dialogs',
        async () => {
          const page = await suite.openPage();
          const { hr, unit, child, suffix } = suite.world;
          await loginAs(page, hr);
          await page.goto('/admin/people');
          await page.getByRole('heading', { level: 1, name: 'Người dùng', exact: true }).waitFor();

          // Escape closes a dialog and gives focus back to the button that opened it.
          const opener = page.getByRole('button', { name: 'Thêm người dùng', exact: true });
          let dialog = await openDialog(page, 'Thêm người dùng', 'Thêm người dùng');
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);

          // Create: a malformed username and a short password are refused beside their fields.
          dialog = await openDialog(page, 'Thêm người dùng', 'Thêm người dùng');
          const fullName = `Vũ Văn Mới ${suffix}`;
          const username = `vu.van.moi.${suffix}`;
          await dialog.getByLabel('Họ và tên', { exact: true }).fill(fullName);
          await dialog.getByLabel('Tên đăng nhập', { exact: true }).fill('Vũ Mới');
          await dialog.getByLabel('Mật khẩu đầu tiên', { exact: true }).fill('ngắn');
          await dialog.getByRole('button', { name: 'Thêm người dùng', exact: true }).click();
          const usernameField = dialog.getByLabel('Tên đăng nhập', { exact: true });
          await dialog.getByText('Không đúng định dạng.', { exact: true }).waitFor();
          expect(await usernameField.getAttribute('aria-invalid')).toBe('true');
          expect(
            await dialog
              .getByLabel('Mật khẩu đầu tiên', { exact: true })
              .getAttribute('aria-invalid'),
          ).toBe('true');
          await dialog.getByTestId('picked-unit').filter({ hasText: unit.name }).waitFor();
          await usernameField.fill(username);
          await dialog.getByLabel('Mật khẩu đầu tiên', { exact: true }).fill('Mat-khau-dau-tien-1');
          await dialog.getByRole('button', { name: 'Thêm người dùng', exact: true }).click();
          await dialog.waitFor({ state: 'detached' });

          await page.getByLabel('Tìm theo họ tên hoặc tên đăng nhập').fill(username);
          const row = page.locator('tbody tr').filter({ hasText: username });
          await row.getByText(fullName, { exact: true }).waitFor();
          await row.getByText('Học viên', { exact: true }).waitFor();

          // Edit: a corrected name, an email, and the trainer role as well.
          const newName = `Vũ Văn Đã Sửa ${suffix}`;
          dialog = await openDialog(
            page,
            `Sửa thông tin của ${fullName}`,
            `Sửa thông tin của ${fullName}`,
          );
          await dialog.getByLabel('Họ và tên', { exact: true }).fill(newName);
          await dialog
            .getByLabel('Thư điện tử', { exact: true })
            .fill(`${username}@example.gov.vn`);
          await dialog
            .getByLabel('Vị trí chuyển đổi số', { exact: true })
            .selectOption('full_time');
          await dialog.getByLabel('Giảng viên', { exact: true }).check();
          // The national ID number: refused beside its field until it has 12 digits.
          const nationalIdField = dialog.getByLabel('Số định danh cá nhân (CCCD)', {
            exact: true,
          });
          await nationalIdField.fill('12345');
          await dialog.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
          await dialog.getByText('Không đúng định dạng.', { exact: true }).waitFor();
          expect(await nationalIdField.getAttribute('aria-invalid')).toBe('true');
          const nationalId = String(Math.floor(Math.random() * 1e12)).padStart(12, '0');
          await nationalIdField.fill(nationalId);
          await dialog.getByRole('button', { name: 'Lưu thay đổi', exact: true }).click();
          await dialog.waitFor({ state: 'detached' });
          await row.getByText(newName, { exact: true }).waitFor();
          await row.getByText('Học viên, Giảng viên', { exact: true }).waitFor();
          // HR finds it again when editing next time.
          dialog = await openDialog(
            page,
            `Sửa thông tin của ${newName}`,
            `Sửa thông tin của ${newName}`,
          );
          expect(
            await dialog.getByLabel('Số định danh cá nhân (CCCD)', { exact: true }).inputValue(),
          ).toBe(nationalId);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });

          // Transfer: a day before they joined is refused with the translated reason.
          dialog = await openDialog(
            page,
            `Điều chuyển ${newName} sang đơn vị khác`,
            `Điều chuyển ${newName}`,
          );
          await dialog.getByRole('button', { name: 'Chọn đơn vị khác', exact: true }).click();
          await dialog
            .getByRole('button', { name: `Xem các đơn vị trực thuộc ${unit.name}`, exact: true })
            .click();
          await dialog.getByRole('button', { name: `Chọn ${child.name}`, exact: true }).click();
          await dialog.getByTestId('picked-unit').filter({ hasText: child.name }).waitFor();
          const dateField = dialog.getByLabel('Ngày bắt đầu ở đơn vị mới', { exact: true });
          await dateField.fill(vietnamDay(1));
          await dialog.getByRole('button', { name: 'Điều chuyển', exact: true }).click();
          const [y, m, d] = vietnamDay(0).split('-');
          await dialog
            .getByText(
              `Ngày hiệu lực không được trước ngày người này bắt đầu ở đơn vị hiện tại (${d}/${m}/${y}).`,
              { exact: true },
            )
            .waitFor();
          expect(await dateField.getAttribute('aria-invalid')).toBe('true');
          await dateField.fill(vietnamDay(0));
          await dialog.getByRole('button', { name: 'Điều chuyển', exact: true }).click();
          await dialog.waitFor({ state: 'detached' });
          const asHr = await ApiClient.login(suite.state.baseUrl, hr.username, hr.password);
          const inChild = await asHr.get<{ items: { username: string }[] }>(
            `/users?orgUnitId=${child.id}&q=${username}`,
          );
          expect(inChild.items.map((p) => p.username)).toEqual([username]);

          // Deactivate after a confirmation; the row says the account is locked.
          dialog = await openDialog(
            page,
            `Khóa tài khoản của ${newName}`,
            `Khóa tài khoản của ${newName}`,
          );
          await dialog.getByRole('button', { name: 'Khóa tài khoản', exact: true }).click();
          await dialog.waitFor({ state: 'detached' });
          await row.getByText('Đã khóa', { exact: true }).waitFor();
          await row
            .getByRole('button', { name: `Mở lại tài khoản của ${newName}`, exact: true })
            .waitFor();
        },
      ),
    180_000,
  );

  it(
    'HR is told the slips are ready, downloads them from the notice, and reads a person’s sent-log',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'people-notices',
        async () => {
          const page = await suite.openPage();
          const { hr, unit } = suite.world;
          await loginAs(page, hr);
          await page.goto('/admin/people');
          await page.getByRole('button', { name: 'In phiếu kích hoạt', exact: true }).click();
          await page.getByText(/^Đã cấp mã cho \d+ người/).waitFor({ timeout: 60_000 });

          // The notice of the finished job leads to a page where its files are downloaded.
          await page.goto('/notifications');
          const title = `Phiếu kích hoạt tài khoản của ${unit.name} đã sẵn sàng`;
          await page.getByRole('link', { name: title, exact: true }).click();
          await page.waitForURL((url) =>
            /^\/files\/activation-slips\/[0-9a-f-]{36}$/.test(url.pathname),
          );
          await page
            .getByRole('heading', { level: 1, name: 'Phiếu kích hoạt tài khoản', exact: true })
            .waitFor();
          const [download] = await Promise.all([
            page.waitForEvent('download', { timeout: 60_000 }),
            page.getByRole('button', { name: 'Tải phiếu (PDF)', exact: true }).click(),
          ]);
          const pdf = await readFile(await download.path());
          expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
          expect(await axeViolations(page)).toEqual([]);

          // The sent-log beside HR's own row: the notice, in the app only (no email), and
          // no reminder yet.
          await page.goto(`/admin/people`);
          await page.getByLabel('Tìm theo họ tên hoặc tên đăng nhập').fill(hr.username);
          await page
            .getByRole('button', { name: 'Thông báo đã gửi cho Đặng Thị Tổ Chức', exact: true })
            .click();
          await page.getByText('Chưa nhắc lần nào.', { exact: true }).waitFor();
          await page.getByText(`${title} (chỉ trong ứng dụng)`).waitFor();
        },
      ),
    180_000,
  );

  it(
    'HR imports a staff list with bad rows: the table says what is wrong with each, in Vietnamese only',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'people-import-errors',
        async () => {
          const page = await suite.openPage();
          const seen = watchApiMessages(page);
          const { hr, suffix } = suite.world;
          const unitCode = `NS-${suffix.toUpperCase()}`;
          await loginAs(page, hr);
          await page.goto('/admin/people');
          const fileInput = page.getByLabel('Tệp danh sách (CSV hoặc Excel)');
          const submit = page.getByRole('button', { name: 'Nhập danh sách', exact: true });

          // A header that is not the template refuses the whole file, naming each column.
          await fileInput.setInputFiles({
            name: 'sai-mau.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(
              `username,hoTen,orgUnitCode,dxRole\r\nnv.x.${suffix},X,${unitCode},không`,
            ),
          });
          await submit.click();
          const refused = page.getByRole('alert').filter({ hasText: 'Dữ liệu chưa hợp lệ:' });
          await refused.waitFor();
          expect(await refused.locator('li').allInnerTexts()).toEqual([
            'hoTen: Cột không có trong mẫu nhập.',
            'fullName: Thiếu cột bắt buộc này.',
          ]);

          const csv = [
            'username,fullName,orgUnitCode,dxRole,dateOfBirth',
            `nv.a.${suffix},Nguyễn Văn An,${unitCode},chuyên trách,`,
            `nv.a.${suffix},Nguyễn Văn An (lặp),${unitCode},không,`,
            `nv.b.${suffix},,${unitCode},không,`,
            `nv.c.${suffix},Trần Thị Cúc,KHONG-CO-DON-VI,không,`,
            `nv.d.${suffix},Lê Văn Dũng,${unitCode},thỉnh thoảng,`,
            `nv.e.${suffix},Phạm Thị Én,${unitCode},kiêm nhiệm,31/02/1990`,
          ].join('\r\n');
          await fileInput.setInputFiles({
            name: 'danh-sach.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(csv),
          });
          await submit.click();
          await page.getByText('Đã thêm 1, cập nhật 0 người; 5 dòng lỗi.').waitFor();
          // The answer's English row messages (read as it arrives) are nowhere on the page.
          await waitUntil(() => seen.has('fullName is required'));
          expect(await languageProblems(page, seen)).toEqual([]);
          const rows = page.getByRole('table', { name: 'Các dòng lỗi' }).locator('tbody tr');
          const cells = await rows.evaluateAll((trs) =>
            trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)),
          );
          expect(cells).toEqual([
            ['3', 'username', 'Trùng với dòng 2 của tệp.'],
            ['4', 'fullName', 'Không được để trống.'],
            ['5', 'orgUnitCode', 'Đơn vị không tồn tại.'],
            ['6', 'dxRole', 'Vị trí CĐS phải là “chuyên trách”, “kiêm nhiệm” hoặc “không”.'],
            [
              '7',
              'dateOfBirth',
              'Ngày sinh phải là ngày có thật, viết dạng dd/mm/yyyy hoặc YYYY-MM-DD.',
            ],
          ]);
        },
      ),
    180_000,
  );
});
