import type { CertificateStatus, RevocationReason } from '@dx/contracts';
import type { EntityManager } from 'typeorm';

// The register (sổ cấp) of a unit's subtree for a year: reads certificates with the org
// tree, so it lives in the reporting read model, which may read every table.

/** One line of the register, from the certificate's signed snapshot and its row. */
export interface CertificateRegisterRow {
  serial: string;
  registerNumber: number;
  holderName: string;
  dateOfBirth: string | null;
  title: string;
  hours: number;
  completedOn: string;
  issuedOn: string;
  issuerCode: string;
  issuerName: string;
  status: Exclude<CertificateStatus, 'pending'>;
  revokedOn: string | null;
  revokedReason: RevocationReason | null;
  pdfKey: string | null;
}

export interface CertificateRegisterScope {
  /** Path of the unit (`/…/`): its subtree is every unit whose path starts with it. */
  unitPath: string;
  year: number;
  /** Calendar years are counted in this zone (TZ_REPORTS), as serials are. */
  timeZone: string;
}

/**
 * Issued in the year by a unit of the subtree (closed units included: what a unit issued
 * before it was merged stays in its register). Pending ones have no serial yet.
 */
const REGISTER_WHERE = `
  c.issuer_org_unit_id = ANY ($1::uuid[])
  AND c.status IN ('issued', 'revoked') AND c.serial IS NOT NULL
  AND c.issued_at >= make_timestamptz($2, 1, 1, 0, 0, 0, $3)
  AND c.issued_at < make_timestamptz($2 + 1, 1, 1, 0, 0, 0, $3)`;

async function subtreeIds(m: EntityManager, unitPath: string): Promise<string[]> {
  const like = `${unitPath.replace(/[\\%_]/g, '\\$&')}%`;
  const rows: { id: string }[] = await m.query(`SELECT id FROM org_unit WHERE path LIKE $1`, [
    like,
  ]);
  return rows.map((r) => r.id);
}

export async function countCertificateRegister(
  m: EntityManager,
  scope: CertificateRegisterScope,
): Promise<number> {
  const ids = await subtreeIds(m, scope.unitPath);
  const [row] = await m.query(`SELECT count(*)::int AS n FROM certificate c WHERE ${REGISTER_WHERE}`, [
    ids,
    scope.year,
    scope.timeZone,
  ]);
  return row.n;
}

/**
 * The register in serial order, `batchSize` lines at a time (keyset on the serial, which
 * is fixed-width within a year): memory stays constant however many certificates there are.
 */
export async function* certificateRegisterBatches(
  m: EntityManager,
  scope: CertificateRegisterScope,
  batchSize = 500,
): AsyncGenerator<CertificateRegisterRow[]> {
  const ids = await subtreeIds(m, scope.unitPath);
  let after = '';
  for (;;) {
    const rows: CertificateRegisterRow[] = await m.query(
      `SELECT c.serial, c.register_number AS "registerNumber",
              c.snapshot->>'holderName' AS "holderName", c.snapshot->>'dateOfBirth' AS "dateOfBirth",
              c.snapshot->>'title' AS title, c.hours::float8 AS hours,
              c.snapshot->>'completedOn' AS "completedOn",
              coalesce(c.snapshot->>'issuedOn', to_char(c.issued_at AT TIME ZONE $3, 'YYYY-MM-DD')) AS "issuedOn",
              c.snapshot->>'issuerCode' AS "issuerCode", c.snapshot->>'issuerName' AS "issuerName",
              c.status, to_char(c.revoked_at AT TIME ZONE $3, 'YYYY-MM-DD') AS "revokedOn",
              c.revoked_reason AS "revokedReason", c.pdf_key AS "pdfKey"
         FROM certificate c
        WHERE ${REGISTER_WHERE} AND c.serial > $4
        ORDER BY c.serial
        LIMIT $5`,
      [ids, scope.year, scope.timeZone, after, batchSize],
    );
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1].serial;
  }
}
