import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate, pendingCertificate } from './certificates.fixtures';

describe('public verification (no sign-in)', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
  });
  afterAll(() => t.close());

  const issue = () =>
    issuedCertificate(t, { holder: w.people.holder, issuer: w.units.a1, hours: 12.5 });
  const alter = (id: string, sql: string) =>
    t.db.query(`UPDATE certificate SET ${sql} WHERE id = $1`, [id]);

  describe('GET /api/public/certificates/:serial', () => {
    it('with the code of the QR code: the printed facts and "valid", and nothing more personal', async () => {
      const cert = await issue();
      const res = await t.http
        .get(`/api/public/certificates/${cert.serial}`)
        .query({ c: cert.verifyCode as string })
        .expect(200);
      expect(Object.keys(res.body).sort()).toEqual(
        ['courseTitle', 'holderName', 'holderNameShown', 'hours', 'issuedAt', 'issuer', 'kid', 'serial', 'status'].sort(),
      );
      expect(res.body).toEqual({
        serial: cert.serial,
        holderName: 'Nguyễn Thị Hường',
        holderNameShown: true,
        courseTitle: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
        hours: 12.5,
        issuedAt: cert.issuedAt?.toISOString(),
        issuer: 'Xã A1',
        kid: cert.kid,
        status: 'valid',
      });
      expect(JSON.stringify(res.body)).not.toContain('1988');
      expect(res.headers['cache-control']).toBe('no-store');
      // Browser wallets and employers' pages read it from other origins.
      expect(res.headers['access-control-allow-origin']).toBe('*');
    });

    it('without the code, or with a wrong one, masks the holder name (first letters only)', async () => {
      const cert = await issue();
      expect(cert.verifyCode).toMatch(/^[A-Za-z0-9_-]{22}$/);
      for (const query of [{}, { c: 'wrong-code' }, { c: `${cert.verifyCode}x` }]) {
        const res = await t.http.get(`/api/public/certificates/${cert.serial}`).query(query).expect(200);
        expect(res.body).toMatchObject({ holderName: 'N*** T*** H***', holderNameShown: false, status: 'valid' });
      }
    });

    it('accepts a serial typed in any case and with stray spaces', async () => {
      const cert = await issue();
      const typed = ` ${(cert.serial as string).toLowerCase().replace('-', '- ')} `;
      const res = await t.http
        .get(`/api/public/certificates/${encodeURIComponent(typed)}`)
        .query({ c: cert.verifyCode as string })
        .expect(200);
      expect(res.body).toMatchObject({ serial: cert.serial, holderName: 'Nguyễn Thị Hường' });
    });

    it('accepts the serial in any case and with stray spaces, answering the stored form', async () => {
      const cert = await issue();
      const serial = cert.serial as string;
      const typed = [
        serial.toLowerCase(),
        `  ${serial} `,
        serial.replace(/-/g, ' '),
        serial.toLowerCase().replace(/-/g, ' - '),
      ];
      for (const variant of typed) {
        const res = await t.http
          .get(`/api/public/certificates/${encodeURIComponent(variant)}`)
          .expect(200);
        expect(res.body).toMatchObject({ serial, status: 'valid' });
      }
    });

    it('answers 404 for an unknown, a malformed or a not yet issued serial', async () => {
      await t.http.get('/api/public/certificates/CDS-1999-999999').expect(404);
      for (const bad of [
        'abc',
        'CDS-2026-12',
        'XDS-2026-000001',
        "CDS-2026-000001' OR '1'='1",
        'CDS-2026-0000011',
      ]) {
        const res = await t.http
          .get(`/api/public/certificates/${encodeURIComponent(bad)}`)
          .expect(404);
        expect(res.body).toMatchObject({ statusCode: 404 });
      }
      // The worker gives the serial and flips to issued together; a serial on a pending row
      // (interrupted by hand, say) must not be vouched for either.
      const pending = await pendingCertificate(t, {
        holder: w.people.stranger,
        issuer: w.units.a1,
      });
      await alter(pending.id, `serial = 'CDS-1999-000777'`);
      await t.http.get('/api/public/certificates/CDS-1999-000777').expect(404);
    });

    it('answers "invalid" when the holder name was altered in the database', async () => {
      const cert = await issue();
      await alter(cert.id, `snapshot = jsonb_set(snapshot, '{holderName}', '"Nguyễn Thị Giả"')`);
      const res = await t.http.get(`/api/public/certificates/${cert.serial}`).expect(200);
      expect(res.body).toMatchObject({ status: 'invalid', invalidReason: 'signature_mismatch' });
    });

    it('answers "invalid" when the hours were altered, in the snapshot or in the column', async () => {
      const a = await issue();
      await alter(a.id, `snapshot = jsonb_set(snapshot, '{hours}', '40')`);
      expect(
        (await t.http.get(`/api/public/certificates/${a.serial}`).expect(200)).body.status,
      ).toBe('invalid');
      const b = await issue();
      await alter(b.id, `hours = 40`);
      expect(
        (await t.http.get(`/api/public/certificates/${b.serial}`).expect(200)).body.status,
      ).toBe('invalid');
    });

    it('answers "invalid" when the signature or register number was tampered with', async () => {
      const a = await issue();
      await alter(a.id, `signature = 'AAAA'`);
      expect(
        (await t.http.get(`/api/public/certificates/${a.serial}`).expect(200)).body.status,
      ).toBe('invalid');
      const b = await issue();
      await alter(b.id, `register_number = register_number + 1000`);
      expect(
        (await t.http.get(`/api/public/certificates/${b.serial}`).expect(200)).body.status,
      ).toBe('invalid');
    });
  });
});
