import { randomBytes } from 'node:crypto';
import { ApiClient } from './support/api-client';
import { browserSuite } from './support/browser-suite';
import type { E2eState } from './support/e2e-env';
import { screenshotOnFailure } from './support/failure-screenshot';
import { loginAs, type Credentials } from './support/learner-session';
import {
  confirmTotpSetup,
  fillTotpCode,
  signInWithTotp,
  startTotpSetup,
} from './support/two-factor';

async function createHr(state: E2eState): Promise<Credentials> {
  const suffix = randomBytes(4).toString('hex');
  const admin = await ApiClient.login(state.baseUrl, state.adminUsername, state.adminPassword);
  const me = await admin.get<{ orgUnitId: string }>('/me');
  const unit = await admin.post<{ id: string }>('/org-units', {
    code: `MFA-${suffix.toUpperCase()}`,
    name: `Sở Nội vụ thử nghiệm ${suffix}`,
    parentId: me.orgUnitId,
  });
  const hr = {
    username: `hr.mfa.${suffix}`,
    password: `Dx!9a${randomBytes(12).toString('base64url')}`,
  };
  await admin.post('/users', {
    ...hr,
    fullName: 'Trần Thị Bảo Mật',
    orgUnitId: unit.id,
    dxRole: 'none',
    roles: ['learner', 'hr'],
  });
  return hr;
}

describe('two-factor sign-in', () => {
  const suite = browserSuite(createHr, 60_000);

  it(
    'an hr officer enrols a TOTP app with the QR key, keeps recovery codes and signs in with a code',
    () =>
      screenshotOnFailure(
        () => suite.page,
        'two-factor',
        async () => {
          const hr = suite.world;
          const p = await suite.openPage();
          await loginAs(p, hr);
          const secret = await startTotpSetup(p);
          await fillTotpCode(p, '000000', 'Bật xác thực hai lớp');
          await p.getByText('Mã xác thực không đúng hoặc đã được dùng.').waitFor();
          expect(await confirmTotpSetup(p, secret)).toHaveLength(10);

          // A new browser: the password alone no longer signs in.
          await suite.page?.context().close();
          await signInWithTotp(await suite.openPage(), hr, secret);
        },
      ),
    90_000,
  );
});
