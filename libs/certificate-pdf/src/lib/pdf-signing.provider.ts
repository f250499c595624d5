import { APP_CONFIG, AppConfig } from '@dx/config';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Logger, Provider } from '@nestjs/common';
import forge from 'node-forge';
import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PdfSigningIdentity } from './pdf-signing';

const DEV_P12_KEY = 'system/pdf-signing-dev.p12';
// Protects nothing (the file sits beside the PDFs it signs): PKCS#12 just wants a password.
const DEV_P12_PASSWORD = 'dx-academy-development';

/**
 * A self-signed document-signing certificate, for installations without CERT_PDF_P12.
 * `commonName` in ASCII: node-forge cannot read back a PKCS#12 whose subject it wrote in UTF-8.
 */
export function selfSignedPkcs12(commonName: string, password: string): Buffer {
  // The RSA key from OpenSSL (fast); forge only assembles the certificate and the PKCS#12.
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKey = forge.pki.privateKeyFromPem(pair.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(pair.publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(8))}`;
  cert.validity.notBefore = new Date();
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const name = [{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'dx-academy' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'basicConstraints', cA: false },
  ]);
  cert.sign(privateKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(privateKey, [cert], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary');
}

/**
 * The worker's PDF-signing identity, read at start: from CERT_PDF_P12, or outside production
 * the kept self-signed one (made on first start). A file that cannot be opened, or no file in
 * production, stops the worker with one line naming the cause.
 */
export const pdfSigningIdentityProvider: Provider = {
  provide: PdfSigningIdentity,
  inject: [APP_CONFIG, FILE_STORAGE],
  useFactory: async (config: AppConfig, storage: FileStorage) => {
    const logger = new Logger('PdfSigning');
    try {
      if (config.certPdf.p12Path) {
        const p12 = await readFile(config.certPdf.p12Path).catch((err: Error) => {
          throw new Error(`CERT_PDF_P12: cannot read ${config.certPdf.p12Path}: ${err.message}`);
        });
        return PdfSigningIdentity.fromPkcs12(p12, config.certPdf.password);
      }
      // An office files the PDF for its signature: a self-signed one proves nothing outside
      // the platform, so production needs the platform's certificate from a CA.
      if (config.nodeEnv === 'production') {
        throw new Error(
          'CERT_PDF_P12: required in production (the PKCS#12 of the platform\'s document-signing certificate from a CA); a self-signed one is made only outside production',
        );
      }
      logger.log('CERT_PDF_P12 is not set: certificate PDFs are signed with a kept self-signed certificate');
      if (!(await storage.exists(DEV_P12_KEY))) {
        await storage.put(DEV_P12_KEY, selfSignedPkcs12('dx-academy (self-signed)', DEV_P12_PASSWORD));
      }
      return PdfSigningIdentity.fromPkcs12(await storage.get(DEV_P12_KEY), DEV_P12_PASSWORD);
    } catch (err) {
      // One line, without a stack: the worker's start-up handler prints the stack otherwise.
      const line = new Error((err as Error).message.split('\n')[0]);
      line.stack = line.message;
      throw line;
    }
  },
};
