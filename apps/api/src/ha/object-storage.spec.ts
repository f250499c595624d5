import { S3TestServer } from '@dx/testing';
import type { Response } from 'supertest';
import { certificateWorld, issuedCertificate } from '../certificates/certificates.fixtures';
import { createTestApp, TestApp } from '../test/test-app';

function binary(res: Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

/** The API with STORAGE_URL on a real S3-protocol server process that the spec can kill. */
describe('the API on S3 object storage', () => {
  let s3: S3TestServer;
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;

  beforeAll(async () => {
    s3 = await S3TestServer.start('dx-api-files');
    t = await createTestApp({ STORAGE_URL: s3.storageUrl('api-spec') });
    w = await certificateWorld(t);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await s3?.stop();
  });

  it('serves a certificate PDF stored as an object, and answers 503 with Retry-After while the store is down', async () => {
    const cert = await issuedCertificate(t, { holder: w.people.holder, issuer: w.units.a1 });
    const path = `/api/certificates/${cert.id}/pdf`;
    const ok = await t.http
      .get(path)
      .set('Authorization', w.tokens.holder)
      .buffer(true)
      .parse(binary);
    expect(ok.status).toBe(200);
    expect((ok.body as Buffer).toString('latin1')).toContain(cert.serial as string);

    await s3.kill();
    try {
      const down = await t.http.get(path).set('Authorization', w.tokens.holder);
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      expect(down.body).toEqual({
        statusCode: 503,
        code: 'unavailable',
        message: expect.stringMatching(/storage/),
        errors: [],
      });
    } finally {
      await s3.start();
    }
    const back = await t.http.get(path).set('Authorization', w.tokens.holder);
    expect(back.status).toBe(200);
  }, 60_000);
});
