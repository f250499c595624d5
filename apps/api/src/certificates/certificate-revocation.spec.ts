import { certificateJobId } from '@dx/contracts';
import { claimsOf } from '@dx/certificate-pdf';
import { KeyRing } from '@dx/certificates';
import { CertificateEntity, CertificateEventEntity, OutboxEntity } from '@dx/db';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate, pendingCertificate } from './certificates.fixtures';

describe('revoking and re-issuing certificates', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
  });
  afterAll(() => t.close());

  const issue = (issuer = w.units.a1) => issuedCertificate(t, { holder: w.people.holder, issuer });
  const post = (path: string, token: string, body: object) =>
    t.http.post(path).set('Authorization', token).send(body);
  const revoke = (id: string, token: string, body: object = { reason: 'fraud' }) =>
    post(`/api/certificates/${id}/revoke`, token, body);
  const reissue = (id: string, token: string, body: object) =>
    post(`/api/certificates/${id}/reissue`, token, body);
  const row = (id: string) => t.db.getRepository(CertificateEntity).findOneByOrFail({ id });
  const events = (id: string, type: string) =>
    t.db
      .getRepository(CertificateEventEntity)
      .find({ where: { certificateId: id, type }, order: { createdAt: 'ASC' } });

  describe('POST /api/certificates/:id/revoke', () => {
    it('lets a trainer of the issuing scope revoke; the public page then says "revoked"', async () => {
      const cert = await issue();
      const res = await revoke(cert.id, w.tokens.trainerA, {
        reason: 'not_eligible',
        note: 'Quyết định số 12/QĐ-SNV: chưa đủ điều kiện dự thi',
      }).expect(200);
      expect(res.body).toMatchObject({
        id: cert.id,
        status: 'revoked',
        revokedReason: 'not_eligible',
        canRevoke: false,
      });

      const stored = await row(cert.id);
      expect(stored).toMatchObject({
        status: 'revoked',
        revokedReason: 'not_eligible',
        revokedNote: 'Quyết định số 12/QĐ-SNV: chưa đủ điều kiện dự thi',
      });
      expect(stored.revokedAt).toBeInstanceOf(Date);
      const [event] = await events(cert.id, 'revoked');
      expect(event).toMatchObject({
        actorId: w.people.trainerA.id,
        data: { reason: 'not_eligible' },
      });

      const pub = await t.http.get(`/api/public/certificates/${cert.serial}`).expect(200);
      expect(pub.body.status).toBe('revoked');
      const again = await revoke(cert.id, w.tokens.admin).expect(409);
      expect(again.body.message).toBe('The certificate is already revoked');
    });

    it('refuses a trainer of another province (404), hr and the holder (403)', async () => {
      const cert = await issue();
      await revoke(cert.id, w.tokens.trainerB).expect(404);
      await revoke(cert.id, w.tokens.hrB).expect(404);
      await revoke(cert.id, w.tokens.stranger).expect(404);
      await revoke(cert.id, w.tokens.hrA).expect(403);
      await revoke(cert.id, w.tokens.holder).expect(403);
      expect((await row(cert.id)).status).toBe('issued');
      expect(await events(cert.id, 'revoked')).toEqual([]);
    });

    it('answers 409 while the certificate is still pending', async () => {
      const pending = await pendingCertificate(t, {
        holder: w.people.stranger,
        issuer: w.units.a1,
      });
      const res = await revoke(pending.id, w.tokens.admin).expect(409);
      expect(res.body.message).toBe('The certificate is still being issued');
    });

    it('validates the reason and the note', async () => {
      const cert = await issue();
      const missing = await revoke(cert.id, w.tokens.admin, {}).expect(400);
      expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
      await revoke(cert.id, w.tokens.admin, { reason: 'lost' }).expect(400);
      const long = await revoke(cert.id, w.tokens.admin, {
        reason: 'fraud',
        note: 'ý'.repeat(1001),
      }).expect(400);
      expect(long.body.errors).toEqual([
        { field: 'note', code: 'max_length', message: expect.stringContaining('1000') },
      ]);
      await revoke(cert.id, w.tokens.admin, { reason: 'fraud', status: 'issued' }).expect(400);
      await revoke('123', w.tokens.admin).expect(400);
      expect((await row(cert.id)).status).toBe('issued');
    });

    it('passes the right to revoke to the successor once the issuing unit is merged', async () => {
      const xa = await t.make.unit(w.units.a, 'Phường Xuân An');
      const cert = await issue(xa);
      await post(`/api/org-units/${xa.id}/merge`, w.tokens.admin, {
        targetId: w.units.b.id,
        effectiveDate: '2025-07-01',
      }).expect(200);

      // Province A's trainer still sees it (issued within A) but no longer answers for it.
      const seen = await t.http
        .get(`/api/certificates/${cert.id}`)
        .set('Authorization', w.tokens.trainerA)
        .expect(200);
      expect(seen.body.canRevoke).toBe(false);
      await revoke(cert.id, w.tokens.trainerA).expect(403);
      const listed = await t.http
        .get('/api/certificates')
        .query({ q: cert.serial as string })
        .set('Authorization', w.tokens.trainerB);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([cert.id]);
      await revoke(cert.id, w.tokens.trainerB, { reason: 'issuer_error' }).expect(200);
      expect((await row(cert.id)).status).toBe('revoked');
    });
    it('follows a chain of merges to the unit answerable today', async () => {
      const first = await t.make.unit(w.units.a, 'Xã Tân Lập');
      const middle = await t.make.unit(w.units.b, 'Xã Tân Hòa');
      const last = await t.make.unit(w.units.root, 'Đặc khu Côn Đảo');
      const trainerLast = await t.tokenFor(
        (await t.make.user(last, { roles: ['trainer'] })).username,
      );
      const cert = await issue(first);
      const merge = (unit: { id: string }, targetId: string, effectiveDate: string) =>
        post(`/api/org-units/${unit.id}/merge`, w.tokens.admin, { targetId, effectiveDate }).expect(
          200,
        );
      await merge(first, middle.id, '2025-03-01');
      await merge(middle, last.id, '2025-07-01');

      // Province B held the middle unit only for a while: it has no say any more.
      await revoke(cert.id, w.tokens.trainerB).expect(404);
      await revoke(cert.id, trainerLast, { reason: 'altered' }).expect(200);
    });
  });

  describe('POST /api/certificates/:id/reissue', () => {
    it('corrects the holder name under the same serial, signs it again and asks the worker for a new PDF', async () => {
      const cert = await issue();
      const res = await reissue(cert.id, w.tokens.trainerA, {
        reason: 'name_correction',
        holderName: '  Nguyễn Thị   Hương ',
        note: 'Sai dấu trong họ tên',
      }).expect(200);
      expect(res.body).toMatchObject({
        serial: cert.serial,
        holderName: 'Nguyễn Thị Hương',
        // "issued" only once the new copy's PDF can be downloaded.
        status: 'pending',
        pdfUrl: null,
      });

      const stored = await row(cert.id);
      expect(stored.serial).toBe(cert.serial);
      expect(stored.registerNumber).toBe(cert.registerNumber);
      expect(stored.snapshot).toEqual({ ...cert.snapshot, holderName: 'Nguyễn Thị Hương' });
      expect(stored.pdfKey).toBeNull();
      expect(stored.signature).not.toBe(cert.signature);
      const { signer, kid } = await t.app.get(KeyRing).active();
      expect(stored.kid).toBe(kid);
      const claims = claimsOf({
        ...stored,
        serial: stored.serial as string,
        registerNumber: stored.registerNumber as number,
      });
      expect(signer.verify(claims, stored.signature as string)).toBe(true);

      const [event] = await events(cert.id, 'reissued');
      expect(event).toMatchObject({
        actorId: w.people.trainerA.id,
        note: 'Sai dấu trong họ tên',
        data: {
          reason: 'name_correction',
          n: 1,
          oldHolderName: 'Nguyễn Thị Hường',
          newHolderName: 'Nguyễn Thị Hương',
        },
      });
      const outbox = await t.db
        .getRepository(OutboxEntity)
        .findOneByOrFail({ jobId: certificateJobId(cert.id, { reissue: 1 }) });
      expect(outbox).toMatchObject({
        queue: 'certificates',
        jobName: 'issue',
        payload: { certificateId: cert.id },
        sentAt: null,
      });

      // The code of the QR code shows the full, corrected name.
      const pub = await t.http
        .get(`/api/public/certificates/${cert.serial}`)
        .query({ c: cert.verifyCode as string })
        .expect(200);
      expect(pub.body).toMatchObject({ holderName: 'Nguyễn Thị Hương', status: 'valid' });
      const pdf = await t.http
        .get(`/api/certificates/${cert.id}/pdf`)
        .set('Authorization', w.tokens.holder)
        .expect(409);
      expect(pdf.body.message).toBe('The certificate is still being issued');
    });

    it('re-issues a lost copy unchanged, each time with its own job id', async () => {
      const cert = await issue();
      await reissue(cert.id, w.tokens.admin, { reason: 'lost' }).expect(200);
      await reissue(cert.id, w.tokens.admin, { reason: 'lost' }).expect(200);
      const stored = await row(cert.id);
      expect(stored.snapshot).toEqual(cert.snapshot);
      // Ed25519 is deterministic: the same claims give the same signature.
      expect(stored.signature).toBe(cert.signature);
      const jobs = await t.db.getRepository(OutboxEntity).find({
        where: [
          { jobId: certificateJobId(cert.id, { reissue: 1 }) },
          { jobId: certificateJobId(cert.id, { reissue: 2 }) },
        ],
      });
      expect(jobs).toHaveLength(2);
    });

    it('validates the request: a name only for a name correction, and a different one', async () => {
      const cert = await issue();
      const noName = await reissue(cert.id, w.tokens.admin, { reason: 'name_correction' }).expect(
        400,
      );
      expect(noName.body.errors.map((e: { field: string }) => e.field)).toContain('holderName');
      await reissue(cert.id, w.tokens.admin, {
        reason: 'name_correction',
        holderName: '   ',
      }).expect(400);
      await reissue(cert.id, w.tokens.admin, {
        reason: 'name_correction',
        holderName: 'x'.repeat(256),
      }).expect(400);
      const lostWithName = await reissue(cert.id, w.tokens.admin, {
        reason: 'lost',
        holderName: 'Ai Đó',
      }).expect(400);
      expect(lostWithName.body.errors).toEqual([
        { field: 'holderName', code: 'holder_name_not_allowed', message: expect.any(String) },
      ]);
      await reissue(cert.id, w.tokens.admin, { reason: 'typo' }).expect(400);
      const same = await reissue(cert.id, w.tokens.admin, {
        reason: 'name_correction',
        holderName: 'Nguyễn Thị Hường',
      }).expect(400);
      expect(same.body.errors[0]).toMatchObject({
        field: 'holderName',
        code: 'holder_name_unchanged',
      });
      expect(await events(cert.id, 'reissued')).toEqual([]);
    });

    it('refuses hr (403), other provinces (404), and revoked or pending certificates (409)', async () => {
      const cert = await issue();
      const body = { reason: 'name_correction', holderName: 'Nguyễn Thị Hương' };
      await reissue(cert.id, w.tokens.hrA, body).expect(403);
      await reissue(cert.id, w.tokens.trainerB, body).expect(404);
      await revoke(cert.id, w.tokens.admin).expect(200);
      await reissue(cert.id, w.tokens.admin, body).expect(409);
      const pending = await pendingCertificate(t, {
        holder: w.people.stranger,
        issuer: w.units.a1,
      });
      await reissue(pending.id, w.tokens.admin, body).expect(409);
    });
  });
});
