// Declarations of the untyped @digitalbazaar packages, for every project that builds this
// lib (the API and the worker import it, so their code sees them too).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/digitalbazaar.d.ts" />
import { CertificateEntity, SigningKeyEntity } from '@dx/db';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CertificateSigner } from '@dx/certificate-pdf';

/** The key that signs now: its id and a signer holding its private half. */
export interface ActiveSigningKey {
  kid: string;
  signer: CertificateSigner;
  /** Private and public key as a JWK (`d` included), for the credential's Data Integrity proof. */
  privateJwk: Record<string, string>;
  publicKeyMultibase: string;
}

export interface KeyRingOptions {
  /** PKCS#8 PEM from configuration (`CERT_SIGNING_KEY`); null: the ring generates and keeps one. */
  configuredPem: string | null;
  /** Told once at start when stored certificates name a key the ring does not hold. */
  warn?: (message: string) => void;
}

/** Key id from the public key itself: the same key always gets the same id. */
export function kidOf(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' });
  return `k-${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}`;
}

export async function publicKeyMultibaseOf(publicKey: KeyObject): Promise<string> {
  const jwk = publicKey.export({ format: 'jwk' });
  const pair = await Ed25519Multikey.fromJwk({ jwk, secretKey: false });
  return (await pair.export({ publicKey: true, includeContext: false }))
    .publicKeyMultibase as string;
}

/**
 * Every certificate signing key the platform ever used (table `signing_key`). The API and
 * the worker open one each; both read the active key from the database, so a rotation made
 * through the API is used by the next certificate the worker issues.
 */
export class KeyRing {
  private readonly publicKeys = new Map<string, KeyObject>();
  private readonly signers = new Map<string, ActiveSigningKey>();

  private constructor(
    private readonly db: DataSource,
    private readonly configured: { kid: string; pem: string } | null,
  ) {}

  static async open(db: DataSource, options: KeyRingOptions): Promise<KeyRing> {
    const configured = options.configuredPem
      ? {
          kid: kidOf(createPublicKey(createPrivateKey(options.configuredPem))),
          pem: options.configuredPem,
        }
      : null;
    const ring = new KeyRing(db, configured);
    await ring.ensureActiveKey(options.configuredPem);
    const missing = await ring.unknownKids();
    if (missing.length) {
      options.warn?.(
        `Stored certificates name signing keys this platform does not have (${missing.join(', ')}): ` +
          'they verify as invalid until the key ring holds those keys again',
      );
    }
    return ring;
  }

  /**
   * The active key. Inside a transaction, pass its manager: a second connection taken from
   * the pool while the transaction holds one can exhaust the pool under load.
   */
  async active(manager: EntityManager = this.db.manager): Promise<ActiveSigningKey> {
    const key = await manager
      .getRepository(SigningKeyEntity)
      .createQueryBuilder('k')
      .where('k.valid_to IS NULL AND k.compromised_from IS NULL')
      .orderBy('k.valid_from', 'DESC')
      .getOne();
    if (!key) throw new Error('The certificate key ring has no active key');
    const cached = this.signers.get(key.kid);
    if (cached) return cached;
    const pem =
      key.privateKeyPem ?? (this.configured?.kid === key.kid ? this.configured.pem : null);
    if (!pem) {
      throw new Error(`The active signing key ${key.kid} is not the configured CERT_SIGNING_KEY`);
    }
    const active = {
      kid: key.kid,
      signer: new CertificateSigner(pem),
      privateJwk: createPrivateKey(pem).export({ format: 'jwk' }) as Record<string, string>,
      publicKeyMultibase: key.publicKeyMultibase,
    };
    this.signers.set(key.kid, active);
    return active;
  }

  async list(): Promise<SigningKeyEntity[]> {
    return this.db.getRepository(SigningKeyEntity).find({ order: { validFrom: 'ASC' } });
  }

  async find(kid: string): Promise<SigningKeyEntity | null> {
    return this.db.getRepository(SigningKeyEntity).findOneBy({ kid });
  }

