import { canonicalJson } from '@dx/certificate-pdf';
import { CertificateEntity } from '@dx/db';
import { createPublicKey, JsonWebKey, verify } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate, pendingCertificate } from './certificates.fixtures';

/** What a verifier does offline: the published JWK and the credential, nothing else. */
function verifiesOffline(credential: Record<string, unknown>, jwk: JsonWebKey): boolean {
  const { proof, ...unsigned } = credential as { proof: { proofValue: string } };
  const key = createPublicKey({ key: jwk, format: 'jwk' });
  return verify(
    null,
    Buffer.from(canonicalJson(unsigned)),
    key,
    Buffer.from(proof.proofValue, 'base64url'),
  );
}

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
    it('answers the printed facts and "valid", and nothing more personal', async () => {
      const cert = await issue();
      const res = await t.http.get(`/api/public/certificates/${cert.serial}`).expect(200);
      expect(Object.keys(res.body).sort()).toEqual(
        ['courseTitle', 'holderName', 'hours', 'issuedAt', 'issuer', 'serial', 'status'].sort(),
      );
      expect(res.body).toEqual({
        serial: cert.serial,
        holderName: 'Nguyễn Thị Hường',
        courseTitle: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
        hours: 12.5,
        issuedAt: cert.issuedAt?.toISOString(),
        issuer: 'Xã A1',
        status: 'valid',
      });
      expect(JSON.stringify(res.body)).not.toContain('1988');
      expect(res.headers['cache-control']).toBe('no-store');
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
      expect(res.body).toMatchObject({ holderName: 'Nguyễn Thị Giả', status: 'invalid' });
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

  describe('GET /api/public/keys and the Open Badges credential', () => {
    it('publishes the Ed25519 public key as a JWK, never the private part', async () => {
      const res = await t.http.get('/api/public/keys').expect(200);
      expect(res.body.keys).toHaveLength(1);
      expect(res.body.keys[0]).toEqual({
        kty: 'OKP',
        crv: 'Ed25519',
        x: expect.any(String),
        kid: expect.stringMatching(/^dx-/),
        alg: 'EdDSA',
        use: 'sig',
      });
    });

    it('issues a credential that verifies offline with the published JWK, and breaks when altered', async () => {
      const cert = await issue();
      const { body: jwks } = await t.http.get('/api/public/keys').expect(200);
      const res = await t.http
        .get(`/api/public/certificates/${cert.serial}/credential`)
        .expect(200);
      const vc = res.body;
      const base = t.config.publicBaseUrl;
      expect(vc).toMatchObject({
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: base, type: 'Profile', name: 'Xã A1' },
        validFrom: cert.issuedAt?.toISOString(),
        credentialSubject: {
          type: ['AchievementSubject'],
          name: 'Nguyễn Thị Hường',
          achievement: {
            type: ['Achievement'],
            name: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
            criteria: { narrative: expect.any(String) },
          },
        },
        credentialStatus: { revoked: false },
        proof: {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-jcs-2022',
          verificationMethod: `${base}/api/public/keys#${jwks.keys[0].kid}`,
          proofPurpose: 'assertionMethod',
          created: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        },
      });
      expect(JSON.stringify(vc)).not.toContain('1988-03-14');

      const jwk = jwks.keys[0];
      expect(verifiesOffline(vc, jwk)).toBe(true);
      const renamed = {
        ...vc,
        credentialSubject: { ...vc.credentialSubject, name: 'Nguyễn Văn Khác' },
      };
      expect(verifiesOffline(renamed, jwk)).toBe(false);
      expect(verifiesOffline({ ...vc, validFrom: '2020-01-01T00:00:00.000Z' }, jwk)).toBe(false);
    });

    it('refuses to sign a credential for altered data, and 404s unknown serials', async () => {
      const cert = await issue();
      await alter(cert.id, `snapshot = jsonb_set(snapshot, '{title}', '"Khóa học khác"')`);
      await t.http.get(`/api/public/certificates/${cert.serial}/credential`).expect(409);
      await t.http.get('/api/public/certificates/CDS-1999-999998/credential').expect(404);
      await t.http.get('/api/public/certificates/nope/credential').expect(404);
    });

    it('marks the credential of a revoked certificate as revoked', async () => {
      const cert = await issue();
      await t.http
        .post(`/api/certificates/${cert.id}/revoke`)
        .set('Authorization', w.tokens.trainerA)
        .send({ reason: 'lent' })
        .expect(200);
      const res = await t.http
        .get(`/api/public/certificates/${cert.serial}/credential`)
        .expect(200);
      expect(res.body.credentialStatus).toMatchObject({
        statusPurpose: 'revocation',
        revoked: true,
      });
      const { body: jwks } = await t.http.get('/api/public/keys');
      expect(verifiesOffline(res.body, jwks.keys[0])).toBe(true);
      const row = await t.db.getRepository(CertificateEntity).findOneByOrFail({ id: cert.id });
      expect(row.status).toBe('revoked');
    });
  });
});
