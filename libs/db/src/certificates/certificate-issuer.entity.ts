import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * How a unit signs the certificates it issues (Decree 30/2020 layout): the issuing body
 * and the body above it, the signer, the place of the date line, and an optional seal /
 * signature image in FileStorage. Set by a sysadmin; a unit without a row signs with its
 * own name and a blank signer block.
 */
@Entity('certificate_issuer')
export class CertificateIssuerEntity {
  /** The issuing org unit. */
  @PrimaryColumn({ type: 'uuid' })
  orgUnitId: string;

  @Column({ type: 'varchar', length: 255 })
  bodyName: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  parentBodyName: string | null;

  @Column({ type: 'varchar', length: 128 })
  signerTitle: string;

  @Column({ type: 'varchar', length: 128 })
  signerName: string;

  @Column({ type: 'varchar', length: 64 })
  place: string;

  /** Storage key of the PNG/JPEG seal or signature image; null: room left for a wet seal. */
  @Column({ type: 'varchar', length: 512, nullable: true })
  sealImageKey: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
