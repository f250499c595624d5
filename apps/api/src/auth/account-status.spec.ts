import { createTestApp, TestApp } from '../test/test-app';
import { UserAccountsService } from '../users/user-accounts.service';
import {
  AccountStatusService,
  STATUS_REFRESH_AFTER_MS,
  STATUS_TTL_MS,
  StatusClock,
} from './account-status.service';

/** A clock the spec moves by hand. */
class HandClock implements StatusClock {
  ms = 1_000;
  now(): number {
    return this.ms;
  }
}

/** Until the background read of a turn has come back (one batch, one round trip). */
const settled = () => new Promise((r) => setTimeout(r, 100));

describe('account status: answers are trusted for 30 s and read again while in use', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A service of its own on the real database, with a clock of its own. */
  const service = (clock: StatusClock) =>
    new AccountStatusService(t.db, t.app.get(UserAccountsService), clock);
  const deactivate = (id: string) =>
    t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [id]);
  /** A service with a clock of its own, and a new person whose status it has just read. */
  const seenOnce = async () => {
    const clock = new HandClock();
    const status = service(clock);
    const person = await t.make.user(await t.make.unit());
    expect(await status.isActive(person.id)).toBe(true);
    return { clock, status, person };
  };

  it('an answer is used as it is until it is 20 s old', async () => {
    const { clock, status, person } = await seenOnce();
    await deactivate(person.id); // behind the service's back: only a read can tell
    clock.ms += STATUS_REFRESH_AFTER_MS - 1;
    expect(await status.isActive(person.id)).toBe(true);
    await settled();
    expect(await status.isActive(person.id)).toBe(true);
  });

  it('after 20 s the answer in hand is used once more and read again, so a change shows before 30 s', async () => {
    const { clock, status, person } = await seenOnce();
    await deactivate(person.id);
    clock.ms += STATUS_REFRESH_AFTER_MS + 1;
    // Not waited for: the request goes on with the answer it has, not yet 30 s old.
    expect(await status.isActive(person.id)).toBe(true);
    await settled();
    clock.ms += 1;
    expect(await status.isActive(person.id)).toBe(false);
  });

  it('no answer older than 30 s is used, in use or not', async () => {
    const { clock, status, person } = await seenOnce();
    await deactivate(person.id);
    clock.ms += STATUS_TTL_MS + 1;
    expect(await status.isActive(person.id)).toBe(false);
  });

  it('a background read that began before forget() does not put its answer back', async () => {
    const { clock, status, person } = await seenOnce();
    clock.ms += STATUS_REFRESH_AFTER_MS + 1;
    expect(await status.isActive(person.id)).toBe(true); // starts the background read
    // The change is made and forgotten while that read is on its way (its answer: active).
    status.forget(person.id);
    await settled();
    await deactivate(person.id);
    // Had the stale answer been kept, this would still say true for up to 30 s.
    expect(await status.isActive(person.id)).toBe(false);
  });
});
