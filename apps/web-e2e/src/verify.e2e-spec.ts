import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { createLearningWorld } from './support/learning-world';
import { runAdminSql } from './support/pg';

interface MyCertificate {
  serial: string | null;
  status: 'pending' | 'issued' | 'revoked';
  verifyUrl: string | null;
}

/** The learner's certificate once the worker has issued it (and stored its PDF). */
async function issuedCertificate(learner: ApiClient): Promise<{ serial: string; verifyUrl: string }> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [certificate] = await learner.get<MyCertificate[]>('/me/certificates');
    if (certificate?.status === 'issued' && certificate.serial && certificate.verifyUrl) {
      return { serial: certificate.serial, verifyUrl: certificate.verifyUrl };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the certificate was not issued within 30 s: is the worker running?');
}

describe('public verify page', () => {
  const suite = browserSuite(createLearningWorld);

  it('says "valid" (name masked without the QR code, full with it), then flags data altered in the database without repeating it', () =>
    screenshotOnFailure(
      () => suite.page,
      'verify-invalid',
      async () => {
        const { state, world } = suite;
        // The learner completes the course without a quiz through the API.
        const learner = await ApiClient.login(
          state.baseUrl,
          world.learner.username,
          world.learner.password,
        );
        const course = world.courseWithoutQuiz;
        await learner.post(`/courses/${course.id}/enroll`);
        for (const lesson of course.lessons) await learner.post(`/lessons/${lesson.id}/complete`);
        const { serial, verifyUrl } = await issuedCertificate(learner);
        const link = new URL(verifyUrl);
        expect(link.searchParams.get('c')).toMatch(/^[A-Za-z0-9_-]{22,}$/);

        // The serial alone (typed in): valid, with the holder's name masked.
        const p = await suite.openPage();
        await p.goto(`/verify/${encodeURIComponent(serial)}`);
        await p.getByRole('heading', { level: 2, name: 'Hợp lệ' }).waitFor();
        await p.getByRole('note').getByText('Họ tên người được cấp được che một phần', { exact: false }).waitFor();
        expect(await p.getByRole('main').getByText(world.learner.fullName).count()).toBe(0);
        const masked = world.learner.fullName
          .split(/\s+/)
          .map((part) => `${Array.from(part)[0]}***`)
          .join(' ');
        await p.getByRole('main').getByText(masked, { exact: true }).waitFor();

        // The link of the QR code (with its code): the full name.
        await p.goto(`${link.pathname}${link.search}`);
        await p.getByRole('heading', { level: 2, name: 'Hợp lệ' }).waitFor();
        await p.getByRole('main').getByText(world.learner.fullName).waitFor();
        expect(await p.getByRole('note').count()).toBe(0);

        // Someone edits the stored hours behind the signature's back.
        await runAdminSql(
          state.databaseUrl,
          `UPDATE certificate SET hours = hours + 100 WHERE serial = '${serial.replace(/'/g, "''")}'`,
        );
        await p.reload();
        await p
          .getByRole('heading', {
            level: 2,
            name: 'Dữ liệu chứng nhận đã bị thay đổi — không hợp lệ',
          })
          .waitFor();
        expect(await p.getByRole('main').getByText(serial).count()).toBeGreaterThan(0);
        // Nothing the alteration might have touched is vouched for.
        expect(await p.getByRole('main').getByText(world.learner.fullName).count()).toBe(0);
        expect(await p.getByRole('main').getByText(course.title).count()).toBe(0);
      },
    ));
});
