import {
  AuditLogEntity,
  cappedCountSql,
  CertificateEntity,
  COUNT_LIMIT,
  CoverageReportEntity,
  UserEntity,
} from '@dx/db';
import { readCoverageSnapshot } from '@dx/reports';
import type { StatementCapture } from './capture';
import type { HotContext } from './hot-context';
import { HotQuery, sqlQuery } from './hot-query';

/**
 * The certificate register as the service assembles it: the holder and their current unit
 * are joined only for a condition on them (hr's scope), the issuing unit only for the
 * unit filter (not replayed here).
 */
const HOLDER_UNIT_JOIN = `LEFT JOIN app_user h ON h.id = c.user_id
      LEFT JOIN org_unit hu ON hu.id = h.org_unit_id`;
const CERTIFICATES_FROM_HR = `FROM certificate c
      ${HOLDER_UNIT_JOIN}
      WHERE (hu.path LIKE $1)`;
/**
 * … and for a trainer: the issuing units in scope are looked up first (the subtree, open or
 * closed, and what merged into an open unit of it), then passed as a list of ids.
 */
const TRAINER_ISSUERS = `WITH RECURSIVE acting AS (
         SELECT id FROM org_unit WHERE path LIKE $1 AND valid_to IS NULL
         UNION
         SELECT pre.id FROM org_unit pre JOIN acting a ON pre.successor_id = a.id)
       SELECT id FROM acting
       UNION
       SELECT id FROM org_unit WHERE path LIKE $1`;
const CERTIFICATES_FROM_TRAINER = `FROM certificate c
      WHERE (c.issuer_org_unit_id = ANY($1::uuid[]))`;
const CERTIFICATES_PAGE = `SELECT c.id, c.kind, c.serial, c.course_id, c.status, c.issued_at, c.pdf_key, c.completed_at, c.snapshot`;
const CERTIFICATES_ORDER = `ORDER BY c.completed_at DESC, c.id DESC
       LIMIT $2 OFFSET $3`;

/** The trainer's issuing units, as the app computes them before listing. */
async function trainerIssuerIds(x: HotContext, cap: StatementCapture): Promise<string[]> {
  const rows: { id: string }[] = await cap.ds.query(TRAINER_ISSUERS, [
    `${x.provinceTrainer.path}%`,
  ]);
  return rows.map((r) => r.id);
}

const certificateList = (who: 'hr' | 'trainer', from: string): HotQuery => ({
  name: `certificate register in scope (${who} of a province): capped count and first page`,
  source: 'apps/api/src/certificates/certificates.service.ts',
  mustMatch: [
    `const HOLDER_UNIT_JOIN = \`${HOLDER_UNIT_JOIN}\`;`,
    "const from = `FROM certificate c ${issuerUnit ? ISSUER_UNIT_JOIN : ''} ${holderUnit ? HOLDER_UNIT_JOIN : ''}",
    'const { total, totalExact } = await cappedTotal(this.db, `SELECT 1 ${from}`, params, q);',
    CERTIFICATES_PAGE,
    'ORDER BY c.completed_at DESC, c.id DESC',
  ],
  statements: async (x, cap) => {
    const scope = who === 'hr' ? `${x.provinceHr.path}%` : await trainerIssuerIds(x, cap);
    return [
      // The first page: counted up to COUNT_LIMIT past offset 0, by the app's own builder.
      { sql: cappedCountSql(`SELECT 1 ${from}`, COUNT_LIMIT), params: [scope] },
      { sql: `${CERTIFICATES_PAGE} ${from} ${CERTIFICATES_ORDER}`, params: [scope, 20, 0] },
    ];
  },
});

