import { CleanQuestionImagesResult, QueueName, SystemJob } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { CoverageFixture, eventually, S3TestServer } from '@dx/testing';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomBytes } from 'node:crypto';
import { createTestWorker, TestWorker } from '../test/test-worker';

const DAY = 24 * 60 * 60 * 1000;
const newKey = () => `question-images/${randomBytes(16).toString('hex')}.png`;

describe('clean-up of unused question images (real worker, PostgreSQL, Redis and S3 server)', () => {
  let s3: S3TestServer;
  let worker: TestWorker;
  let storage: FileStorage;

  beforeAll(async () => {
    s3 = await S3TestServer.start();
    worker = createTestWorker({
      databasePrefix: 'dx_worker_qimages',
      storagePrefix: 'dx-worker-qimages-',
      env: { STORAGE_URL: s3.storageUrl('qimages') },
    });
    await worker.start();
    storage = worker.app.get(FILE_STORAGE);
  }, 60_000);
  afterAll(async () => {
    await worker?.stop();
    await s3?.stop();
  });

  /** A bank question (one version retired) whose question and options use the given keys. */
  async function bankQuestions(keys: { question: string; option: string; retired: string }) {
    const unit = await new CoverageFixture(worker.db).unit('Sở Nội vụ (ảnh câu hỏi)');
    const [{ id: bankId }] = await worker.db.query(
      `INSERT INTO question_bank (owner_org_unit_id, title) VALUES ($1, 'Ngân hàng ảnh') RETURNING id`,
      [unit.id],
    );
    const [{ id: categoryId }] = await worker.db.query(
      `INSERT INTO question_category (bank_id, name) VALUES ($1, 'Chương 1') RETURNING id`,
      [bankId],
    );
    const insert = (image: string, version: number, retired: boolean) =>
      worker.db.query(
        `INSERT INTO question (bank_id, category_id, key, version, retired_at, position, type, text, image_key, image_alt)
         VALUES ($1, $2, '00000000-0000-4000-8000-000000000001', $3, $4, 1, 'single', 'Câu hỏi có hình', $5, 'Hình')
         RETURNING id`,
        [bankId, categoryId, version, retired ? new Date() : null, image],
      );
    await insert(keys.retired, 1, true);
    const [{ id }] = await insert(keys.question, 2, false);
    await worker.db.query(
      `INSERT INTO question_option (question_id, position, text, correct, image_key, image_alt)
       VALUES ($1, 1, 'Hình A', true, $2, 'Hình A'), ($1, 2, 'Hình B', false, NULL, NULL)`,
      [id, keys.option],
    );
  }

  it('deletes only images no question or option version uses, once past the grace period', async () => {
    const keys = { question: newKey(), option: newKey(), retired: newKey() };
    const unused = newKey();
    for (const key of [...Object.values(keys), unused]) await storage.put(key, Buffer.from('png'));
    await storage.put('certificates/other.pdf', Buffer.from('%PDF'));
    await bankQuestions(keys);

    const queue = worker.app.get<Queue>(getQueueToken(QueueName.System));
    const run = async (now: Date): Promise<CleanQuestionImagesResult> => {
      const job = await queue.add(SystemJob.CleanQuestionImages, { now: now.toISOString() });
      await eventually(async () => (await job.isCompleted()) || (await job.isFailed()), 30_000);
      return (await queue.getJob(job.id as string))?.returnvalue;
    };

    // Just uploaded: an editor may still be about to save it.
    expect(await run(new Date())).toEqual({ deleted: 0, kept: 4 });
    expect(await storage.exists(unused)).toBe(true);

    expect(await run(new Date(Date.now() + DAY + 60_000))).toEqual({ deleted: 1, kept: 3 });
    expect(await storage.exists(unused)).toBe(false);
    for (const key of Object.values(keys)) expect(await storage.exists(key)).toBe(true);
    expect(await storage.exists('certificates/other.pdf')).toBe(true);

    // A second run finds nothing more to do.
    expect(await run(new Date(Date.now() + DAY + 60_000))).toEqual({ deleted: 0, kept: 3 });
  }, 60_000);
});
