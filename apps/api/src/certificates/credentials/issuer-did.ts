import type { SigningKeyEntity } from '@dx/db';

/**
 * The issuer's DID (did:web), from PUBLIC_BASE_URL: `https://host:8443/x` gives
 * `did:web:host%3A8443:x:api:public`, whose document is served at
 * `https://host:8443/x/api/public/did.json` (the did:web rule for a DID with a path).
 */
export function issuerDid(publicBaseUrl: string): string {
  const url = new URL(publicBaseUrl);
  const path = url.pathname.split('/').filter(Boolean);
  return ['did:web', encodeURIComponent(url.host), ...path, 'api', 'public'].join(':');
}

/** The URL a did:web resolves to (the inverse of issuerDid, for any did:web). */
export function didWebDocumentUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  const [host, ...path] = did.replace(/^did:web:/, '').split('#')[0].split(':');
  const tail = path.length ? path.join('/') : '.well-known';
  return `${scheme}://${decodeURIComponent(host)}/${tail}/did.json`;
}

export function verificationMethodId(did: string, kid: string): string {
  return `${did}#${kid}`;
}

/**
 * The DID document: every key of the ring that was never compromised, as a Multikey
 * verification method usable for assertions (signing credentials). A compromised key is
 * left out, so an outside verifier rejects whatever it signed, as it should.
 */
export function issuerDidDocument(did: string, keys: SigningKeyEntity[]): Record<string, unknown> {
  const usable = keys.filter((k) => k.compromisedFrom === null);
  const methods = usable.map((k) => ({
    id: verificationMethodId(did, k.kid),
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
