import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateSigner, SignedCertificateClaims } from './certificate-signer';
import { placeAndDate, renderCertificatePdf } from './render-certificate';

const pem = generateKeyPairSync('ed25519')
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

const claims: SignedCertificateClaims = {
  serial: 'CDS-2026-000123',
  kind: 'course',
  holderName: 'Nguyễn Thị Hường',
  dateOfBirth: '1990-05-17',
  title: 'Chuyển đổi số cơ bản cho cán bộ, công chức',
  hours: 8,
  completedOn: '2026-03-05',
  issuedOn: '2026-03-05',
  issuerName: 'Sở Khoa học và Công nghệ Hà Nội',
  registerNumber: 42,
};

describe('certificate PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dx-cert-'));
  const file = join(dir, 'cert.pdf');
  const verifyUrl = 'http://localhost:3000/verify/CDS-2026-000123?c=Zm9vYmFyYmF6cXV4MTIzNA';

  beforeAll(async () => {
    const pdf = await renderCertificatePdf({
      ...claims,
      year: 2026,
      verifyUrl,
      issuer: {
        bodyName: 'Trường Đào tạo, bồi dưỡng cán bộ',
        parentBodyName: 'Sở Khoa học và Công nghệ Hà Nội',
        signerTitle: 'Hiệu trưởng',
        signerName: 'Trần Văn Ký',
        place: 'Hà Nội',
        sealImage: null,
      },
    });
    writeFileSync(file, pdf);
  });

  it('holds the Vietnamese text exactly, as pdftotext extracts it', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    for (const expected of [
      'GIẤY CHỨNG NHẬN',
      'HOÀN THÀNH KHÓA BỒI DƯỠNG',
      'Nguyễn Thị Hường',
      '17/05/1990',
      'Chuyển đổi số cơ bản cho cán bộ, công chức',
      '8 giờ',
      '05/03/2026',
      'SỞ KHOA HỌC VÀ CÔNG NGHỆ HÀ NỘI',
      'TRƯỜNG ĐÀO TẠO, BỒI DƯỠNG CÁN BỘ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 05 tháng 3 năm 2026',
      'HIỆU TRƯỞNG',
      'Trần Văn Ký',
      'Số hiệu: CDS-2026-000123',
      'Số vào sổ: 000042/2026',
    ]) {
      expect(text).toContain(expected);
    }
    // The printed base64 "signature" is gone: the PDF carries a real digital signature.
    expect(text).not.toContain('Chữ ký số');
  });

  it('writes the place and date as Decree 30 does: a zero before days under 10 and months 1–2 only', () => {
    expect(placeAndDate('Hà Nội', '2026-03-05')).toBe('Hà Nội, ngày 05 tháng 3 năm 2026');
    expect(placeAndDate('Huế', '2026-02-20')).toBe('Huế, ngày 20 tháng 02 năm 2026');
    expect(placeAndDate('Huế', '2026-01-09')).toBe('Huế, ngày 09 tháng 01 năm 2026');
    expect(placeAndDate('Cà Mau', '2026-12-07')).toBe('Cà Mau, ngày 07 tháng 12 năm 2026');
    expect(placeAndDate('Cà Mau', '2026-10-31')).toBe('Cà Mau, ngày 31 tháng 10 năm 2026');
  });

  it('embeds its fonts (pdffonts)', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const line of fonts) {
      expect(line).toMatch(/BeVietnamPro/);
      // Columns: name type encoding emb sub uni …: "yes" for embedded.
      expect(line.split(/\s+/).slice(-5, -4)[0] === 'yes' || / yes +yes +yes /.test(line)).toBe(
        true,
      );
    }
  });

  it('carries a QR code that decodes to the verify URL', () => {
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(dir, 'page')]);
    const decoded = execFileSync('zbarimg', ['-q', '--raw', join(dir, 'page.png')], {
      encoding: 'utf8',
    }).trim();
    expect(decoded).toBe(verifyUrl);
  });
});

describe('certificate PDF with the fonts parsed once per process', () => {
  const page = (holderName: string, kind: 'course' | 'program' = 'course') =>
    renderCertificatePdf({ ...claims, kind, holderName, year: 2026, verifyUrl: 'https://x/verify' });
  // Two renderings differ only by the creation time pdfkit writes (to the second) and the
  // file identifier it derives from that time.
  const timeless = (pdf: Buffer) =>
    pdf
      .toString('latin1')
      .replace(/\(D:\d{14}Z\)/g, '(D:TIME)')
      .replace(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/, '/ID');

  it('writes the same bytes as from the font files, whatever other pages used the fonts before', async () => {
    // Other text first (other glyphs, the program title): shared fonts must not carry over.
    await page('Đặng Thị Ỷ Lan, Nguyễn Văn Ưởng', 'program');
    await page('Hoàng Quốc Việt — Ơn Xuyến');
    const shared = await page('Trần Thị Bích Ngọc');
    let fromFiles: Buffer | undefined;
    await jest.isolateModulesAsync(async () => {
      jest.doMock('./fonts', () => {
        const actual = jest.requireActual('./fonts');
        return { ...actual, parsedCertificateFonts: () => actual.certificateFonts() };
      });
      const isolated: typeof import('./render-certificate') = await import('./render-certificate');
      fromFiles = await isolated.renderCertificatePdf({
        ...claims,
        holderName: 'Trần Thị Bích Ngọc',
        year: 2026,
        verifyUrl: 'https://x/verify',
      });
    });
    expect(fromFiles).toBeDefined();
    expect(timeless(shared)).toBe(timeless(fromFiles as Buffer));
  });
});

describe('CertificateSigner', () => {
  it('verifies its own signature and rejects altered data', () => {
    const signer = new CertificateSigner(pem);
    const signature = signer.sign(claims);
    expect(signer.verify(claims, signature)).toBe(true);
    expect(signer.verify({ ...claims, holderName: 'Nguyễn Thị Huờng' }, signature)).toBe(false);
    expect(signer.verify({ ...claims, hours: 80 }, signature)).toBe(false);
    expect(signer.publicJwk()).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA' });
  });

  it('refuses a key that is not Ed25519', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    expect(() => new CertificateSigner(rsa.toString())).toThrow(/Ed25519/);
  });
});
