import { calendarDate } from '@dx/contracts';
import { createTestApp, TestApp } from '../test/test-app';

/** `GET /api/me/training-records`: a learner's own recorded training, for their history. */
describe('one’s own recorded training', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hr: string;
  let today: string;
  let year: number;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hr = await t.tokenFor((await t.make.user(units.a, { roles: ['learner', 'hr'] })).username);
    today = calendarDate(t.config.reportsTimeZone);
    year = Number(today.slice(0, 4));
  });
  afterAll(() => t.close());

  const record = (userId: string, title: string, completedOn: string) =>
    t.http
      .post('/api/training-records')
      .set('Authorization', hr)
      .send({ userId, title, hours: 4.5, completedOn, provider: 'Sở Nội vụ' })
      .expect(201)
      .then((res) => res.body as { id: string });
  const mine = (token: string) =>
    t.http.get('/api/me/training-records').set('Authorization', token);

  it('lists the caller’s records of every year, latest first, and nobody else’s', async () => {
    const lan = await t.make.user(units.a1, { fullName: 'Vi Thị Lan' });
    const hung = await t.make.user(units.a1, { fullName: 'Lò Văn Hùng' });
    const older = await record(lan.id, 'Lớp an toàn thông tin', `${year - 1}-11-05`);
    const newer = await record(lan.id, 'Tập huấn chữ ký số', today);
    const other = await record(hung.id, 'Lớp dữ liệu mở', today);

    const body = (await mine(await t.tokenFor(lan.username)).expect(200)).body;
    expect(body).toEqual([
      {
        id: newer.id,
        title: 'Tập huấn chữ ký số',
        hours: 4.5,
        completedOn: today,
        year,
        provider: 'Sở Nội vụ',
        hasEvidence: false,
      },
      expect.objectContaining({ id: older.id, year: year - 1, completedOn: `${year - 1}-11-05` }),
    ]);
    const hungs = (await mine(await t.tokenFor(hung.username)).expect(200)).body;
    expect(hungs.map((r: { id: string }) => r.id)).toEqual([other.id]);
  });

  it('follows HR’s corrections and removals, and answers an empty list to a person without any', async () => {
    const mai = await t.make.user(units.a1, { fullName: 'Hà Thị Mai' });
    const token = await t.tokenFor(mai.username);
    expect((await mine(token).expect(200)).body).toEqual([]);
    const { id } = await record(mai.id, 'Lớp kỹ năng số', today);
    await t.http
      .patch(`/api/training-records/${id}`)
      .set('Authorization', hr)
      .send({ hours: 6 })
      .expect(200);
    expect((await mine(token).expect(200)).body).toMatchObject([{ id, hours: 6 }]);
    await t.http.delete(`/api/training-records/${id}`).set('Authorization', hr).expect(204);
    expect((await mine(token).expect(200)).body).toEqual([]);
  });

  it('asks who is calling', async () => {
    await t.http.get('/api/me/training-records').expect(401);
  });
});
