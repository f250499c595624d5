import { CertificateEntity, CertificateIssuerEntity } from '@dx/db';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { requestCertificates } from '@dx/testing';
import { createTestWorker } from '../test/test-worker';
import { CertificateIssuerService } from './certificate-issuer.service';

/** A real 64×64 red PNG (what a scanned seal is, in miniature). */
function redSquarePng(): Buffer {
  const size = 64;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(size * 3, Buffer.from([200, 20, 20]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('the issuing unit’s settings on the certificate PDF (real worker)', () => {
  const worker = createTestWorker({
    databasePrefix: 'dx_worker_issuer',
    storagePrefix: 'dx-worker-issuer-',
  });
  beforeAll(() => worker.start(), 90_000);
  afterAll(() => worker.stop());

  async function issueWith(settings: Partial<CertificateIssuerEntity> | null) {
    const { db } = worker;
    const { issuer, certificates } = await requestCertificates(db, 1, 'Hoàng Thị Lan', {
      outbox: false,
    });
    if (settings) {
      await db.getRepository(CertificateIssuerEntity).insert({
        orgUnitId: issuer.id,
        bodyName: 'Trung tâm Chuyển đổi số tỉnh Hà Giang',
        parentBodyName: 'Sở Khoa học và Công nghệ',
        signerTitle: 'GIÁM ĐỐC',
        signerName: 'Nguyễn Văn Bảo',
        place: 'Hà Giang',
        ...settings,
      });
    }
    await worker.app.get(CertificateIssuerService).issue(certificates[0].id);
    const cert = await db
      .getRepository(CertificateEntity)
      .findOneByOrFail({ id: certificates[0].id });
    expect(cert.pdfKey).not.toBeNull();
    const file = join(worker.storageDir, cert.pdfKey as string);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).normalize(
      'NFC',
    );
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    return { text, images };
  }

  it('prints the agency block, place, signer and the seal image a sysadmin set', async () => {
    const storage = worker.app.get<FileStorage>(FILE_STORAGE);
    await storage.put('issuers/test/seal.png', redSquarePng());
    const { text, images } = await issueWith({ sealImageKey: 'issuers/test/seal.png' });
    expect(text).toContain('SỞ KHOA HỌC VÀ CÔNG NGHỆ');
    expect(text.toUpperCase()).toContain('TRUNG TÂM CHUYỂN ĐỔI SỐ TỈNH HÀ GIANG');
    expect(text).toMatch(/Hà Giang, ngày \d\d tháng (\d|1[0-2]|0[12]) năm \d{4}/);
    expect(text).toContain('GIÁM ĐỐC');
    expect(text).toContain('Nguyễn Văn Bảo');
    // The QR code and the seal.
    expect(images.length).toBeGreaterThanOrEqual(2);
  }, 60_000);

  it('a seal image gone from storage: the certificate is issued without it', async () => {
    const withNone = await issueWith(null);
    const { text, images } = await issueWith({ sealImageKey: 'issuers/gone/seal.png' });
    expect(text).toContain('Nguyễn Văn Bảo');
    expect(images.length).toBe(withNone.images.length);
  }, 60_000);

  it('an image pdfkit cannot draw: issued without it too', async () => {
    const storage = worker.app.get<FileStorage>(FILE_STORAGE);
    await storage.put('issuers/broken/seal.png', redSquarePng().subarray(0, 40));
    const { text } = await issueWith({ sealImageKey: 'issuers/broken/seal.png' });
    expect(text).toContain('Nguyễn Văn Bảo');
  }, 60_000);
});
