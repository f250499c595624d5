import {
  activationSlipsJobId,
  calendarDate,
  certificateExportJobId,
  JOB_QUEUE,
  JobName,
  peopleExportJobId,
} from '@dx/contracts';
import {
  ActivationSlipBatchEntity,
  CertificateExportEntity,
  enqueueJob,
  FileJobEntity,
  MailEntity,
  PeopleExportEntity,
} from '@dx/db';
import { eventually } from '@dx/testing';
import { randomUUID } from 'node:crypto';
import type { DeepPartial, EntityTarget } from 'typeorm';
import { PeopleExportService } from '../reports/people-export.service';
import { ReminderFixture } from '../reminders/reminders.fixtures';
import { createTestWorker } from '../test/test-worker';

/**
 * Issue #14, "a report or export ready (to whoever asked)": every kind of file job tells
 * its requester once, in the inbox and by mail (real worker, SMTP server, Redis, PG).
 */
describe('file ready notices (people export, certificate export, activation slips)', () => {
  let make: ReminderFixture;
  const env: Record<string, string> = {
    MAIL_RETRY_MAX_SECONDS: '1',
    PUBLIC_BASE_URL: 'https://dx.example.gov.vn',
    FILE_JOB_RETENTION_DAYS: '7',
  };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_file_ready',
    storagePrefix: 'dx-worker-file-ready-',
    env,
    smtp: true,
  });

  beforeAll(async () => {
    await worker.start();
    make = new ReminderFixture(worker.db);
  }, 120_000);

  afterAll(() => worker.stop());

  const notices = (userId: string) =>
    worker.db.query<{ title: string; body: string; link: string; eventKey: string }[]>(
      `SELECT title, body, link, event_key AS "eventKey" FROM notification
        WHERE user_id = $1 AND type = 'export-ready' ORDER BY created_at`,
      [userId],
    );

  /** Asks for a file job as the API does (row + outbox job, one transaction); waits for it. */
  async function asked<E extends FileJobEntity>(
    entity: EntityTarget<E>,
    row: DeepPartial<E>,
    jobName: JobName,
    jobId: (id: string) => string,
    payload: (id: string) => Record<string, string>,
  ): Promise<string> {
    const id = randomUUID();
    await worker.db.transaction(async (tx) => {
      await tx.insert(entity, { ...row, id } as never);
      await enqueueJob(tx, {
        queue: JOB_QUEUE[jobName],
        jobName,
        jobId: jobId(id),
        payload: payload(id),
      });
    });
    const repo = worker.db.getRepository(FileJobEntity);
    await eventually(
      async () => ['completed', 'failed'].includes((await repo.findOneByOrFail({ id })).state),
      60_000,
    );
    expect(await repo.findOneByOrFail({ id })).toMatchObject({ state: 'completed', error: null });
    return id;
  }

  it('tells whoever asked, once per job, in the inbox and by mail, with a link to the files', async () => {
    const unit = await make.unit('Tỉnh Điện Biên');
    const hr = await make.person(unit, { roles: ['learner', 'hr'], fullName: 'Lò Thị Xuân' });
    await make.person(unit, { email: null }); // one person to list and give a slip to
    const year = Number(calendarDate(worker.config.reportsTimeZone).slice(0, 4));
    const [{ path }] = await worker.db.query(`SELECT path FROM org_unit WHERE id = $1`, [unit.id]);
    const request = {
      orgUnitId: unit.id,
      unitPath: path,
      unitCode: unit.code,
      unitName: unit.name,
      requestedBy: hr.id,
    };

    const people = await asked(
      PeopleExportEntity,
      { ...request, year, format: 'csv', peopleStatus: 'all', dxRole: null },
      JobName.ExportPeople,
      peopleExportJobId,
      (exportId) => ({ exportId }),
    );
    const register = await asked(
      CertificateExportEntity,
      { ...request, year, format: 'xlsx' },
      JobName.ExportCertificates,
      certificateExportJobId,
      (exportId) => ({ exportId }),
    );
    const slips = await asked(
      ActivationSlipBatchEntity,
      request,
      JobName.MakeActivationSlips,
      activationSlipsJobId,
      (batchId) => ({ batchId }),
    );

    const told = await notices(hr.id);
    expect(told.map((n) => [n.eventKey, n.title, n.link])).toEqual([
      [
        `export-ready:${people}`,
        `Danh sách cán bộ năm ${year} của Tỉnh Điện Biên đã sẵn sàng`,
        `/files/people-exports/${people}`,
      ],
      [
        `export-ready:${register}`,
        `Sổ cấp chứng chỉ năm ${year} của Tỉnh Điện Biên đã sẵn sàng`,
        `/files/certificate-exports/${register}`,
      ],
      [
        `export-ready:${slips}`,
        'Phiếu kích hoạt tài khoản của Tỉnh Điện Biên đã sẵn sàng',
        `/files/activation-slips/${slips}`,
      ],
    ]);
    const [{ until }] = await worker.db.query(
      `SELECT to_char(files_expire_at AT TIME ZONE $2, 'DD/MM/YYYY') AS until
         FROM file_job WHERE id = $1`,
      [people, worker.config.reportsTimeZone],
    );
    expect(told[0].body).toBe(
      `Đã lập xong danh sách 2 người (tệp CSV). Anh/chị có thể tải về đến ngày ${until}.`,
    );
    expect(told[2].body).toContain('2 phiếu kích hoạt (tệp PDF để in và danh sách XLSX)');

    // One mail per notice (beside the slip's activation code), its title as subject and
    // the link made absolute.
    const subjects = () => worker.smtp.to(hr.email ?? '').map((m) => m.parsed.subject);
    await eventually(async () => told.every((n) => subjects().includes(n.title)), 30_000);
    const mails = worker.smtp.to(hr.email ?? '').map((m) => m.parsed);
    for (const n of told) expect(subjects().filter((s) => s === n.title)).toHaveLength(1);
    const peopleMail = mails.find((m) => m.subject === told[0].title);
    expect(peopleMail?.text).toContain(`https://dx.example.gov.vn/files/people-exports/${people}`);
    expect(peopleMail?.text).toContain('anh/chị đã yêu cầu lập tệp này');

    // The same job made again (a retry that restarts it): no second notice, no second mail.
    await worker.db.query(`UPDATE file_job SET state = 'active' WHERE id = $1`, [people]);
    expect(await worker.app.get(PeopleExportService).export(people, async () => undefined)).toBe(
      'completed',
    );
    expect(await notices(hr.id)).toHaveLength(3);
    const mailRows = worker.db.getRepository(MailEntity);
    expect(await mailRows.countBy({ userId: hr.id, template: 'notification' })).toBe(3);
  });

  it('keeps to the inbox for a requester who muted the kind by mail, and tells no one when nobody asked', async () => {
    const unit = await make.unit('Tỉnh Lai Châu');
    const hr = await make.person(unit, { roles: ['learner', 'hr'] });
    await worker.db.query(
      `INSERT INTO notification_preference (user_id, type, mail) VALUES ($1, 'export-ready', false)`,
      [hr.id],
    );
    const [{ path }] = await worker.db.query(`SELECT path FROM org_unit WHERE id = $1`, [unit.id]);
    const year = Number(calendarDate(worker.config.reportsTimeZone).slice(0, 4));
    const request = {
      orgUnitId: unit.id,
      unitPath: path,
      unitCode: unit.code,
      unitName: unit.name,
    };
    const zip = { ...request, year, format: 'zip' as const };
    await asked(
      CertificateExportEntity,
      { ...zip, requestedBy: hr.id },
      JobName.ExportCertificates,
      certificateExportJobId,
      (exportId) => ({ exportId }),
    );
    const orphan = await asked(
      CertificateExportEntity,
      { ...zip, requestedBy: null },
      JobName.ExportCertificates,
      certificateExportJobId,
      (exportId) => ({ exportId }),
    );

    const told = await notices(hr.id);
    expect(told.map((n) => n.title)).toEqual([
      `Tệp chứng chỉ năm ${year} của Tỉnh Lai Châu đã sẵn sàng`,
    ]);
    expect(await worker.db.getRepository(MailEntity).countBy({ userId: hr.id })).toBe(0);
    const [{ n }] = await worker.db.query(
      `SELECT count(*)::int AS n FROM notification WHERE event_key = $1`,
      [`export-ready:${orphan}`],
    );
    expect(n).toBe(0);
  });
});
