import { createHash, createPublicKey, verify } from 'node:crypto';

/**
 * A second verifier for the tests, written from the text of the W3C "Data Integrity EdDSA
 * Cryptosuites v1.0" (eddsa-jcs-2022, §3.3 "Verify Proof") and RFC 8785 (JCS) with
 * node:crypto only: no @digitalbazaar package, unlike the signer and `independentVerifier`.
 * A bug shared by the library's signing and verifying halves would pass the first check and
 * fail this one. It answers which step failed, as an outside verifier would report it.
 */
export type SpecCheck = 'proof-shape' | 'verification-method' | 'signature';
export interface SpecVerification {
  verified: boolean;
  failed?: SpecCheck;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * RFC 8785: object members sorted by their names' UTF-16 code units (what Array.sort
 * compares), no whitespace, strings and numbers as ECMAScript's JSON.stringify writes them.
 */
export function jcs(value: Json): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const names = Object.keys(value).sort();
  return `{${names.map((n) => `${JSON.stringify(n)}:${jcs(value[n])}`).join(',')}}`;
}

const BASE58_BTC = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Multibase base58-btc ('z' prefix) to bytes; leading '1's are leading zero bytes. */
export function decodeBase58Btc(multibase: string): Buffer {
  if (!multibase.startsWith('z')) throw new Error('not multibase base58-btc');
  const text = multibase.slice(1);
  let n = 0n;
  for (const ch of text) {
    const digit = BASE58_BTC.indexOf(ch);
    if (digit < 0) throw new Error(`not a base58 character: ${ch}`);
    n = n * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  for (; n > 0n; n >>= 8n) bytes.unshift(Number(n & 0xffn));
  const zeros = text.length - text.replace(/^1+/, '').length;
  return Buffer.from([...new Array(zeros).fill(0), ...bytes]);
}

/** A Multikey Ed25519 public key: multicodec 0xed 0x01, then the 32 key bytes. */
function ed25519Key(publicKeyMultibase: string) {
  const bytes = decodeBase58Btc(publicKeyMultibase);
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new Error('not an Ed25519 Multikey');
  }
  const x = bytes.subarray(2).toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/**
 * Verifies the one eddsa-jcs-2022 proof of `secured` with the verification method the DID
 * document lists under the proof's `verificationMethod` id.
 */
export function verifyBySpecText(
  secured: Record<string, Json>,
  didDocument: { verificationMethod?: { id: string; publicKeyMultibase: string }[] },
): SpecVerification {
  const proofs = Array.isArray(secured.proof) ? secured.proof : [secured.proof];
  const proof = proofs[0] as Record<string, Json> | undefined;
  if (
    proofs.length !== 1 ||
    !proof ||
    proof.type !== 'DataIntegrityProof' ||
    proof.cryptosuite !== 'eddsa-jcs-2022' ||
    typeof proof.proofValue !== 'string'
  ) {
    return { verified: false, failed: 'proof-shape' };
  }
  // Steps 1–2: the document without its proof, the proof options without the value.
  const { proof: _proof, ...unsecured } = secured;
  const { proofValue, ...options } = proof;
  // Step 4: a proof that names contexts must be a prefix of the document's, and wins.
  if (options['@context'] !== undefined) unsecured['@context'] = options['@context'];
  const method = didDocument.verificationMethod?.find((m) => m.id === options.verificationMethod);
  if (!method) return { verified: false, failed: 'verification-method' };
  // Proof configuration (§3.3.5): the options with the document's @context.
  const config: Record<string, Json> = { ...options };
  if (unsecured['@context'] !== undefined) config['@context'] = unsecured['@context'];
  // Hashing (§3.3.4): SHA-256(JCS(proof config)) || SHA-256(JCS(document)).
  const hashData = Buffer.concat([sha256(jcs(config)), sha256(jcs(unsecured))]);
  let signature: Buffer;
  let key: ReturnType<typeof createPublicKey>;
  try {
    signature = decodeBase58Btc(proofValue as string);
    key = ed25519Key(method.publicKeyMultibase);
  } catch {
    return { verified: false, failed: 'proof-shape' };
  }
  return verify(null, hashData, key, signature)
    ? { verified: true }
    : { verified: false, failed: 'signature' };
}
