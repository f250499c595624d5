import { calendarDate, certificateExportJobId, CERTIFICATES_QUEUE, JobName } from '@dx/contracts';
import { CertificateExportEntity, enqueueJob, OrgUnitEntity } from '@dx/db';
import { eventually, PostgresReplicaPair, requestCertificates } from '@dx/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestWorker } from '../test/test-worker';
import { CertificateIssuerService } from './certificate-issuer.service';

jest.setTimeout(180_000);

/**
 * The certificate register export with DATABASE_REPLICA_URL on a real streaming standby
 * (pg_basebackup): with a lag allowance of an hour, a standby whose replay is paused still
 * serves it, so a certificate issued on the primary meanwhile is missing from the file
 * until the standby has replayed it. That difference is the proof the replica was read.
 */
describe('the certificate export on a read replica', () => {
  let pair: PostgresReplicaPair;
  const env: Record<string, string> = { DATABASE_REPLICA_MAX_LAG_SECONDS: '3600' };
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_replica_export',
    storagePrefix: 'dx-worker-replica-export-',
    env,
  });
  let db: DataSource;
  let unit: OrgUnitEntity;

  beforeAll(async () => {
    pair = await PostgresReplicaPair.start('dx_worker_replica_export');
    Object.assign(env, { DATABASE_URL: pair.primaryUrl, DATABASE_REPLICA_URL: pair.replicaUrl });
    await worker.start();
    db = worker.db;
  });
  afterAll(async () => {
    await worker.stop();
    pair?.destroy();
  });

  async function issueOne(name: string): Promise<OrgUnitEntity> {
    const { issuer, certificates } = await requestCertificates(db, 1, name, { outbox: false });
    await worker.app.get(CertificateIssuerService).issue(certificates[0].id);
    return issuer;
  }

  /** Asks as the API does (row + outbox row in one transaction); the count in the file. */
  async function exportedCount(): Promise<number> {
    const id = randomUUID();
    await db.transaction(async (tx) => {
      await tx.insert(CertificateExportEntity, {
        id,
        orgUnitId: unit.id,
        // Each issueOne makes a unit of its own: the register of every root covers both.
        unitPath: '/',
        unitCode: unit.code,
        unitName: unit.name,
        year: Number(calendarDate(worker.config.reportsTimeZone).slice(0, 4)),
        format: 'xlsx',
        requestedBy: null,
      });
      await enqueueJob(tx, {
        queue: CERTIFICATES_QUEUE,
        jobName: JobName.ExportCertificates,
        jobId: certificateExportJobId(id),
        payload: { exportId: id },
      });
    });
    const repo = db.getRepository(CertificateExportEntity);
    await eventually(
      async () => (await repo.findOneByOrFail({ id })).state === 'completed',
      60_000,
    );
    return (await repo.findOneByOrFail({ id })).count as number;
  }

  it('reads the register on the replica, and sees what the replica has replayed', async () => {
    unit = await issueOne('Trần Văn Một');
    await pair.waitForCatchUp();
    expect(await exportedCount()).toBe(1);

    await pair.pauseReplay();
    try {
      await issueOne('Lê Thị Hai');
      // The primary has two; the paused standby, within the allowed lag, still one.
      expect(await exportedCount()).toBe(1);
    } finally {
      await pair.resumeReplay();
    }
    await pair.waitForCatchUp();
    expect(await exportedCount()).toBe(2);
  });
});
