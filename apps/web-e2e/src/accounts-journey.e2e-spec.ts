/**
 * The accounts journey of issue #13 through the real web, API, worker, SMTP server and
 * OpenID provider: HR imports three newcomers and prints their activation slips; one
 * activates with the code on the slip and enrols in a course, one resets a forgotten
 * password through the mail, one signs on through the identity provider; HR then protects
 * their own account with a second factor. The steps run in order and share what they made.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
// Jest here has no moduleNameMapper: the lib is imported by path (as global setup does).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { OidcTestProvider } from '../../../libs/testing/src/oidc-provider';
import { codeOnSlip, slipsText } from './support/activation-slips';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs } from './support/learner-session';
import { COURSE_WITHOUT_QUIZ } from './support/learning-world';
import { mailsTo, waitForMail } from './support/mailbox';
import { createOnboardingWorld, staffListCsv } from './support/onboarding-world';
import { confirmTotpSetup, signInWithTotp, startTotpSetup } from './support/two-factor';

/** A password a person would choose: long, no composition rules (NIST SP 800-63B). */
const passphrase = () => `mùa lúa chín ở quê ${randomBytes(4).toString('hex')}`;

async function newPasswordAndSave(page: Page, password: string, submit: string) {
  await page.getByLabel('Mật khẩu mới').fill(password);
  await page.getByRole('button', { name: submit, exact: true }).click();
}

async function expectHomeOf(page: Page, fullName: string) {
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: `Xin chào, ${fullName}!` }).waitFor();
}

