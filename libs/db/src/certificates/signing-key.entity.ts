import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Where a signing key's private half lives. */
export type SigningKeySource = 'configured' | 'generated';

/**
 * The key ring: every Ed25519 key that ever signed a certificate, so that rotating or
 * replacing the key never turns earlier certificates "invalid". Each certificate records
 * the `kid` that signed it. At most one key is active (no `validTo`, not compromised).
 */
@Entity('signing_key')
export class SigningKeyEntity {
  /** Key id, also the fragment of the verification method in the issuer's DID document. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid: string;

  /** Multikey encoding of the Ed25519 public key (`z6Mk…`). */
  @Column({ type: 'varchar', length: 128 })
  publicKeyMultibase: string;

  /**
   * PKCS#8 PEM of a key the platform generated (development, or a rotation); null for a
   * key from configuration (`CERT_SIGNING_KEY`), whose secret never enters the database.
   */
  @Column({ type: 'text', nullable: true })
  privateKeyPem: string | null;

  @Column({ type: 'varchar', length: 16 })
  source: SigningKeySource;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  /** When the key stopped signing (rotated out); what it signed before stays valid. */
  @Column({ type: 'timestamptz', nullable: true })
  validTo: Date | null;

  /** Certificates this key signed from this moment on are invalid. */
  @Column({ type: 'timestamptz', nullable: true })
  compromisedFrom: Date | null;

  @Column({ type: 'text', nullable: true })
  compromisedNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
