import { orgUnitJoin, SUBTREE_AND_MERGED_UNITS_SQL } from '../org-units/org-unit-sql';
import { userJoin } from '../users/user-sql';

/*
 * The certificates feature's SQL for the scoped register and a certificate's history: here
 * rather than in apps/api so that the national-scale bench EXPLAINs the very text the API
 * sends (no copy to go stale). Alias `c` is the certificate.
 */

/** The issuing unit, for the unit filter. */
export const ISSUER_UNIT_JOIN = orgUnitJoin('iu', 'c.issuer_org_unit_id');
/** The holder and their current unit, for hr's scope and the unit filter. */
export const HOLDER_UNIT_JOIN = `${userJoin('h', 'c.user_id', { left: true })}
      ${orgUnitJoin('hu', 'h.org_unit_id', { left: true })}`;

/** hr's scope: the holder's current unit is in the subtree `param` (a LIKE prefix). */
export const HOLDER_IN_SUBTREE = (param: string) => `hu.path LIKE ${param}`;
/** A trainer's scope: issued by one of the units `param` (uuid[]) lists. */
export const ISSUED_BY_ANY = (param: string) => `c.issuer_org_unit_id = ANY(${param}::uuid[])`;

/**
 * Units whose certificates a trainer of the subtree $1 (a LIKE prefix) lists: every unit of
 * the subtree (open or closed), and every unit merged, hop by hop, into an open unit of it.
 */
export const LISTED_ISSUERS_SQL = SUBTREE_AND_MERGED_UNITS_SQL;

/**
 * The register's FROM clause. Units are joined only for a condition that reads them (the
 * page's columns are the certificate's own): even unused, the joins made PostgreSQL fetch
 * every certificate row of a trainer's register where the issuer index alone answers.
 */
export function certificateRegisterFrom(o: {
  issuerUnit: boolean;
  holderUnit: boolean;
  where: string[];
}): string {
  return `FROM certificate c
      ${o.issuerUnit ? ISSUER_UNIT_JOIN : ''}
      ${o.holderUnit ? HOLDER_UNIT_JOIN : ''}
      ${o.where.length ? `WHERE ${o.where.join(' AND ')}` : ''}`;
}

/** One page of the register, newest first; limit and offset follow the `params` of `from`. */
export const certificateRegisterPageSql = (from: string, params: number) =>
  `SELECT c.id, c.kind, c.serial, c.course_id, c.status, c.issued_at, c.pdf_key, c.completed_at, c.snapshot, c.verify_code
       ${from}
       ORDER BY c.completed_at DESC, c.id DESC
       LIMIT $${params + 1} OFFSET $${params + 2}`;

/** A certificate's history, in the order its steps happened ($1 certificate). */
export const CERTIFICATE_EVENTS_SQL = `SELECT e.id, e.type, e.actor_id, a.full_name AS actor_name, e.note, e.data, e.created_at
         FROM certificate_event e ${userJoin('a', 'e.actor_id', { left: true })}
        WHERE e.certificate_id = $1
        -- created_at is the transaction's start: steps written together keep their logical order.
        ORDER BY e.created_at,
                 CASE e.type WHEN 'requested' THEN 0 WHEN 'issued' THEN 1 ELSE 2 END,
                 e.id`;
