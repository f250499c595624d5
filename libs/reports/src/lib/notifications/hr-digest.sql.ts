import { RECIPIENT_IS_ACTIVE } from '@dx/db';
import { EARNED_HOURS } from './requirement-reminders.sql';

/**
 * The weekly digest of each HR officer's subtree: how many people are overdue on a
 * requirement (due in the last 365 days, not met), the three units with the most, and a
 * link to the "not yet trained" list. `$1` is the run's date; the event key is the ISO
 * week, so the first run of a week sends it and later runs of that week do not. Nothing
 * is sent to a subtree with nobody overdue.
 */
export const HR_DIGEST_SQL = `
  WITH overdue AS (
    SELECT DISTINCT u.id AS user_id, u.org_unit_id, pu.path
      FROM requirement r
      JOIN org_unit ru ON ru.id = r.org_unit_id
      JOIN org_unit pu ON pu.path LIKE ru.path || '%'
      JOIN app_user u ON u.org_unit_id = pu.id
     WHERE u.dx_role = ANY (r.dx_roles)
       AND (cardinality(r.job_titles) = 0 OR u.job_title = ANY (r.job_titles))
       AND ${RECIPIENT_IS_ACTIVE('u')}
       AND r.due_date < $1::date AND r.due_date >= $1::date - 365
       AND ${EARNED_HOURS} < r.hours),
  officers AS (
    SELECT h.id, h.org_unit_id, o.path, o.name
      FROM app_user h JOIN org_unit o ON o.id = h.org_unit_id
     WHERE 'hr' = ANY (h.roles) AND ${RECIPIENT_IS_ACTIVE('h')})
  SELECT h.id AS user_id,
         'hr-digest:' || to_char($1::date, 'IYYY-"W"IW') AS event_key,
         'Tổng hợp tuần ' || to_char($1::date, 'IW/IYYY') || ': ' || c.overdue
           || ' người quá hạn bồi dưỡng' AS title,
         h.name || ': ' || c.overdue || ' người chưa hoàn thành yêu cầu bồi dưỡng đã quá hạn. '
           || 'Đơn vị nhiều nhất: ' || t.top || '.' AS body,
         '/reports?orgUnitId=' || h.org_unit_id || '&status=untrained' AS link
    FROM officers h
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS overdue FROM overdue od WHERE od.path LIKE h.path || '%') c
    CROSS JOIN LATERAL (
      SELECT string_agg(name || ' (' || n || ')', ', ' ORDER BY n DESC, name) AS top
        FROM (SELECT ou.name, count(*) AS n
                FROM overdue od JOIN org_unit ou ON ou.id = od.org_unit_id
               WHERE od.path LIKE h.path || '%'
               GROUP BY ou.id, ou.name ORDER BY n DESC, ou.name LIMIT 3) units) t
   WHERE c.overdue > 0`;
