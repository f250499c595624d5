import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import { screenshotOnFailure } from './support/failure-screenshot';
import { createLearningWorld } from './support/learning-world';
import { runAdminSql } from './support/pg';

interface MyCertificate {
  serial: string | null;
  status: 'pending' | 'issued' | 'revoked';
}

/** The learner's certificate once the worker has issued it. */
async function issuedSerial(learner: ApiClient): Promise<string> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [certificate] = await learner.get<MyCertificate[]>('/me/certificates');
    if (certificate?.status === 'issued' && certificate.serial) return certificate.serial;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the certificate was not issued within 30 s: is the worker running?');
}

describe('public verify page', () => {
  const suite = browserSuite(createLearningWorld);

  it('says "valid", then flags data altered in the database without repeating it', () =>
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
        const serial = await issuedSerial(learner);

        const p = await suite.openPage();
        await p.goto(`/verify/${encodeURIComponent(serial)}`);
        await p.getByRole('heading', { level: 2, name: 'Hợp lệ' }).waitFor();
        await p.getByRole('main').getByText(world.learner.fullName).waitFor();

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
