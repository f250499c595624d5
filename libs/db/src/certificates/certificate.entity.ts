import type { CertificateKind, CertificateStatus } from '@dx/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { numericTransformer } from '../numeric.transformer';
import { OrgUnitEntity } from '../org-units/org-unit.entity';
import { UserEntity } from '../users/user.entity';

// Declared once, in the contract (issue #18); re-exported for @dx/db's importers.
export type { CertificateKind, CertificateStatus };

/** What the certificate says, frozen at completion: later renames or merges change nothing. */
export interface CertificateSnapshot {
  holderName: string;
  dateOfBirth: string | null;
  title: string;
  hours: number;
  completedOn: string;
  /** Set when issued (date in TZ_REPORTS); part of the signed claims. */
  issuedOn?: string;
  issuerName: string;
  issuerCode: string;
}

/**
 * Course-completion certificate ("Giấy chứng nhận hoàn thành khóa bồi dưỡng") or programme
 * certificate ("Chứng chỉ chương trình bồi dưỡng"). Created `pending` in the completion
 * transaction; the worker allocates the serial, renders the PDF and flips it to `issued`.
 * The partial unique indexes make "one per learner per course version" a database fact.
 */
@Entity('certificate')
@Check('ck_certificate_kind', `"kind" IN ('course', 'program')`)
@Check('ck_certificate_status', `"status" IN ('pending', 'issued', 'revoked')`)
@Check(
  'ck_certificate_subject',
  `("kind" = 'course' AND "course_version_id" IS NOT NULL) OR ("kind" = 'program' AND "curriculum_id" IS NOT NULL)`,
)
// One course certificate per enrolment (an enrolment is one learner, course and training
// year), one programme certificate per learner, curriculum and year.
@Index('uq_certificate_enrollment', ['enrollmentId'], { unique: true, where: `"kind" = 'course'` })
@Index('uq_certificate_curriculum_year', ['userId', 'curriculumId', 'year'], {
  unique: true,
  where: `"kind" = 'program'`,
})
@Index('uq_certificate_serial', ['serial'], { unique: true })
@Index('uq_certificate_status_list_index', ['statusListIndex'], { unique: true })
@Index('idx_certificate_completed', ['completedAt'])
// The worker's re-queue of certificates left pending reads only these few rows.
@Index('idx_certificate_pending', ['createdAt'], { where: `"status" = 'pending'` })
@Index('idx_certificate_issuer', ['issuerOrgUnitId'])
// A holder's certificates of either kind (hr's register counts them per person of its
// subtree); the issuer is included so that count never reads the table itself.
@Index('idx_certificate_user', ['userId', 'issuerOrgUnitId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CertificateKind;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** Null once the holder's account is deleted: the certificate stays verifiable. */
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ type: 'uuid', nullable: true })
  courseVersionId: string | null;

  @Column({ type: 'uuid', nullable: true })
  curriculumId: string | null;

  @Column({ type: 'uuid', nullable: true })
  enrollmentId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: CertificateStatus;

  /** "Số hiệu", e.g. CDS-2026-000123: allocated gap-free per year when issued. */
  @Column({ type: 'varchar', length: 32, nullable: true })
  serial: string | null;

  /** "Số vào sổ": position in the issuing unit's register for the year. */
  @Column({ type: 'int', nullable: true })
  registerNumber: number | null;

  @Column({ type: 'timestamptz' })
  completedAt: Date;

  /** Training year: calendar year of `completedAt` in TZ_REPORTS (the ledger's year). */
  @Column({ type: 'smallint', nullable: true })
  year: number | null;

  @Column({ type: 'numeric', precision: 6, scale: 2, transformer: numericTransformer })
  hours: number;

  @Column({ type: 'uuid' })
  issuerOrgUnitId: string;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_org_unit_id' })
  issuerOrgUnit?: OrgUnitEntity;

  @Column({ type: 'jsonb' })
  snapshot: CertificateSnapshot;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  /** Ed25519 signature (base64url) over the canonical JSON of the issued data. */
  @Column({ type: 'text', nullable: true })
  signature: string | null;

  @Column({ type: 'varchar', length: 512, nullable: true })
  pdfKey: string | null;

  /** The key ring's key that made `signature` (null: signed before the key ring existed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  kid: string | null;

  /**
   * Random code printed in the QR / verify link (`?c=`): only who holds the paper (or the
   * link) sees the full name; serials alone reveal masked names.
   */
  @Column({ type: 'varchar', length: 64, nullable: true })
  verifyCode: string | null;

  /** Position in the public revocation status list (Bitstring Status List), from 0. */
  @Column({ type: 'int', nullable: true })
  statusListIndex: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'text', nullable: true })
  revokedNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
