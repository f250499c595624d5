import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import { constants, createPrivateKey, createPublicKey, KeyObject, privateEncrypt } from 'node:crypto';

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): PKCS#1 v1.5 signs prefix + digest. */
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * The platform's document-signing identity, from a PKCS#12 file (`CERT_PDF_P12`): an RSA
 * key and its certificate chain (in production from a Vietnamese CA). Read once per
 * process; a corrupt file or a wrong password fails here, with one clear line.
 */
export class PdfSigningIdentity {
  private constructor(
    readonly privateKey: KeyObject,
    readonly certificate: forge.pki.Certificate,
    readonly chain: forge.pki.Certificate[],
  ) {}

  static fromPkcs12(p12: Buffer, password: string): PdfSigningIdentity {
    let bags: { key?: forge.pki.PrivateKey; certs: forge.pki.Certificate[] };
    try {
      const parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString('binary')), password);
      const keyBags = [
        ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
        ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
      ];
      const certBags = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
      bags = {
        key: keyBags.find((b) => b.key)?.key ?? undefined,
        certs: certBags.map((b) => b.cert).filter((c): c is forge.pki.Certificate => !!c),
      };
    } catch (err) {
      throw new Error(
        `CERT_PDF_P12: cannot open the PKCS#12 file (wrong CERT_PDF_P12_PASSWORD or a corrupt file): ${firstLine(err)}`,
      );
    }
    if (!bags.key) throw new Error('CERT_PDF_P12: the PKCS#12 file holds no private key');
    const privateKey = createPrivateKey(forge.pki.privateKeyToPem(bags.key));
    if (privateKey.asymmetricKeyType !== 'rsa') {
      throw new Error(`CERT_PDF_P12: the key must be RSA (found ${privateKey.asymmetricKeyType})`);
    }
    const ownPublic = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    const own = bags.certs.find((c) => {
      const der = forge.asn1.toDer(forge.pki.publicKeyToAsn1(c.publicKey)).getBytes();
      return Buffer.from(der, 'binary').equals(ownPublic);
    });
    if (!own) throw new Error('CERT_PDF_P12: no certificate in the PKCS#12 file matches its private key');
    return new PdfSigningIdentity(privateKey, own, bags.certs);
  }

  /** Common name of the signing certificate, shown by PDF readers as the signer. */
  get signerName(): string {
    return String(this.certificate.subject.getField('CN')?.value ?? 'dx-academy');
  }
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0];
}

/**
 * A CMS (PKCS#7 detached) signer for @signpdf whose RSA operation runs in node:crypto
 * (OpenSSL) instead of node-forge's JavaScript RSA, which cost ~40 ms per document:
 * forge builds the CMS structure and hands us the digest of the signed attributes.
 */
export class NodeCryptoCmsSigner extends Signer {
  constructor(private readonly identity: PdfSigningIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const { privateKey, certificate, chain } = this.identity;
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    for (const cert of chain) p7.addCertificate(cert);
    const key = {
      sign: (md: forge.md.MessageDigest) =>
        privateEncrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
          Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]),
        ).toString('binary'),
    };
    p7.addSigner({
      key: key as unknown as forge.pki.rsa.PrivateKey,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: signingTime as unknown as string },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

export interface PdfSignatureInfo {
  reason: string;
  location: string;
  contactInfo: string;
}

/** Adds a PAdES (ETSI.CAdES.detached) signature to a PDF made by pdfkit. */
export async function signPdf(
  pdf: Buffer,
  identity: PdfSigningIdentity,
  info: PdfSignatureInfo,
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: info.reason,
    location: info.location,
    contactInfo: info.contactInfo,
    name: identity.signerName,
    signatureLength: 8192,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  return new SignPdf().sign(withPlaceholder, new NodeCryptoCmsSigner(identity));
}
