import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { offlineDocumentLoader } from './offline-contexts';

/**
 * What an outside verifier does with a credential, for the tests: the @digitalbazaar VC
 * verify path with contexts from npm packages (never fetched) and the issuer's DID
 * document and status list read through `fetchJson` (the API under test). A did:web URL
 * with a fragment resolves to that verification method, as a DID resolver does.
 */
export function independentVerifier(fetchJson: (url: string) => Promise<Record<string, unknown>>) {
  const documentLoader = offlineDocumentLoader(async (url) => {
    if (url.startsWith('did:web:')) {
      const [did, fragment] = url.split('#');
      const doc = await fetchJson(did);
      if (!fragment) return doc;
      const methods = (doc.verificationMethod ?? []) as { id: string }[];
      const method = methods.find((m) => m.id === url);
      return method ? { '@context': 'https://w3id.org/security/multikey/v1', ...method } : null;
    }
    return fetchJson(url);
  });
  return {
    documentLoader,
    verify: (credential: unknown) =>
      vc.verifyCredential({
        credential,
        suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
        documentLoader,
        // The library reads the bit; a verifier app decides: a set revocation bit fails.
        checkStatus: async (o: Record<string, unknown>) => {
          const result = (await checkStatus({
            ...o,
            suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
          })) as { verified: boolean; results?: { status?: boolean }[] };
          const revoked = (result.results ?? []).some((r) => r.status === true);
          return { ...result, verified: result.verified && !revoked, revoked };
        },
      }),
  };
}
