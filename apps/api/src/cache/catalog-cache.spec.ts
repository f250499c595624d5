import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { buildCourse } from '../test/course-factory';
import { createTestApp, TestApp } from '../test/test-app';
import { ChangeFeed } from './change-feed.service';

/**
 * The catalog is served from memory and dropped when PostgreSQL reports a change: these
 * specs write behind the API's back, as another API process or an operator would. On a
 * database of their own: other spec files' writes would notify this app too, and a drop
 * at the wrong moment would make "served from memory" look false.
 */
describe('catalog cache and change feed', () => {
  let databaseUrl: string;
  let t: TestApp;
  let learner: string;
  let unit: Awaited<ReturnType<TestApp['make']['unit']>>;
  let feed: ChangeFeed;

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('dx_test_cache');
    t = await createTestApp({ DATABASE_URL: databaseUrl });
    feed = t.app.get(ChangeFeed);
    unit = await t.make.unit(null, 'Sở Thông tin và Truyền thông');
    learner = await t.tokenFor((await t.make.user(unit)).username);
  });
  afterAll(async () => {
    await t?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const titles = async () =>
    (
      await t.http.get('/api/courses?pageSize=100').set('Authorization', learner).expect(200)
    ).body.items.map((c: { title: string }) => c.title) as string[];

  /** Polls until `check` holds: notifications arrive asynchronously, within milliseconds. */
  const eventually = async (check: () => Promise<boolean>) => {
    const deadline = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('the change never showed');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  /** Runs SQL with triggers off, so no notification is sent: what a lost one looks like. */
  const writeSilently = (sql: string, params: unknown[]) =>
    t.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(sql, params);
    });

  it('serves the catalog from memory until a change is notified, then reads it afresh', async () => {
    await eventually(async () => feed.isLive());
    const { course, version } = await buildCourse(t.db, { owner: unit, title: 'Kỹ năng số' });
    await eventually(async () => (await titles()).includes('Kỹ năng số'));

    await writeSilently(`UPDATE course_version SET title = $2 WHERE id = $1`, [
      version.id,
      'Kỹ năng số nâng cao',
    ]);
    expect(await titles()).toContain('Kỹ năng số'); // from memory: nothing was notified

    await t.db.query(`SELECT pg_notify('dx_changes', 'catalog')`);
    await eventually(async () => (await titles()).includes('Kỹ năng số nâng cao'));

    // A committed change through the triggers, from another connection: seen without help.
    await t.db.query(`UPDATE course SET status = 'archived' WHERE id = $1`, [course.id]);
    await eventually(async () => !(await titles()).includes('Kỹ năng số nâng cao'));
  });

  it('reads through to the database while notifications cannot be heard, and recovers', async () => {
    await eventually(async () => feed.isLive());
    const { version } = await buildCourse(t.db, { owner: unit, title: 'Dữ liệu mở' });
    await eventually(async () => (await titles()).includes('Dữ liệu mở'));

    // Cut the listening connection: until it is back, nothing may be served from memory.
    await t.db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'dx-api-changes' AND datname = current_database()`,
    );
    await eventually(async () => !feed.isLive());
    await writeSilently(`UPDATE course_version SET title = $2 WHERE id = $1`, [
      version.id,
      'Dữ liệu mở cho cơ quan nhà nước',
    ]);
    expect(await titles()).toContain('Dữ liệu mở cho cơ quan nhà nước');

    await eventually(async () => feed.isLive());
    expect(await titles()).toContain('Dữ liệu mở cho cơ quan nhà nước');
  });

  it('answers 304 without a body when the browser already holds this catalog page', async () => {
    const first = await t.http.get('/api/courses').set('Authorization', learner).expect(200);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(first.body.items.length).toBeGreaterThan(0);
    const again = await t.http
      .get('/api/courses')
      .set('Authorization', learner)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(again.text).toBe('');
    // Another page is another body, with another validator.
    const other = await t.http.get('/api/courses?q=zzz').set('Authorization', learner).expect(200);
    expect(other.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it("shows a trainer's publish at once to the next read of the same process", async () => {
    const trainer = await t.tokenFor((await t.make.user(unit, { roles: ['trainer'] })).username);
    const { course } = await buildCourse(t.db, {
      owner: unit,
      title: 'An toàn thông tin',
      published: false,
    });
    await titles(); // cached without it
    await t.http
      .post(`/api/courses/${course.id}/publish`)
      .set('Authorization', trainer)
      .expect(200);
    expect(await titles()).toContain('An toàn thông tin');
  });
});
