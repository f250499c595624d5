import { claimsOf, renderCertificatePdf } from '@dx/certificate-pdf';
import { KeyRing } from '@dx/certificates';
import { calendarDate } from '@dx/contracts';
import { CertificateEntity, CertificateEventEntity, OrgUnitEntity, UserEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { buildCourse } from '../test/course-factory';
import type { TestApp } from '../test/test-app';

export interface CertificateSpec {
  holder: UserEntity;
  issuer: OrgUnitEntity;
  title?: string;
  hours?: number;
  dateOfBirth?: string | null;
  /**
   * The PDF stored at pdfKey: `render` (the real renderer, ~1 s in Jest), `minimal` (a
   * few bytes of PDF, default) or `none` (the worker has not stored it yet).
   */
  pdf?: 'render' | 'minimal' | 'none';
}

/**
 * A certificate left exactly as the worker leaves it once issued: gap-free serial and
 * register number from the counters, issuedOn in the snapshot, signature over
 * claimsOf(row), and the rendered PDF in the app's FILE_STORAGE at pdfKey.
 */
export async function issuedCertificate(
  t: TestApp,
  spec: CertificateSpec,
): Promise<CertificateEntity> {
  const key = await t.app.get(KeyRing).active();
  // Two transactions, as in real life: the completion's, then the worker's.
  const pending = await pendingCertificate(t, spec);
  const { cert, issuedOn } = await t.db.transaction(async (tx) => {
    const issuedAt = new Date();
    const issuedOn = calendarDate(t.config.reportsTimeZone, issuedAt);
    const year = Number(issuedOn.slice(0, 4));
    const serial = `CDS-${year}-${String(await next(tx, 'serial', year)).padStart(6, '0')}`;
    const registerNumber = await next(tx, `register:${spec.issuer.id}`, year);
    const snapshot = { ...pending.snapshot, issuedOn };
    const signature = key.signer.sign(claimsOf({ ...pending, serial, registerNumber, snapshot }));
    const statusListIndex = (await next(tx, 'status-list', 0)) - 1;
    const verifyCode = randomBytes(16).toString('base64url');
    await tx.update(
      CertificateEntity,
      { id: pending.id },
      {
        serial,
        registerNumber,
        snapshot,
        signature,
        kid: key.kid,
        verifyCode,
        statusListIndex,
        issuedAt,
        status: 'issued',
      },
    );
    await tx.insert(CertificateEventEntity, {
      certificateId: pending.id,
      type: 'issued',
      data: { serial },
    });
    return { cert: await tx.findOneByOrFail(CertificateEntity, { id: pending.id }), issuedOn };
  });
  const mode = spec.pdf ?? 'minimal';
  if (mode === 'none') return cert;
  const pdf =
    mode === 'minimal'
      ? Buffer.from(`%PDF-1.4\n% ${cert.serial}\ntrailer<<>>\n%%EOF\n`, 'latin1')
      : await renderCertificatePdf({
          ...claimsOf({
            ...cert,
            serial: cert.serial as string,
            registerNumber: cert.registerNumber as number,
          }),
          year: Number(issuedOn.slice(0, 4)),
          verifyUrl: `${t.config.publicBaseUrl}/verify/${cert.serial}?c=${cert.verifyCode}`,
        });
  const pdfKey = `certificates/${issuedOn.slice(0, 4)}/${cert.serial}.pdf`;
  await t.app.get<FileStorage>(FILE_STORAGE).put(pdfKey, pdf);
  await t.db.getRepository(CertificateEntity).update({ id: cert.id }, { pdfKey });
  return { ...cert, pdfKey };
}

/** A certificate the completion transaction has just requested (the worker has not run). */
export async function pendingCertificate(
  t: TestApp,
  spec: CertificateSpec,
): Promise<CertificateEntity> {
  return t.db.transaction((tx) => insertPending(tx, t, spec));
}

async function insertPending(
  tx: EntityManager,
  t: TestApp,
  spec: CertificateSpec,
): Promise<CertificateEntity> {
  const hours = spec.hours ?? 8;
  const { course, version } = await buildCourse(t.db, {
    owner: spec.issuer,
    title: spec.title ?? 'Chuyển đổi số cơ bản cho cán bộ, công chức',
    hours,
    modules: [1],
  });
  const completedAt = new Date();
  const cert = await tx.save(
    tx.create(CertificateEntity, {
      kind: 'course',
      userId: spec.holder.id,
      courseId: course.id,
      courseVersionId: version.id,
      status: 'pending',
      completedAt,
      hours,
      issuerOrgUnitId: spec.issuer.id,
      snapshot: {
        holderName: spec.holder.fullName,
        dateOfBirth: spec.dateOfBirth === undefined ? '1988-03-14' : spec.dateOfBirth,
        title: version.title,
        hours,
        completedOn: calendarDate(t.config.reportsTimeZone, completedAt),
        issuerName: spec.issuer.name,
        issuerCode: spec.issuer.code,
      },
    }),
  );
  await tx.insert(CertificateEventEntity, {
    certificateId: cert.id,
    type: 'requested',
    actorId: spec.holder.id,
  });
  return cert;
}

/** The worker's gap-free counter, used the same way. */
async function next(tx: EntityManager, scope: string, year: number): Promise<number> {
  const [row] = await tx.query(
    `INSERT INTO certificate_counter (scope, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (scope, year) DO UPDATE SET last_value = certificate_counter.last_value + 1
     RETURNING last_value`,
    [scope, year],
  );
  return row.last_value;
}

/**
 * Two provinces with people around one certificate: a holder in commune A1 of a course
 * owned by A1; a trainer and an hr officer of province A (in scope), of province B (not),
 * a stranger in A1 and a sysadmin. `tokens` holds a bearer header for each.
 */
export async function certificateWorld(t: TestApp) {
  const units = await t.make.twoProvinces();
  const people = {
    holder: await t.make.user(units.a1, { fullName: 'Nguyễn Thị Hường' }),
    trainerA: await t.make.user(units.a, {
      roles: ['learner', 'trainer'],
      fullName: 'Trần Văn Giảng',
    }),
    hrA: await t.make.user(units.a, { roles: ['learner', 'hr'], fullName: 'Lê Thị Nhân' }),
    trainerB: await t.make.user(units.b, {
      roles: ['learner', 'trainer'],
      fullName: 'Phạm Văn Bình',
    }),
    hrB: await t.make.user(units.b, { roles: ['learner', 'hr'], fullName: 'Đỗ Thị Sự' }),
    stranger: await t.make.user(units.a1, { fullName: 'Vũ Văn Lạ' }),
    admin: await t.make.user(units.root, { roles: ['sysadmin'], fullName: 'Quản trị hệ thống' }),
  };
  const entries = await Promise.all(
    Object.entries(people).map(async ([k, u]) => [k, await t.tokenFor(u.username)] as const),
  );
  const tokens = Object.fromEntries(entries) as Record<keyof typeof people, string>;
  return { units, people, tokens };
}
