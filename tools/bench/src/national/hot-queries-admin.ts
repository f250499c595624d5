import {
  applyOrgUnitMerge,
  auditLogQuery,
  cappedCountSql,
  CERTIFICATE_EVENTS_SQL,
  certificateRegisterFrom,
  certificateRegisterPageSql,
  CLAIM_OUTBOX_BATCH_SQL,
  COUNT_LIMIT,
  findCertificateById,
  findUsersPage,
  HOLDER_IN_SUBTREE,
  ISSUED_BY_ANY,
  LISTED_ISSUERS_SQL,
  lockCertificateForIssue,
  lockUnitsForMerge,
  mergeRefusals,
  OrgUnitMergePlan,
} from '@dx/db';
import {
  COVERAGE_REPORT_UNIT_ROW_SQL,
  findCoverageReport,
  readCoverageSnapshot,
} from '@dx/reports';
import type { StatementCapture } from './capture';
import type { HotContext } from './hot-context';
import { HotQuery, sqlQuery } from './hot-query';
import { REPORT_TIME_ZONE } from './shape';

/** The trainer's issuing units, as the app computes them before listing. */
async function trainerIssuerIds(x: HotContext, cap: StatementCapture): Promise<string[]> {
  const rows: { id: string }[] = await cap.ds.query(LISTED_ISSUERS_SQL, [
    `${x.provinceTrainer.path}%`,
  ]);
  return rows.map((r) => r.id);
}

/**
 * The certificate register as CertificatesService assembles it from @dx/db's parts: the
 * scope condition as CertificateAccessService.listCondition writes it for one role (its
 * only parameter, $1), the holder's unit joined only for hr.
 */
const certificateList = (who: 'hr' | 'trainer'): HotQuery => ({
  name: `certificate register in scope (${who} of a province): capped count and first page`,
  statements: async (x, cap) => {
    const hr = who === 'hr';
    const scope = hr ? `${x.provinceHr.path}%` : await trainerIssuerIds(x, cap);
    const where = [`(${hr ? HOLDER_IN_SUBTREE('$1') : ISSUED_BY_ANY('$1')})`];
    const from = certificateRegisterFrom({ issuerUnit: false, holderUnit: hr, where });
    return [
      // The first page: counted up to COUNT_LIMIT past offset 0, by the app's own builder.
      { sql: cappedCountSql(`SELECT 1 ${from}`, COUNT_LIMIT), params: [scope] },
      { sql: certificateRegisterPageSql(from, 1), params: [scope, 20, 0] },
    ];
  },
});

/** What hr offices, trainers, sysadmins and the worker run against the big tables. */
export const ADMIN_QUERIES: HotQuery[] = [
  certificateList('hr'),
  sqlQuery(
    'certificate register in scope (trainer of a province): issuing units',
    LISTED_ISSUERS_SQL,
    (x) => [`${x.provinceTrainer.path}%`],
  ),
  certificateList('trainer'),
  {
    name: 'certificate details: the certificate and its history',
    statements: async (x, cap) => [
      ...(await cap.capture((m) => findCertificateById(m, x.learner.certificateId))),
      { sql: CERTIFICATE_EVENTS_SQL, params: [x.learner.certificateId] },
    ],
  },
  {
    name: 'people in scope with a name search (hr of a province): page and count',
    statements: (x, cap) =>
      cap.capture((m) =>
        findUsersPage(m, {
          scopePrefix: x.provinceHr.path,
          search: 'Nguyễn Văn Hùng',
          offset: 0,
          limit: 20,
        }),
      ),
  },
  ...(['all entries', 'one actor'] as const).map((filter): HotQuery => ({
    name: `audit log, newest first (${filter}): capped count and page`,
    statements: (x, cap) =>
      cap.capture(async (m) => {
        const actorId = filter === 'one actor' ? x.sysadminId : undefined;
        const log = auditLogQuery(m, { actorId }, REPORT_TIME_ZONE);
        await m.query(cappedCountSql(log.countSql, COUNT_LIMIT), log.countParams); // the first page
        return log.page(0, 20);
      }),
  })),
  {
    name: 'coverage report: access check and snapshot read (national report)',
    statements: (x, cap) =>
      cap.capture(async (m) => {
        const report = await findCoverageReport(m, { id: x.reportId });
        if (report) await readCoverageSnapshot(m, report);
      }),
  },
  sqlQuery('coverage export: the report unit row', COVERAGE_REPORT_UNIT_ROW_SQL, (x) => [
    x.reportId,
    x.reportUnitId,
  ]),
  sqlQuery('outbox relay: claim a batch', CLAIM_OUTBOX_BATCH_SQL, () => [200]),
  {
    name: 'certificate issuing (worker): lock the certificate',
    statements: (x, cap) => cap.capture((m) => lockCertificateForIssue(m, x.learner.certificateId)),
  },
  {
    // The merge as the API and the worker make it (@dx/db: lock both units, check, apply),
    // captured in a rolled-back transaction: every statement it sends, not a chosen few.
    name: 'unit merge: a commune merged into its neighbour',
    statements: (x, cap) =>
      cap.capture(async (m) => {
        const plan: OrgUnitMergePlan = {
          unitId: x.mergeFromUnitId,
          targetId: x.mergeIntoUnitId,
          effectiveDate: '2026-11-01',
        };
        const { unit, target } = await lockUnitsForMerge(m, plan);
        if (!unit || !target) throw new Error('hot query: the units to merge are missing');
        const refusals = await mergeRefusals(m, plan, unit, target);
        if (refusals.length)
          throw new Error(`hot query: merge refused: ${JSON.stringify(refusals)}`);
        await applyOrgUnitMerge(m, unit, target, plan.effectiveDate);
      }),
  },
];
