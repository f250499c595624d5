import { AdvanceLedgerPlacementResult, REPORTS_QUEUE, ReportJob } from '@dx/contracts';
import { CoverageFixture, eventually } from '@dx/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';

/**
 * The daily job that moves the ledger's placement to the new day, run through the real
 * queue with the day it is told (never the clock). 2030 is a year no other code of this
 * worker places, so only the job moves it.
 */
describe('the ledger placement’s daily advance (real worker, Redis and PostgreSQL)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_placement',
    storagePrefix: 'dx-worker-placement-',
  });
  let db: DataSource;
  let queue: Queue;

  beforeAll(async () => {
    await worker.start();
    db = worker.db;
    queue = worker.app.get(getQueueToken(REPORTS_QUEUE), { strict: false });
  });
  afterAll(() => worker.stop());

  async function advance(day: string): Promise<AdvanceLedgerPlacementResult> {
    const job = await queue.add(ReportJob.AdvanceLedgerPlacement, { day });
    await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
    const done = await queue.getJob(job.id as string);
    expect(done?.failedReason).toBeUndefined();
    return done?.returnvalue as AdvanceLedgerPlacementResult;
  }

  const placedOn = async (year: number): Promise<string | null> => {
    const rows: { day: string }[] = await db.query(
      `SELECT to_char(as_of, 'YYYY-MM-DD') AS day FROM ledger_placement WHERE year = $1`,
      [year],
    );
    return rows[0]?.day ?? null;
  };

  /** Unit id of each person's ledger row of `year` (null: not DX staff that day). */
  async function unitsOf(year: number, people: Record<string, string>) {
    const rows: { user_id: string; org_unit_id: string | null }[] = await db.query(
      `SELECT user_id, org_unit_id FROM training_year WHERE year = $1 AND user_id = ANY($2::uuid[])`,
      [year, Object.values(people)],
    );
    const byId = new Map(rows.map((r) => [r.user_id, r.org_unit_id]));
    return Object.fromEntries(
      Object.entries(people).map(([name, id]) => [name, byId.get(id) ?? null]),
    );
  }

  /** Changes decided ahead of their date, as a transfer or a departure with an effective date. */
  async function leaves(userId: string, on: string, to?: string) {
    await db.query(`UPDATE membership SET valid_to = $2 WHERE user_id = $1 AND valid_to IS NULL`, [
      userId,
      on,
    ]);
    if (to)
      await db.query(
        `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from)
         VALUES ($1, $2, 'full_time', $3)`,
        [userId, to, on],
      );
  }

  it('places the year on its first day, moves it day by day, never back, and closes it at New Year', async () => {
    const make = new CoverageFixture(db);
    const root = await make.unit('Tỉnh Lâm Đồng (sổ theo dõi)');
    const a = await make.unit('Xã Đạ Huoai', root);
    const b = await make.unit('Xã Đam Rông', root);
    const people = {
      stays: await make.person(a, 'full_time', 'Nguyễn Văn Ở Lại'),
      moves: await make.person(a, 'full_time', 'Trần Thị Chuyển Đi'),
      quits: await make.person(a, 'part_time', 'Lê Văn Nghỉ Việc'),
    };
    await leaves(people.moves, '2030-03-02', b.id);
    await leaves(people.quits, '2030-03-02');
    await leaves(people.stays, '2030-12-31');

    // The first run of a year never placed places everyone (the year before, never
    // reported on, is left to its first report).
    expect(await advance('2030-03-01')).toEqual({ day: '2030-03-01', advanced: [2030] });
    expect(await placedOn(2030)).toBe('2030-03-01');
    expect(await placedOn(2029)).toBeNull();
    expect(await unitsOf(2030, people)).toEqual({ stays: a.id, moves: a.id, quits: a.id });

    // A second run of the same day (a retry, a second worker) writes nothing.
    expect(await advance('2030-03-01')).toEqual({ day: '2030-03-01', advanced: [] });

    // The next day: the changes that took effect overnight are placed.
    expect(await advance('2030-03-02')).toEqual({ day: '2030-03-02', advanced: [2030] });
    expect(await placedOn(2030)).toBe('2030-03-02');
    expect(await unitsOf(2030, people)).toEqual({ stays: a.id, moves: b.id, quits: null });

    // Yesterday's run retried late does not take the placement back a day.
    expect(await advance('2030-03-01')).toEqual({ day: '2030-03-01', advanced: [] });
    expect(await placedOn(2030)).toBe('2030-03-02');
    expect(await unitsOf(2030, people)).toEqual({ stays: a.id, moves: b.id, quits: null });

    // 1 January: the year that ended is closed on its 31/12 (who left that day is out of
    // it), and the new year is placed in full.
    expect(await advance('2031-01-01')).toEqual({ day: '2031-01-01', advanced: [2030, 2031] });
    expect(await placedOn(2030)).toBe('2030-12-31');
    expect(await placedOn(2031)).toBe('2031-01-01');
    expect(await unitsOf(2030, people)).toEqual({ stays: null, moves: b.id, quits: null });
    expect(await unitsOf(2031, people)).toEqual({ stays: null, moves: b.id, quits: null });
    expect(await advance('2031-01-01')).toEqual({ day: '2031-01-01', advanced: [] });
  }, 60_000);
});