  /** The public key of `kid`, or null for a key the ring does not hold. */
  async publicKey(kid: string): Promise<KeyObject | null> {
    const cached = this.publicKeys.get(kid);
    if (cached) return cached;
    const row = await this.find(kid);
    if (!row) return null;
    const pair = await Ed25519Multikey.from({
      type: 'Multikey',
      publicKeyMultibase: row.publicKeyMultibase,
    });
    const jwk = await Ed25519Multikey.toJwk({ keyPair: pair });
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    this.publicKeys.set(kid, key);
    return key;
  }

  /**
   * A new generated key signs from now on; the previous one keeps verifying what it signed.
   * Runs in the caller's transaction so the audit entry commits with it.
   */
  async rotate(tx: EntityManager, now = new Date()): Promise<SigningKeyEntity> {
    await tx.query('LOCK TABLE signing_key IN EXCLUSIVE MODE');
    await tx
      .createQueryBuilder()
      .update(SigningKeyEntity)
      .set({ validTo: now })
      .where('valid_to IS NULL')
      .execute();
    return insertGenerated(tx, now);
  }

  /**
   * Certificates `kid` signed from `from` on are invalid; an active key that is marked
   * compromised is replaced at once, so nothing more is signed with it.
   */
  async markCompromised(
    tx: EntityManager,
    kid: string,
    from: Date,
    note: string | null,
  ): Promise<{ key: SigningKeyEntity; replacedBy: string | null } | null> {
    await tx.query('LOCK TABLE signing_key IN EXCLUSIVE MODE');
    const key = await tx.findOneBy(SigningKeyEntity, { kid });
    if (!key) return null;
    key.compromisedFrom = from;
    key.compromisedNote = note;
    let replacedBy: string | null = null;
    if (key.validTo === null) {
      key.validTo = new Date();
      replacedBy = (await insertGenerated(tx, key.validTo)).kid;
    }
    await tx.save(key);
    this.publicKeys.delete(kid);
    return { key, replacedBy };
  }

  private async ensureActiveKey(configuredPem: string | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      // One process at a time: the API and the worker start together on a fresh database.
      await tx.query('LOCK TABLE signing_key IN EXCLUSIVE MODE');
      const now = new Date();
      if (this.configured && configuredPem) {
        const known = await tx.findOneBy(SigningKeyEntity, { kid: this.configured.kid });
        if (known) return;
        // A newly configured key takes over; the keys before it stay for verification.
        await tx
          .createQueryBuilder()
          .update(SigningKeyEntity)
          .set({ validTo: now })
          .where('valid_to IS NULL')
          .execute();
        const publicKey = createPublicKey(createPrivateKey(configuredPem));
        await tx.insert(SigningKeyEntity, {
          kid: this.configured.kid,
          publicKeyMultibase: await publicKeyMultibaseOf(publicKey),
          privateKeyPem: null,
          source: 'configured',
          validFrom: now,
        });
        return;
      }
      const active = await tx
        .getRepository(SigningKeyEntity)
        .createQueryBuilder('k')
        .where(
          'k.valid_to IS NULL AND k.compromised_from IS NULL AND k.private_key_pem IS NOT NULL',
        )
        .getCount();
      if (active === 0) {
        await tx
          .createQueryBuilder()
          .update(SigningKeyEntity)
          .set({ validTo: now })
          .where('valid_to IS NULL')
          .execute();
        await insertGenerated(tx, now);
      }
    });
  }

  private async unknownKids(): Promise<string[]> {
    const rows: { kid: string }[] = await this.db
      .getRepository(CertificateEntity)
      .createQueryBuilder('c')
      .select('DISTINCT c.kid', 'kid')
      .where('c.kid IS NOT NULL')
      .andWhere('NOT EXISTS (SELECT 1 FROM signing_key k WHERE k.kid = c.kid)')
      .getRawMany();
    return rows.map((r) => r.kid);
  }
}

/** Generates a key, kept in the database (development, or a rotation). */
async function insertGenerated(tx: EntityManager, validFrom: Date): Promise<SigningKeyEntity> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const row = tx.create(SigningKeyEntity, {
    kid: kidOf(publicKey),
    publicKeyMultibase: await publicKeyMultibaseOf(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    source: 'generated',
    validFrom,
    validTo: null,
    compromisedFrom: null,
    compromisedNote: null,
  });
  return tx.save(row);
}
