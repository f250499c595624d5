import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';
import {
  constants,
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  privateEncrypt,
} from 'node:crypto';

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
      const parsed = forge.pkcs12.pkcs12FromAsn1(
        forge.asn1.fromDer(p12.toString('binary')),
        password,
      );
      const keyBags = [
        ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[
          forge.pki.oids.pkcs8ShroudedKeyBag
        ] ?? []),
        ...(parsed.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
      ];
      const certBags =
        parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
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
    if (!own)
      throw new Error('CERT_PDF_P12: no certificate in the PKCS#12 file matches its private key');
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
 * forge builds the CMS structure, we add the ESS signing-certificate-v2 attribute and sign.
 *
 * PAdES-B-B (ETSI EN 319 142-1) needs that attribute among the signed attributes: the
 * signer's certificate hash, bound by the signature, so the certificate cannot be swapped
 * for another with the same key. forge knows only contentType, messageDigest and
 * signingTime, so it signs those first and we redo the signature over all four.
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
    p7.addSigner({
      // forge's own signature is replaced below, so its RSA step is a no-op here.
      key: { sign: () => '' } as unknown as forge.pki.rsa.PrivateKey,
      certificate,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: signingTime as unknown as string },
      ],
    });
    p7.sign({ detached: true });

    // The SignerInfo forge built holds its signed attributes by reference: add ours, put
    // them in DER order (a SET OF is sorted; OpenSSL re-encodes before checking), sign.
    const signed = p7 as unknown as { signerInfos: forge.asn1.Asn1[] };
    const [signerInfo] = signed.signerInfos;
    const parts = signerInfo.value as forge.asn1.Asn1[];
    const attributes = parts.find(
      (p) => p.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && p.type === 0,
    );
    if (!attributes) throw new Error('CMS signer: no signed attributes to extend');
    const list = attributes.value as forge.asn1.Asn1[];
    list.push(signingCertificateV2(certificate));
    list.sort((a, b) => Buffer.compare(derOf(a), derOf(b)));
    const set = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, list);
    const digest = createHash('sha256').update(derOf(set)).digest();
    const signature = privateEncrypt(
      { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, digest]),
    );
    // encryptedDigest is the SignerInfo's last field (there are no unsigned attributes).
    parts[parts.length - 1].value = signature.toString('binary');
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
  }
}

/** id-aa-signingCertificateV2 (RFC 5035). */
const OID_SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

function derOf(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/**
 * The signing-certificate-v2 attribute: SigningCertificateV2 { certs: [ESSCertIDv2 {
 * certHash: SHA-256 of the certificate, issuerSerial: { issuer as a directoryName,
 * serial } }] }. hashAlgorithm is left out: SHA-256 is its DEFAULT, which DER omits.
 */
function signingCertificateV2(cert: forge.pki.Certificate): forge.asn1.Asn1 {
  const { asn1 } = forge;
  const seq = (items: forge.asn1.Asn1[]) =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items);
  const certHash = createHash('sha256')
    .update(derOf(forge.pki.certificateToAsn1(cert)))
    .digest()
    .toString('binary');
  const issuerSerial = seq([
    // GeneralNames: one directoryName, [4] EXPLICIT Name.
    seq([
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [
        forge.pki.distinguishedNameToAsn1(cert.issuer),
      ]),
    ]),
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.INTEGER,
      false,
      forge.util.hexToBytes(cert.serialNumber),
    ),
  ]);
  const essCertIdV2 = seq([
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, certHash),
    issuerSerial,
  ]);
  return seq([
    asn1.create(
      asn1.Class.UNIVERSAL,
      asn1.Type.OID,
      false,
      asn1.oidToDer(OID_SIGNING_CERTIFICATE_V2).getBytes(),
    ),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [seq([seq([essCertIdV2])])]),
  ]);
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
