import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { createTestApp, TestApp } from '../../test/test-app';
import { certificateWorld, issuedCertificate } from '../certificates.fixtures';
import { expand } from 'jsonld';
import { independentVerifier } from './independent-verifier';
import { didWebDocumentUrl, issuerDid } from './issuer-did';
import { verifyBySpecText } from './spec-text-verifier';

/**
 * The official 1EdTech OB 3.0 AchievementCredential JSON Schema (draft 2019-09), vendored
 * unchanged as a specification fixture (source and hash in ob3-schema/README.md).
 */
const schemaPath = join(__dirname, 'ob3-schema', 'ob_v3p0_achievementcredential_schema.json');

describe('Open Badges 3.0 credential, checked as an outside verifier would', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof certificateWorld>>;
  let verifier: ReturnType<typeof independentVerifier>;

  beforeAll(async () => {
    t = await createTestApp();
    w = await certificateWorld(t);
    const base = t.config.publicBaseUrl;
    const did = issuerDid(base);
    verifier = independentVerifier(async (url) => {
      // The DID's https URL is PUBLIC_BASE_URL's (did:web); our test app answers it.
      const address = url === did ? didWebDocumentUrl(did).replace(/^https:\/\/[^/]+/, base) : url;
      if (!address.startsWith(base)) throw new Error(`Not ours to fetch offline: ${url}`);
      const res = await t.http.get(address.slice(base.length)).expect(200);
      return res.body;
    });
    // Booting with the credential libraries takes longer on a shared 2-core machine.
  }, 90_000);
  afterAll(() => t.close());

  const issue = () =>
    issuedCertificate(t, { holder: w.people.holder, issuer: w.units.a1, hours: 12.5 });
  const credentialOf = async (cert: { serial: string | null; verifyCode: string | null }) =>
    (
      await t.http
        .get(`/api/public/certificates/${cert.serial}/credential`)
        .query({ c: cert.verifyCode as string })
        .expect(200)
    ).body;

  it('is a VC 2.0 / OB 3.0 AchievementCredential with the fields the standard requires', async () => {
    const cert = await issue();
    const credential = await credentialOf(cert);
    const did = issuerDid(t.config.publicBaseUrl);
    expect(credential).toMatchObject({
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: 'Xã A1' },
      credentialSubject: {
        type: ['AchievementSubject'],
        name: 'Nguyễn Thị Hường',
        identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: true }],
        achievement: { type: ['Achievement'], creator: { type: ['Profile'] } },
      },
      credentialStatus: {
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
        statusListIndex: String(cert.statusListIndex),
        statusListCredential: `${t.config.publicBaseUrl}/api/public/status/revocation`,
      },
      proof: [
        {
          type: 'DataIntegrityProof',
          cryptosuite: 'eddsa-jcs-2022',
          proofPurpose: 'assertionMethod',
          verificationMethod: `${did}#${cert.kid}`,
        },
      ],
    });
    expect(credential.proof[0].proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]+$/);
    expect(JSON.stringify(credential)).not.toContain('1988');
  });

  it('verifies with the independent verifier (proof, issuer key, status list), every time', async () => {
    for (let i = 0; i < 3; i++) {
      const credential = await credentialOf(await issue());
      const result = await verifier.verify(credential);
      expect(result.error?.errors ?? result.error ?? null).toBeNull();
      expect(result.verified).toBe(true);
      expect(result.statusResult?.verified).toBe(true);
    }
  });

  it('fails verification once a field is altered', async () => {
    const credential = await credentialOf(await issue());
    credential.credentialSubject.name = 'Nguyễn Văn Giả';
    const result = await verifier.verify(credential);
    expect(result.verified).toBe(false);
  });

  it('verifies by the eddsa-jcs-2022 text too (JCS, SHA-256, Ed25519 in node:crypto, no @digitalbazaar code) and names the failed check', async () => {
    const didDocument = (await t.http.get('/api/public/did.json').expect(200)).body;
    const credential = await credentialOf(await issue());
    expect(verifyBySpecText(credential, didDocument)).toEqual({ verified: true });

    const altered = structuredClone(credential);
    altered.credentialSubject.name = 'Nguyễn Văn Giả';
    expect(verifyBySpecText(altered, didDocument)).toEqual({
      verified: false,
      failed: 'signature',
    });

    const unknownKey = structuredClone(credential);
    unknownKey.proof[0].verificationMethod = `${didDocument.id}#khoa-la`;
    expect(verifyBySpecText(unknownKey, didDocument)).toEqual({
      verified: false,
      failed: 'verification-method',
    });
  });

  it('expands as JSON-LD in safe mode: every term it uses is defined by its contexts', async () => {
    const credential = await credentialOf(await issue());
    const options = { documentLoader: verifier.documentLoader, safe: true };
    await expect(expand(credential, options)).resolves.toHaveLength(1);
    // The check can fail: one term no context defines is refused in safe mode.
    const undefinedTerm = {
      ...credential,
      credentialSubject: { ...credential.credentialSubject, hangMucTuDat: 'x' },
    };
    await expect(expand(undefinedTerm, options)).rejects.toThrow(/safe mode/i);
  });

  it('a revoked certificate: its earlier copy fails status checking, the signed list says so', async () => {
    const cert = await issue();
    const before = await credentialOf(cert);
    expect((await verifier.verify(before)).verified).toBe(true);
    await t.db.query(
      `UPDATE certificate SET status = 'revoked', revoked_at = now() WHERE id = $1`,
      [cert.id],
    );
    const after = await verifier.verify(before);
    // The proof still holds; the status list, read and verified, has the revocation bit set.
    expect(after.verified).toBe(false);
    expect(after.statusResult).toMatchObject({ verified: false, revoked: true });
    expect(after.statusResult.results[0]).toMatchObject({ verified: true, status: true });
    // The list itself is a credential signed by the issuer.
    const list = (await t.http.get('/api/public/status/revocation').expect(200)).body;
    expect(list).toMatchObject({
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: issuerDid(t.config.publicBaseUrl),
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' },
    });
    expect(list.credentialSubject.encodedList).toMatch(/^u/);
  });

  it('needs the code of the certificate: without it, 404 like an unknown serial', async () => {
    const cert = await issue();
    await t.http.get(`/api/public/certificates/${cert.serial}/credential`).expect(404);
    await t.http.get(`/api/public/certificates/${cert.serial}/credential?c=nope`).expect(404);
    await t.http.get('/api/public/certificates/CDS-1999-999998/credential?c=x').expect(404);
  });

  it('refuses to sign a credential for altered data (409)', async () => {
    const cert = await issue();
    await t.db.query(
      `UPDATE certificate SET snapshot = jsonb_set(snapshot, '{title}', '"Khóa học khác"') WHERE id = $1`,
      [cert.id],
    );
    await t.http
      .get(`/api/public/certificates/${cert.serial}/credential`)
      .query({ c: cert.verifyCode as string })
      .expect(409);
  });

  it('validates against the official OB 3.0 AchievementCredential JSON Schema', async () => {
    // strict: false because the 1EdTech file uses keywords ajv's strict mode refuses to guess
    // about; validation itself stays the standard draft 2019-09 semantics.
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
    for (let i = 0; i < 2; i++) {
      const credential = await credentialOf(await issue());
      expect(validate(credential) ? [] : validate.errors).toEqual([]);
    }
    // The schema has teeth: the single-valued issuer type of the first version is refused.
    const credential = await credentialOf(await issue());
    credential.issuer.type = 'Profile';
    expect(validate(credential)).toBe(false);
    expect(validate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ instancePath: '/issuer/type', message: 'must be array' }),
      ]),
    );
  });
});
