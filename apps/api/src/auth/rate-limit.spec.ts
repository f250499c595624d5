import { UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';
import { expectThrottled } from '../test/throttled';

describe('per-user rate limit of POST /api/users/import', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ USER_IMPORT_MAX: '2', USER_IMPORT_WINDOW_SECONDS: '600' });
  });
  afterAll(() => t.close());

  const csv = (code: string, username: string) =>
    Buffer.from(
      `username,fullName,orgUnitCode,dxRole\r\n${username},Ngô Thị Nhập,${code},none\r\n`,
      'utf8',
    );
  const upload = (token: string, file: Buffer) =>
    t.http.post('/api/users/import').set('Authorization', token).attach('file', file, 'ds.csv');

  it('answers 429 in the contract shape past the limit, with Retry-After, and writes nothing', async () => {
    const unit = await t.make.unit();
    const hr = await t.tokenFor((await t.make.user(unit, { roles: ['hr'] })).username);
    const p = `rl${randomSuffix()}`;
    await upload(hr, csv(unit.code, `${p}.mot`)).expect(200);
    await upload(hr, csv(unit.code, `${p}.hai`)).expect(200);
    expectThrottled(await upload(hr, csv(unit.code, `${p}.ba`)), 600);
    expect(await t.db.getRepository(UserEntity).existsBy({ username: `${p}.ba` })).toBe(false);
  });

  it('counts each user separately', async () => {
    const unit = await t.make.unit();
    const first = await t.tokenFor((await t.make.user(unit, { roles: ['hr'] })).username);
    const second = await t.tokenFor((await t.make.user(unit, { roles: ['hr'] })).username);
    const p = `rl${randomSuffix()}`;
    for (const n of ['a', 'b']) await upload(first, csv(unit.code, `${p}.${n}`)).expect(200);
    await upload(first, csv(unit.code, `${p}.c`)).expect(429);
    await upload(second, csv(unit.code, `${p}.d`)).expect(200);
  });

  it('checks roles before counting: a learner gets 403, not a slot', async () => {
    const unit = await t.make.unit();
    const learner = await t.tokenFor((await t.make.user(unit)).username);
    for (let i = 0; i < 3; i++) await upload(learner, csv(unit.code, `x${i}`)).expect(403);
  });
});
