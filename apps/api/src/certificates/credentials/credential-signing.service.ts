import { ActiveSigningKey, KeyRing } from '@dx/certificates';
import { APP_CONFIG, AppConfig } from '@dx/config';
import { CertificateEntity } from '@dx/db';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createSignCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as vc from '@digitalbazaar/vc';
import { createCredential, createList } from '@digitalbazaar/vc-bitstring-status-list';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { issuerDid, issuerDidDocument, verificationMethodId } from './issuer-did';
import { offlineDocumentLoader } from './offline-contexts';
import type { OpenBadgeCredential } from './open-badge-credential';

/** The smallest list the Bitstring Status List spec allows (16 KB), for herd privacy. */
const STATUS_LIST_MIN_BITS = 131_072;

/**
 * Signs credentials with the key ring's active key: a Data Integrity proof
 * (`eddsa-jcs-2022`) made by the @digitalbazaar implementation, whose verification method
 * is a key of the issuer's did:web document. Also makes the signed revocation list.
 */
@Injectable()
export class CredentialSigningService {
  readonly did: string;
  readonly statusListUrl: string;
  private statusList: { fingerprint: string; credential: OpenBadgeCredential } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly keyRing: KeyRing,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.did = issuerDid(config.publicBaseUrl);
    this.statusListUrl = `${config.publicBaseUrl}/api/public/status/revocation`;
  }

  async didDocument(): Promise<Record<string, unknown>> {
    return issuerDidDocument(this.did, await this.keyRing.list());
  }

  /** Signs `credential` now; the proof is a one-element array, as OB 3.0's schema wants. */
  async sign(credential: OpenBadgeCredential): Promise<OpenBadgeCredential> {
    const key = await this.keyRing.active();
    const suite = new DataIntegrityProof({
      signer: (await this.keyPair(key)).signer(),
      cryptosuite: createSignCryptosuite(),
    });
    // Only the contexts are loaded while signing; our own DID document is not needed.
    const signed = await vc.issue({ credential, suite, documentLoader: offlineDocumentLoader() });
    return { ...signed, proof: Array.isArray(signed.proof) ? signed.proof : [signed.proof] };
  }

  /**
   * The BitstringStatusListCredential of revocations, signed; made again only when a
   * revocation happened since (the count and latest time of revocations change).
   */
  async revocationList(): Promise<OpenBadgeCredential> {
    const [state] = await this.db.query(
      `SELECT count(*)::int AS n, max(revoked_at) AS latest, max(status_list_index) AS top,
              (SELECT kid FROM signing_key WHERE valid_to IS NULL AND compromised_from IS NULL
               ORDER BY valid_from DESC LIMIT 1) AS kid
         FROM certificate WHERE status_list_index IS NOT NULL AND status = 'revoked'`,
    );
    const fingerprint = `${state.n}|${state.latest ?? ''}|${state.top ?? ''}|${state.kid ?? ''}`;
    if (this.statusList?.fingerprint === fingerprint) return this.statusList.credential;

    const [{ size }] = await this.db.query(
      'SELECT coalesce(max(status_list_index), 0) + 1 AS size FROM certificate',
    );
    const length =
      Math.ceil(Math.max(Number(size), 1) / STATUS_LIST_MIN_BITS) * STATUS_LIST_MIN_BITS;
    const list = await createList({ length });
    const revoked: { i: number }[] = await this.db
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .select('c.status_list_index', 'i')
      .where("c.status = 'revoked' AND c.status_list_index IS NOT NULL")
      .getRawMany();
    for (const { i } of revoked) list.setStatus(Number(i), true);
    const unsigned = await createCredential({
      id: this.statusListUrl,
      list,
      statusPurpose: 'revocation',
    });
    const credential = await this.sign({
      ...unsigned,
      issuer: this.did,
      validFrom: `${new Date().toISOString().slice(0, 19)}Z`,
    });
    this.statusList = { fingerprint, credential };
    return credential;
  }

  private async keyPair(key: ActiveSigningKey): Promise<Ed25519Multikey.KeyPair> {
    return Ed25519Multikey.fromJwk({
      jwk: key.privateJwk,
      secretKey: true,
      id: verificationMethodId(this.did, key.kid),
      controller: this.did,
    });
  }
}