describe('accounts journey: import, slips, activation, reset by mail, sign-on, two-factor', () => {
  const suite = browserSuite(createOnboardingWorld, 120_000);
  /** Username → the code printed on that person's slip (filled by the first step). */
  const slipCodes = new Map<string, string>();
  const step = (name: string, run: () => Promise<void>) =>
    screenshotOnFailure(() => suite.page, `accounts-journey-${name}`, run);

  it(
    'HR imports a CSV of three people, prints the unit’s slips and reads each code off the PDF',
    () =>
      step('slips', async () => {
        const { hr, unit, newcomers } = suite.world;
        const p = await suite.openPage();
        await loginAs(p, hr);
        await p.goto('/admin/people');
        await p.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();

        // The template downloads as UTF-8 CSV with a BOM (Excel keeps the diacritics).
        const [template] = await Promise.all([
          p.waitForEvent('download'),
          p.getByRole('link', { name: 'Tải tệp mẫu', exact: true }).click(),
        ]);
        expect(template.suggestedFilename()).toBe('mau-nhap-nguoi-dung.csv');
        const templateText = (await readFile(await template.path())).toString('utf8');
        expect(templateText.split('\r\n')[0]).toBe(
          '\uFEFFusername,fullName,email,dateOfBirth,nationalId,orgUnitCode,jobTitle,dxRole',
        );
        expect(templateText).toContain('Nguyễn Văn Ấn');

        await p.getByLabel('Tệp danh sách (CSV hoặc Excel)').setInputFiles({
          name: 'danh-sach-can-bo.csv',
          mimeType: 'text/csv',
          buffer: staffListCsv(unit.code, newcomers),
        });
        await p.getByRole('button', { name: 'Nhập danh sách', exact: true }).click();
        await p.getByText('Đã thêm 3, cập nhật 0 người; 0 dòng lỗi.', { exact: true }).waitFor();

        // Without a unit picked, the slips are those of HR's own unit: the three newcomers
        // (the trainer, the learner and HR have passwords already).
        await p.getByRole('button', { name: 'In phiếu kích hoạt', exact: true }).click();
        await p.getByRole('progressbar', { name: 'Tiến độ in phiếu' }).waitFor();
        await p
          .getByText(/^Đã cấp mã cho 3 người; mã hết hạn sau ngày \d\d\/\d\d\/\d{4}\.$/)
          .waitFor({
            timeout: 45_000,
          });
        const [download] = await Promise.all([
          p.waitForEvent('download'),
          p.getByRole('button', { name: 'Tải phiếu (PDF)', exact: true }).click(),
        ]);
        const text = slipsText(await download.path());
        expect(text).toContain('PHIẾU KÍCH HOẠT TÀI KHOẢN');
        // A long unit name wraps onto a second line of the slip.
        expect(text.replace(/\s+/g, ' ')).toContain(unit.name);
        expect(text).toContain(`${suite.state.baseUrl}/activate`);
        for (const person of newcomers) {
          expect(text).toContain(person.fullName);
          slipCodes.set(person.username, codeOnSlip(text, person.username));
        }
        expect(new Set(slipCodes.values()).size).toBe(3);
        // Those with an email also get their slip's code by mail (issue #13), nothing more.
        for (const person of newcomers.filter((n) => n.email)) {
          const { text } = await waitForMail(suite.state, person.email, /^Mã kích hoạt/);
          expect(text).toContain(`Mã kích hoạt: ${slipCodes.get(person.username)}`);
          expect(text).toContain(`${suite.state.baseUrl}/activate`);
        }
      }),
    90_000,
  );

  it(
    'the first activates with the slip’s code, signs in with the new password and enrols',
    () =>
      step('activate', async () => {
        const [an] = suite.world.newcomers;
        const code = slipCodes.get(an.username);
        if (!code) throw new Error('the slips step did not read a code');
        const password = passphrase();
        const p = await suite.openPage();
        await p.goto('/login');
        await p.getByRole('link', { name: 'Kích hoạt tài khoản', exact: true }).click();
        await p.getByRole('heading', { level: 1, name: 'Kích hoạt tài khoản' }).waitFor();
        await p.getByLabel('Tên đăng nhập').fill(an.username);
        // A mistyped code: the refusal is under the code's input, which takes the focus.
        await p.getByLabel('Mã kích hoạt').fill('0000-0000-0000-0000');
        await newPasswordAndSave(p, password, 'Kích hoạt');
        const codeInput = p.locator('#activate-code[aria-invalid="true"]');
        await codeInput.waitFor();
        expect(await codeInput.getAttribute('aria-describedby')).toBe('activate-code-error');
        expect(await p.locator('#activate-code-error').textContent()).toBe(
          'Mã kích hoạt không đúng hoặc đã hết hạn.',
        );
        expect(await codeInput.evaluate((el) => el === document.activeElement)).toBe(true);
        expect(await p.getByRole('alert').count()).toBe(0);
        // Typed as read off paper: lower case, without the dashes.
        await p.getByLabel('Mã kích hoạt').fill(code.replace(/-/g, '').toLowerCase());
        await newPasswordAndSave(p, password, 'Kích hoạt');
        await p.waitForURL((url) => url.pathname === '/me');

        // A new browser: the password chosen signs in, and the learner enrols in a course.
        await p.context().close();
        const q = await suite.openPage();
        await loginAs(q, { username: an.username, password });
        await q
          .getByRole('navigation', { name: 'Điều hướng chính' })
          .getByRole('link', { name: 'Khóa học', exact: true })
          .click();
        await q.getByRole('link', { name: COURSE_WITHOUT_QUIZ, exact: true }).click();
        await q.getByRole('button', { name: 'Đăng ký học', exact: true }).click();
        const course = suite.world.learning.courseWithoutQuiz;
        await q.waitForURL((url) => url.pathname.startsWith(`/learn/${course.id}/lessons/`));
      }),
    60_000,
  );

  it(
    'the second resets a forgotten password with the link mailed to them',
    () =>
      step('reset', async () => {
        const [, binh] = suite.world.newcomers;
        const password = passphrase();
        const p = await suite.openPage();
        await p.goto('/login');
        await p.getByRole('link', { name: 'Quên mật khẩu?', exact: true }).click();
        await p.getByRole('heading', { level: 1, name: 'Quên mật khẩu' }).waitFor();
        await p.getByLabel('Tên đăng nhập').fill(binh.username);
        await p.getByRole('button', { name: 'Gửi liên kết', exact: true }).click();
        await p.getByText(/^Nếu tài khoản tồn tại và có email/).waitFor();

        const mail = await waitForMail(suite.state, binh.email, /Đặt lại mật khẩu/);
        expect(mail.text).toContain(`Kính gửi ${binh.fullName},`);
        const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0];
        if (!link) throw new Error(`no reset link in:\n${mail.text}`);
        expect(link.startsWith(`${suite.state.baseUrl}/`)).toBe(true);
        expect(mail.html).toContain(`href="${link}"`);

        await p.goto(link);
        await newPasswordAndSave(p, password, 'Lưu mật khẩu mới');
        await p.getByText('Đã đặt mật khẩu mới. Mọi phiên đăng nhập cũ đã kết thúc.').waitFor();
        await p.getByRole('link', { name: 'Quay lại trang đăng nhập', exact: true }).click();
        await loginAs(p, { username: binh.username, password });
        await expectHomeOf(p, binh.fullName);
        // Two mails: the slip's code, then the reset link; the import mailed nothing.
        const subjects = mailsTo(suite.state, binh.email).map((m) => m.subject);
        expect(subjects).toHaveLength(2);
        expect(subjects[0]).toMatch(/^Mã kích hoạt/);
        expect(subjects[1]).toMatch(/Đặt lại mật khẩu/);
      }),
    60_000,
  );

  it(
    'the third signs on through the identity provider; an unknown identity is refused',
    () =>
      step('sso', async () => {
        const [, , cuong] = suite.world.newcomers;
        const issuer = suite.state.oidcIssuer;
        // Each person in a browser of their own: the provider keeps a session per browser.
        const signOnAs = async (accountId: string, claims: Record<string, unknown>) => {
          await suite.page?.context().close();
          await OidcTestProvider.signInNextAt(issuer, accountId, claims);
          const p = await suite.openPage();
          await p.goto('/login');
          await p
            .getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh', exact: true })
            .click();
          return p;
        };

        // Someone the provider knows and the academy does not: a clear page, no session.
        const stranger = await signOnAs(`vneid-stranger-${cuong.username}`, {
          preferred_username: `nguoi.la.${randomBytes(4).toString('hex')}`,
        });
        await stranger.getByText(/^Tài khoản định danh này chưa được liên kết/).waitFor();
        expect(await stranger.evaluate(() => localStorage.getItem('dx.accessToken'))).toBeNull();

        const p = await signOnAs(`vneid-${cuong.username}`, {
          preferred_username: cuong.username,
          name: cuong.fullName,
        });
        await expectHomeOf(p, cuong.fullName);
      }),
    60_000,
  );

  it(
    'HR enrols a TOTP app and then signs in with password and code',
    () =>
      step('totp', async () => {
        const { hr } = suite.world;
        const p = await suite.openPage();
        await loginAs(p, hr);
        const secret = await startTotpSetup(p);
        expect(await confirmTotpSetup(p, secret)).toHaveLength(10);
        await p.context().close();
        await signInWithTotp(await suite.openPage(), hr, secret);
      }),
    90_000,
  );
});
