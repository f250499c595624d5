import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Gap-free numbering: the issuing transaction locks the (scope, year) row, takes
 * `last_value + 1` and commits with the certificate, so numbers never repeat or skip.
 * Scopes: `serial` (national "Số hiệu") and `register:<orgUnitId>` ("Số vào sổ").
 */
@Entity('certificate_counter')
export class CertificateCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  scope: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int', default: 0 })
  lastValue: number;
}
