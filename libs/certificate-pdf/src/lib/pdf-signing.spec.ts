import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testCaSignedPkcs12 } from '@dx/testing';
import { PdfSigningIdentity, signPdf } from './pdf-signing';
import { renderCertificatePdf } from './render-certificate';

/** A real certificate page, as the worker renders it before signing. */
function certificatePdf(): Promise<Buffer> {
  return renderCertificatePdf({
    kind: 'course',
    serial: 'CDS-2026-000321',
    registerNumber: 7,
    year: 2026,
    holderName: 'Lê Thị Thu Hà',
    dateOfBirth: null,
    title: 'Kỹ năng số cho cán bộ, công chức',
    hours: 6,
    completedOn: '2026-12-01',
    issuedOn: '2026-12-07',
    issuerName: 'Trường Đào tạo cán bộ',
    verifyUrl: 'http://localhost:3000/verify/CDS-2026-000321?c=abc',
  });
}

describe('PAdES signature of certificate PDFs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-pades-'));
  let p12: Buffer;

  beforeAll(() => {
    p12 = testCaSignedPkcs12(dir, 'mat-khau-thu');
  });

  it('a rendered certificate, signed: poppler pdfsig says "Signature is Valid", with the ETSI.CAdES.detached sub-filter', async () => {
    const identity = PdfSigningIdentity.fromPkcs12(p12, 'mat-khau-thu');
    const signed = await signPdf(await certificatePdf(), identity, {
      reason: 'Cấp giấy chứng nhận',
      location: 'Hà Nội',
      contactInfo: 'https://dx.example.vn',
    });
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toContain('Signature is Valid');
    expect(out).toContain('Nen tang dx-academy');
    expect(out).toMatch(/ETSI\.CAdES\.detached|PAdES/);
    // A CA the test made is not one the machine trusts, as expected.
    expect(out).toMatch(/Certificate issuer isn't Trusted|Certificate is Trusted/);

    // One byte changed inside the signed range: the signature no longer holds.
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('PDFKit');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'Q'.charCodeAt(0);
    writeFileSync(join(dir, 'tampered.pdf'), tampered);
    const bad = spawnSync('pdfsig', [join(dir, 'tampered.pdf')], { encoding: 'utf8' });
    expect(bad.stdout).toContain('Signature #1');
    expect(bad.stdout).not.toContain('Signature is Valid');
  });

  it('is PAdES-B-B: the ESS signing-certificate-v2 attribute names the signer certificate, and OpenSSL verifies the CMS with it', async () => {
    const identity = PdfSigningIdentity.fromPkcs12(p12, 'mat-khau-thu');
    const signed = await signPdf(await certificatePdf(), identity, {
      reason: 'Cấp giấy chứng nhận',
      location: 'Hà Nội',
      contactInfo: 'https://dx.example.vn',
    });
    // The CMS and the bytes it signs, as a verifier takes them from /ByteRange and /Contents.
    const text = signed.toString('latin1');
    const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
    const contents = /\/Contents\s*<([0-9A-Fa-f]+)>/.exec(text);
    if (!range || !contents) throw new Error('no signature dictionary in the PDF');
    const [a, b, c, d] = range.slice(1).map(Number);
    writeFileSync(
      join(dir, 'content.bin'),
      Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]),
    );
    // The placeholder is zero-padded after the DER; OpenSSL reads one DER object and stops.
    writeFileSync(join(dir, 'sig.der'), Buffer.from(contents[1], 'hex'));

    const printed = execFileSync(
      'openssl',
      ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'],
      {
        cwd: dir,
        encoding: 'utf8',
      },
    );
    expect(printed).toContain('id-smime-aa-signingCertificateV2 (1.2.840.113549.1.9.16.2.47)');
    const certHash = createHash('sha256')
      .update(
        execFileSync('openssl', ['x509', '-in', 'signer.crt', '-outform', 'DER'], { cwd: dir }),
      )
      .digest('hex')
      .toUpperCase();
    expect(printed).toContain(certHash);
    // OpenSSL 3 checks the ESS signing-certificate attributes against the signer while
    // verifying, and the signature over the four signed attributes.
    const verify = spawnSync(
      'openssl',
      [
        'cms',
        '-verify',
        '-binary',
        '-inform',
        'DER',
        '-in',
        'sig.der',
        '-content',
        'content.bin',
        '-CAfile',
        'ca.crt',
        '-purpose',
        'any',
        '-out',
        '/dev/null',
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(verify.stderr).toContain('Verification successful');
    expect(verify.status).toBe(0);
    // pdfsig says nothing of the attribute itself, only that the whole signature holds.
    writeFileSync(join(dir, 'signed-bb.pdf'), signed);
    expect(execFileSync('pdfsig', [join(dir, 'signed-bb.pdf')], { encoding: 'utf8' })).toContain(
      'Signature is Valid',
    );
  });

  it('a wrong password or a corrupt file fails with one clear line', () => {
    const wrong = () => PdfSigningIdentity.fromPkcs12(p12, 'sai-mat-khau');
    expect(wrong).toThrow(
      /^CERT_PDF_P12: cannot open the PKCS#12 file \(wrong CERT_PDF_P12_PASSWORD or a corrupt file\)/,
    );
    const corrupt = () => PdfSigningIdentity.fromPkcs12(Buffer.from('not a pkcs12 file'), 'x');
    expect(corrupt).toThrow(/^CERT_PDF_P12: cannot open/);
    try {
      wrong();
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
