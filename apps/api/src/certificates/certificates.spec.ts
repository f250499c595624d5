import { CertificateEntity, OutboxEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate, pendingCertificate } from './certificates.fixtures';

/** Collects a binary body (supertest buffers only known text types by default). */
function binary(res: Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('certificates of the holder and of staff in scope', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let issued: CertificateEntity;
  let pending: CertificateEntity;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
    issued = await issuedCertificate(t, {
      holder: w.people.holder,
      issuer: w.units.a1,
      pdf: 'render',
    });
    pending = await pendingCertificate(t, {
      holder: w.people.holder,
      issuer: w.units.a1,
      title: 'An toàn thông tin trong cơ quan nhà nước',
    });
  });
  afterAll(() => t.close());

  const get = (path: string, token: string) => t.http.get(path).set('Authorization', token);

  describe('GET /api/me/certificates', () => {
    it('lists the caller’s own certificates, newest first, with verify and PDF links once issued', async () => {
      const res = await get('/api/me/certificates', w.tokens.holder).expect(200);
      expect(res.body).toEqual([
        {
          id: pending.id,
          kind: 'course',
          serial: null,
          courseId: pending.courseId,
          courseTitle: 'An toàn thông tin trong cơ quan nhà nước',
          status: 'pending',
          issuedAt: null,
          verifyUrl: null,
          pdfUrl: null,
          year: pending.year,
          enrollmentId: pending.enrollmentId,
        },
        {
          id: issued.id,
          kind: 'course',
          serial: issued.serial,
          courseId: issued.courseId,
          courseTitle: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
          status: 'issued',
          issuedAt: issued.issuedAt?.toISOString(),
          verifyUrl: `${t.config.publicBaseUrl}/verify/${issued.serial}?c=${issued.verifyCode}`,
          pdfUrl: `/api/certificates/${issued.id}/pdf`,
          year: issued.year,
          enrollmentId: issued.enrollmentId,
        },
      ]);
      expect(issued.serial).toMatch(/^CDS-\d{4}-\d{6}$/);
    });

    it('shows nobody else’s certificates', async () => {
      const res = await get('/api/me/certificates', w.tokens.stranger).expect(200);
      expect(res.body).toEqual([]);
      await t.http.get('/api/me/certificates').expect(401);
    });
  });

  describe('GET /api/certificates/:id/pdf', () => {
    const pdf = (id: string, token: string) =>
      get(`/api/certificates/${id}/pdf`, token).buffer(true).parse(binary);

    it('streams the stored PDF to the holder as an attachment named after the serial', async () => {
      const res = await pdf(issued.id, w.tokens.holder).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="${issued.serial}.pdf"`,
      );
      const body = res.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const stored = await t.app.get<FileStorage>(FILE_STORAGE).get(issued.pdfKey as string);
      expect(body.equals(stored)).toBe(true);
    });

    it('serves hr of the holder’s province, the issuing scope’s trainer and a sysadmin', async () => {
      for (const token of [w.tokens.hrA, w.tokens.trainerA, w.tokens.admin]) {
        const res = await pdf(issued.id, token).expect(200);
        expect((res.body as Buffer).subarray(0, 4).toString('latin1')).toBe('%PDF');
      }
    });

    it('answers 404 to a stranger, to hr and trainers of another province, and for an unknown id', async () => {
      for (const token of [w.tokens.stranger, w.tokens.hrB, w.tokens.trainerB]) {
        await get(`/api/certificates/${issued.id}/pdf`, token).expect(404);
      }
      await get(`/api/certificates/${randomUUID()}/pdf`, w.tokens.admin).expect(404);
      const bad = await get('/api/certificates/not-a-uuid/pdf', w.tokens.admin).expect(400);
      expect(bad.body.errors).toEqual([
        { field: 'id', code: 'is_uuid', message: 'id must be a UUID' },
      ]);
    });

    it('answers 409 while the certificate is still being issued', async () => {
      const res = await get(`/api/certificates/${pending.id}/pdf`, w.tokens.holder).expect(409);
      expect(res.body.message).toBe('The certificate is still being issued');
    });

    it('asks the worker to render again a PDF missing from storage instead of failing', async () => {
      const lost = await issuedCertificate(t, {
        holder: w.people.holder,
        issuer: w.units.a1,
        title: 'Dữ liệu số',
      });
      await t.app.get<FileStorage>(FILE_STORAGE).delete(lost.pdfKey as string);
      await get(`/api/certificates/${lost.id}/pdf`, w.tokens.holder).expect(409);
      const row = await t.db.getRepository(CertificateEntity).findOneByOrFail({ id: lost.id });
      expect(row.pdfKey).toBeNull();
      const outbox = await t.db
        .getRepository(OutboxEntity)
        .createQueryBuilder('o')
        .where(`o.payload->>'certificateId' = :id`, { id: lost.id })
        .getMany();
      expect(outbox).toHaveLength(1);
      expect(outbox[0]).toMatchObject({ queue: 'certificates', jobName: 'issue', sentAt: null });
    });
  });

  describe('GET /api/certificates/:id', () => {
    it('shows the holder the certificate with its history, without rights to revoke', async () => {
      const res = await get(`/api/certificates/${issued.id}`, w.tokens.holder).expect(200);
      expect(res.body).toMatchObject({
        id: issued.id,
        serial: issued.serial,
        status: 'issued',
        holderName: 'Nguyễn Thị Hường',
        holderId: w.people.holder.id,
        dateOfBirth: '1988-03-14',
        hours: 8,
        registerNumber: issued.registerNumber,
        issuerOrgUnitId: w.units.a1.id,
        issuerName: 'Xã A1',
        canRevoke: false,
        canReissue: false,
      });
      expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['requested', 'issued']);
      expect(res.body.events[0]).toMatchObject({
        actorId: w.people.holder.id,
        actorName: 'Nguyễn Thị Hường',
      });
    });

    it('tells the issuing scope’s trainer they may revoke, and hides it from another province', async () => {
      const res = await get(`/api/certificates/${issued.id}`, w.tokens.trainerA).expect(200);
      expect(res.body).toMatchObject({ canRevoke: true, canReissue: true });
      expect(
        (await get(`/api/certificates/${issued.id}`, w.tokens.hrA).expect(200)).body.canRevoke,
      ).toBe(false);
      await get(`/api/certificates/${issued.id}`, w.tokens.trainerB).expect(404);
      await get(`/api/certificates/${issued.id}`, w.tokens.stranger).expect(404);
    });
  });

  describe('GET /api/certificates', () => {
    const list = (token: string, query: Record<string, string | number> = {}) =>
      get('/api/certificates', token).query(query);

    it('lists the certificates of the caller’s scope with holder and issuer', async () => {
      const res = await list(w.tokens.trainerA).expect(200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([issued.id, pending.id]));
      expect(res.body.items.find((i: { id: string }) => i.id === issued.id)).toEqual({
        id: issued.id,
        kind: 'course',
        serial: issued.serial,
        courseId: issued.courseId,
        courseTitle: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
        status: 'issued',
        issuedAt: issued.issuedAt?.toISOString(),
        verifyUrl: `${t.config.publicBaseUrl}/verify/${issued.serial}?c=${issued.verifyCode}`,
        pdfUrl: `/api/certificates/${issued.id}/pdf`,
        holderName: 'Nguyễn Thị Hường',
        issuerName: 'Xã A1',
        completedAt: issued.completedAt.toISOString(),
      });
      expect(res.body).toMatchObject({ page: 1, pageSize: 20 });
      expect(
        (await list(w.tokens.hrA).expect(200)).body.items.map((i: { id: string }) => i.id),
      ).toContain(issued.id);
    });

    it('shows another province nothing of it', async () => {
      for (const token of [w.tokens.trainerB, w.tokens.hrB]) {
        const res = await list(token, { orgUnitId: w.units.b.id }).expect(200);
        expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(issued.id);
        await list(token, { orgUnitId: w.units.a1.id }).expect(404);
      }
    });

    it('filters by status, by serial or holder name, and by unit', async () => {
      const bySerial = await list(w.tokens.admin, { q: issued.serial as string }).expect(200);
      expect(bySerial.body.items.map((i: { id: string }) => i.id)).toEqual([issued.id]);
      const pendingOnly = await list(w.tokens.trainerA, {
        status: 'pending',
        orgUnitId: w.units.a1.id,
      }).expect(200);
      expect(pendingOnly.body.items.map((i: { id: string }) => i.id)).toEqual([pending.id]);
      const byName = await list(w.tokens.hrA, { q: 'thị hường', orgUnitId: w.units.a.id }).expect(
        200,
      );
      expect(byName.body.total).toBeGreaterThanOrEqual(2);
    });

    it('refuses learners and invalid filters', async () => {
      await list(w.tokens.holder).expect(403);
      const res = await list(w.tokens.admin, {
        status: 'lost',
        pageSize: 500,
        orgUnitId: 'x',
      }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'orgUnitId',
        'pageSize',
        'status',
      ]);
    });
  });
});
