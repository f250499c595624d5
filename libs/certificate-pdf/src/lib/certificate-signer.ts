import { createPrivateKey, createPublicKey, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The facts a certificate attests; the signature covers exactly these. */
export interface SignedCertificateClaims {
  serial: string;
  kind: 'course' | 'program';
  holderName: string;
  dateOfBirth: string | null;
  title: string;
  hours: number;
  completedOn: string;
  issuedOn: string;
  issuerName: string;
  registerNumber: number;
}

/**
 * Ed25519 signatures over the canonical JSON of a certificate's claims. The public key is
 * published (JWK), so anyone can check a certificate offline; a changed field breaks it.
 */
export class CertificateSigner {
  private readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  /** `pem`: a PKCS#8 Ed25519 private key (`openssl genpkey -algorithm ed25519`). */
  constructor(pem: string) {
    this.privateKey = createPrivateKey(pem);
    if (this.privateKey.asymmetricKeyType !== 'ed25519') {
      throw new Error('CERT_SIGNING_KEY must be an Ed25519 private key (PKCS#8 PEM)');
    }
    this.publicKey = createPublicKey(this.privateKey);
  }

  sign(claims: SignedCertificateClaims): string {
    return sign(null, Buffer.from(canonicalJson(claims)), this.privateKey).toString('base64url');
  }

  verify(claims: SignedCertificateClaims, signature: string): boolean {
    return verifyCertificate(this.publicKey, claims, signature);
  }

  /** Public key as a JWK (`{kty:"OKP", crv:"Ed25519", x}`) with a stable key id. */
  publicJwk(): Record<string, string> {
    const jwk = this.publicKey.export({ format: 'jwk' }) as Record<string, string>;
    return { ...jwk, kid: `dx-${jwk.x.slice(0, 16)}`, alg: 'EdDSA', use: 'sig' };
  }
}

export function verifyCertificate(publicKey: KeyObject, claims: SignedCertificateClaims, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(claims)), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/** The signed claims of a stored certificate (its frozen snapshot plus its numbers). */
export function claimsOf(cert: {
  serial: string;
  kind: 'course' | 'program';
  registerNumber: number;
  snapshot: {
    holderName: string;
    dateOfBirth: string | null;
    title: string;
    hours: number;
    completedOn: string;
    issuedOn?: string;
    issuerName: string;
  };
}): SignedCertificateClaims {
  const s = cert.snapshot;
  return {
    serial: cert.serial,
    kind: cert.kind,
    holderName: s.holderName,
    dateOfBirth: s.dateOfBirth,
    title: s.title,
    hours: s.hours,
    completedOn: s.completedOn,
    issuedOn: s.issuedOn ?? '',
    issuerName: s.issuerName,
    registerNumber: cert.registerNumber,
  };
}