/** What hr offices, trainers, sysadmins and the worker run against the big tables. */
export const ADMIN_QUERIES: HotQuery[] = [
  certificateList('hr', CERTIFICATES_FROM_HR),
  {
    name: 'certificate register in scope (trainer of a province): issuing units',
    source: 'apps/api/src/certificates/certificate-access.service.ts',
    mustMatch: [
      TRAINER_ISSUERS,
      'parts.push(`hu.path LIKE $${params.length}`);',
      'parts.push(`c.issuer_org_unit_id = ANY($${params.length}::uuid[])`);',
      "return { sql: parts.length ? `(${parts.join(' OR ')})` : 'FALSE', holderUnit: hr };",
    ],
    statements: (x) => [{ sql: TRAINER_ISSUERS, params: [`${x.provinceTrainer.path}%`] }],
  },
  certificateList('trainer', CERTIFICATES_FROM_TRAINER),
  {
    name: 'certificate details: the certificate and its history',
    source: 'apps/api/src/certificates/certificates.service.ts',
    mustMatch: [
      'FROM certificate_event e LEFT JOIN app_user a ON a.id = e.actor_id WHERE e.certificate_id = $1',
    ],
    statements: async (x, cap) => [
      ...(await cap.capture((m) =>
        m.findOne(CertificateEntity, { where: { id: x.learner.certificateId } }),
      )),
      {
        sql: `SELECT e.id, e.type, e.actor_id, a.full_name AS actor_name, e.note, e.data, e.created_at
         FROM certificate_event e LEFT JOIN app_user a ON a.id = e.actor_id
        WHERE e.certificate_id = $1
        ORDER BY e.created_at,
                 CASE e.type WHEN 'requested' THEN 0 WHEN 'issued' THEN 1 ELSE 2 END,
                 e.id`,
        params: [x.learner.certificateId],
      },
    ],
  },
  {
    name: 'people in scope with a name search (hr of a province): page and count',
    source: 'apps/api/src/users/users.service.ts',
    mustMatch: [
      ".createQueryBuilder('u') .innerJoin('u.orgUnit', 'unit');",
      "qb.andWhere('(u.username ILIKE :term OR u.fullName ILIKE :term)', { term });",
      ".orderBy('u.fullName', 'ASC') .addOrderBy('u.id', 'ASC') .skip(q.offset) .take(q.pageSize) .getManyAndCount();",
    ],
    statements: (x, cap) =>
      cap.capture((m) =>
        m
          .getRepository(UserEntity)
          .createQueryBuilder('u')
          .innerJoin('u.orgUnit', 'unit')
          .andWhere(`unit.path LIKE :scopePrefix`, { scopePrefix: `${x.provinceHr.path}%` })
          .andWhere('(u.username ILIKE :term OR u.fullName ILIKE :term)', {
            term: '%Nguyễn Văn Hùng%',
          })
          .orderBy('u.fullName', 'ASC')
          .addOrderBy('u.id', 'ASC')
          .skip(0)
          .take(20)
          .getManyAndCount(),
      ),
  },
  ...(['all entries', 'one actor'] as const).map((filter): HotQuery => ({
    name: `audit log, newest first (${filter}): capped count and page`,
    source: 'apps/api/src/audit/audit-log.service.ts',
    mustMatch: [
      "if (q.actorId) qb.andWhere('a.actorId = :actorId', { actorId: q.actorId });",
      ".clone() .select('1') .orderBy('a.at', 'DESC') .getQueryAndParameters();",
      'const { total, totalExact } = await cappedTotal(this.db, countSql, countParams, q);',
      ".orderBy('a.at', 'DESC') .addOrderBy('a.id', 'DESC') .skip(q.offset) .take(q.pageSize) .getMany();",
    ],
    statements: (x, cap) =>
      cap.capture(async (m) => {
        const qb = m.getRepository(AuditLogEntity).createQueryBuilder('a');
        if (filter === 'one actor') qb.andWhere('a.actorId = :actorId', { actorId: x.sysadminId });
        const [countSql, countParams] = qb
          .clone()
          .select('1')
          .orderBy('a.at', 'DESC')
          .getQueryAndParameters();
        await m.query(cappedCountSql(countSql, COUNT_LIMIT), countParams); // the first page
        return qb.orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').skip(0).take(20).getMany();
      }),
  })),
  {
    name: 'coverage report: access check and snapshot read (national report)',
    source: 'apps/api/src/reports/coverage-reports.service.ts',
    mustMatch: ['const { rows } = await readCoverageSnapshot(this.db.manager, report);'],
    statements: (x, cap) =>
      cap.capture(async (m) => {
        const report = await m
          .getRepository(CoverageReportEntity)
          .findOne({ where: { id: x.reportId }, relations: { orgUnit: true } });
        if (report) await readCoverageSnapshot(m, report);
      }),
  },
  sqlQuery(
    'coverage export: the report unit row',
    'apps/api/src/reports/coverage-reports.service.ts',
    `SELECT code, name FROM coverage_report_row WHERE report_id = $1 AND org_unit_id = $2`,
    (x) => [x.reportId, x.reportUnitId],
  ),
  sqlQuery(
    'outbox relay: claim a batch',
    'apps/worker/src/outbox/outbox-relay.service.ts',
    `SELECT id, queue, job_name, job_id, payload FROM outbox
         WHERE sent_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    () => [200],
  ),
  {
    name: 'certificate issuing (worker): lock the certificate',
    source: 'apps/worker/src/certificates/certificate-issuer.service.ts',
    mustMatch: [
      "const cert = await tx.findOne(CertificateEntity, { where: { id }, lock: { mode: 'pessimistic_write' }, });",
    ],
    statements: (x, cap) =>
      cap.capture((m) =>
        m.findOne(CertificateEntity, {
          where: { id: x.learner.certificateId },
          lock: { mode: 'pessimistic_write' },
        }),
      ),
  },
  sqlQuery(
    'unit merge: split the memberships of the merged unit',
    'apps/api/src/org-units/org-unit-merge.service.ts',
    `WITH split AS (
         UPDATE membership m SET valid_to = $3::date
           FROM (SELECT id, valid_to FROM membership
                  WHERE org_unit_id = $1::uuid AND valid_from < $3::date
                    AND (valid_to IS NULL OR valid_to > $3::date)) old
          WHERE m.id = old.id
          RETURNING m.user_id, m.dx_role, old.valid_to AS old_valid_to)
       INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to)
       SELECT user_id, $2::uuid, dx_role, $3::date, old_valid_to FROM split`,
    (x) => [x.mergeFromUnitId, x.mergeIntoUnitId, '2026-11-01'],
  ),
  sqlQuery(
    'unit merge: move the accounts of the merged unit',
    'apps/api/src/org-units/org-unit-merge.service.ts',
    `UPDATE app_user SET org_unit_id = $2::uuid, updated_at = now() WHERE org_unit_id = $1::uuid`,
    (x) => [x.mergeFromUnitId, x.mergeIntoUnitId],
  ),
];
