import { createTestApp, TestApp } from '../test/test-app';
import { certificateWorld, issuedCertificate } from '../certificates/certificates.fixtures';

describe('the holder is told when a certificate is revoked or re-issued', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
  });
  afterAll(() => t.close());

  const notices = (userId: string, certificateId: string) =>
    t.db.query(
      `SELECT type, title, body FROM notification
        WHERE user_id = $1 AND event_key LIKE '%:' || $2 || '%' ORDER BY created_at`,
      [userId, certificateId],
    );

  it('notifies each re-issue and the revocation once, with the serial', async () => {
    const cert = await issuedCertificate(t, { holder: w.people.holder, issuer: w.units.a1 });
    const post = (path: string, body: object) =>
      t.http.post(path).set('Authorization', w.tokens.admin).send(body);
    await post(`/api/certificates/${cert.id}/reissue`, { reason: 'lost' }).expect(200);
    await post(`/api/certificates/${cert.id}/reissue`, { reason: 'lost' }).expect(200);
    await post(`/api/certificates/${cert.id}/revoke`, { reason: 'fraud' }).expect(200);
    await post(`/api/certificates/${cert.id}/revoke`, { reason: 'fraud' }).expect(409);

    const got = await notices(w.people.holder.id, cert.id);
    expect(got.map((n: { type: string }) => n.type)).toEqual([
      'certificate-reissued',
      'certificate-reissued',
      'certificate-revoked',
    ]);
    expect(got[2].body).toContain(`Chứng chỉ số hiệu ${cert.serial} đã bị thu hồi`);
  });
});
