import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateEntity } from './certificate.entity';

/** History of a certificate: requested, issued, re-issued (lost copy, name fix), revoked. */
@Entity('certificate_event')
@Index('idx_certificate_event_certificate', ['certificateId', 'createdAt'])
export class CertificateEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  certificateId: string;

  @ManyToOne(() => CertificateEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'certificate_id' })
  certificate?: CertificateEntity;

  @Column({ type: 'varchar', length: 32 })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
