import {
  CertificateEntity,
  findCertificateById,
  HOLDER_IN_SUBTREE,
  ISSUED_BY_ANY,
  LISTED_ISSUERS_SQL,
  unitSuccessionChainCte,
  userUnitPathSql,
} from '@dx/db';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { OrgScopeService } from '../org-units/org-scope.service';

export interface CertificateRights {
  /** May read it (details, PDF). */
  see: boolean;
  /** May revoke or re-issue it. */
  act: boolean;
}

/** A condition of the certificate register; see listCondition(). */
export interface ListCondition {
  sql: string;
  /** Whether `sql` reads `hu`, the holder's current unit. */
  holderUnit: boolean;
}

/** Longest merge chain followed; real chains are one or two hops. */
const MAX_SUCCESSOR_HOPS = 32;

/**
 * Who may see and act on a certificate:
 *  - the holder sees their own;
 *  - hr sees those whose holder's current unit lies in their subtree;
 *  - a trainer sees those issued by a unit of their subtree, or by a unit merged into one;
 *  - acting (revoke, re-issue) belongs to the trainers of the unit answerable today: the
 *    issuing unit, or when it was merged, its successor (followed to an open unit);
 *  - a sysadmin sees and acts everywhere.
 */
@Injectable()
export class CertificateAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: OrgScopeService,
  ) {}

  async rights(
    user: AuthUser,
    cert: CertificateEntity,
    tx: EntityManager = this.db.manager,
  ): Promise<CertificateRights> {
    const prefix = await this.scope.scopePath(user);
    if (prefix === null) return { see: true, act: true };
    const isHolder = cert.userId === user.id;
    const trainer = user.roles.includes('trainer');
    const hr = user.roles.includes('hr');
    if (!trainer && !hr) return { see: isHolder, act: false };

    // The issuing unit's chain of successors (org-units) and the holder's unit (users).
    const [paths] = await tx.query(
      `WITH RECURSIVE ${unitSuccessionChainCte('$1', '$3')}
       SELECT (SELECT path FROM chain WHERE hops = 0) AS issuer_path,
              (SELECT path FROM chain ORDER BY hops DESC LIMIT 1) AS acting_path,
              (${userUnitPathSql('$2', 'h')}) AS holder_path`,
      [cert.issuerOrgUnitId, cert.userId, MAX_SUCCESSOR_HOPS],
    );
    const inScope = (path: string | null) => path !== null && path.startsWith(prefix);
    const act = trainer && inScope(paths.acting_path);
    const see =
      isHolder ||
      act ||
      (trainer && inScope(paths.issuer_path)) ||
      (hr && inScope(paths.holder_path));
    return { see, act };
  }

  /** The certificate with the caller's rights; 404 when unknown or not visible. */
  async findVisible(
    user: AuthUser,
    id: string,
    tx: EntityManager = this.db.manager,
    lock = false,
  ): Promise<{ cert: CertificateEntity; rights: CertificateRights }> {
    const cert = await findCertificateById(tx, id, lock);
    const rights = cert ? await this.rights(user, cert, tx) : null;
    if (!cert || !rights?.see) throw new NotFoundException('Certificate not found');
    return { cert, rights };
  }

  /**
   * SQL condition limiting `certificate c` to what a trainer or hr may list; `params`
   * receives the values, `$n` placeholders follow. When `holderUnit` is set, the condition
   * reads the holder's current unit `hu` (joined through the holder `h`), which the caller
   * must join. Null when the caller sees everything.
   */
  async listCondition(user: AuthUser, params: unknown[]): Promise<ListCondition | null> {
    const prefix = await this.scope.scopePath(user);
    if (prefix === null) return null;
    const like = `${escapeLike(prefix)}%`;
    const parts: string[] = [];
    const hr = user.roles.includes('hr');
    if (hr) {
      params.push(like);
      parts.push(HOLDER_IN_SUBTREE(`$${params.length}`));
    }
    if (user.roles.includes('trainer')) {
      // The issuer ids are looked up first and passed as a list: as a subquery, PostgreSQL
      // misjudged the recursive part and read the whole certificate index (2.7 s at
      // national scale), where a known list of ids goes straight to the issuer index.
      params.push(await this.listedIssuerIds(like));
      parts.push(ISSUED_BY_ANY(`$${params.length}`));
    }
    return { sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', holderUnit: hr };
  }

  /**
   * Units whose certificates a trainer of the subtree `like` lists: every unit of the
   * subtree (open or closed), and every unit merged, hop by hop, into an open unit of the
   * subtree — the same rule as rights(), as a set of issuer ids.
   */
  private async listedIssuerIds(like: string): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(LISTED_ISSUERS_SQL, [like]);
    return rows.map((r) => r.id);
  }
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
