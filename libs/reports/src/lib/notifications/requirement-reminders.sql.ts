import { RECIPIENT_IS_ACTIVE } from '@dx/db';

/**
 * SQL of the requirement reminders. Parameters shared by every statement: `$1` the run's
 * date (YYYY-MM-DD in TZ_REPORTS), `$2`/`$3` the batch's bounds on app_user.id
 * (exclusive/inclusive; null = unbounded). Each yields `user_id, event_key, title, body,
 * link`, and the person's `email, full_name` (active people only), for
 * NotificationsService.notifyMany with `yieldsRecipients`.
 */

/**
 * Hours the person earned toward the requirement: the year's ledger, or with a curriculum
 * only that curriculum's course certificates (not revoked) of the year.
 */
export const EARNED_HOURS = `
  CASE WHEN r.curriculum_id IS NULL THEN
    coalesce((SELECT ty.hours FROM training_year ty WHERE ty.user_id = u.id AND ty.year = r.year), 0)
  ELSE
    coalesce((SELECT sum(c.hours) FROM certificate c
                JOIN curriculum_course cc ON cc.course_id = c.course_id AND cc.curriculum_id = r.curriculum_id
               WHERE c.user_id = u.id AND c.kind = 'course' AND c.status <> 'revoked' AND c.year = r.year), 0)
  END`;

/**
 * EARNED_HOURS as a column `earned.hours`, computed once per person: used in WHERE and in
 * the text, the bare expression ran its subquery twice. OFFSET 0 keeps the planner from
 * pulling the subquery up (and duplicating it again).
 */
const EARNED = `CROSS JOIN LATERAL (SELECT ${EARNED_HOURS} AS hours OFFSET 0) earned`;

/** 8.50 → "8,5": Vietnamese decimal comma, no trailing zeros. */
const hoursText = (expr: string) => `replace(trim_scale((${expr})::numeric)::text, '.', ',')`;
const dueText = `to_char(r.due_date, 'DD/MM/YYYY')`;
const daysLeft = `(r.due_date - $1::date)`;
const appliesKey = `'requirement-applies:' || r.id`;
const appliedBefore = `EXISTS (SELECT 1 FROM notification n
   WHERE n.user_id = u.id AND n.event_key = ${appliesKey})`;

/**
 * Leaves out the people who already have the event `eventKey` (an SQL expression over `r`).
 * This anti-join on the (person, event) index runs before anything is built for the row:
 * the announcement statement runs in every batch of every day, and once everyone was told
 * it now costs one index probe per person, where it used to build every row (earned hours,
 * texts) for ON CONFLICT to drop. notifyMany's ON CONFLICT stays the guarantee under races.
 */
const notYetSent = (eventKey: string) => `NOT EXISTS (
  SELECT 1 FROM notification sent WHERE sent.user_id = u.id AND sent.event_key = ${eventKey})`;

/** The people a requirement applies to, in today's tree: subtree, DX role, job title. */
const requirementPeople = (eventKey: string) => `
  FROM requirement r
  JOIN org_unit ru ON ru.id = r.org_unit_id
  JOIN org_unit pu ON pu.path LIKE ru.path || '%'
  JOIN app_user u ON u.org_unit_id = pu.id
  ${EARNED}
 WHERE u.dx_role = ANY (r.dx_roles)
   AND (cardinality(r.job_titles) = 0 OR u.job_title = ANY (r.job_titles))
   AND ${RECIPIENT_IS_ACTIVE('u')}
   AND ($2::uuid IS NULL OR u.id > $2::uuid)
   AND ($3::uuid IS NULL OR u.id <= $3::uuid)
   AND ${notYetSent(eventKey)}`;

/** Where people see their requirements and the courses that count. */
const LINK = `'/my-learning'`;

/** A requirement of this year (not yet due) that now applies: new, or after a transfer. */
export const REQUIREMENT_APPLIES_SQL = `
  SELECT u.id AS user_id, ${appliesKey} AS event_key,
         'Yêu cầu bồi dưỡng năm ' || r.year || ': ' || ${hoursText('r.hours')} || ' giờ trước ngày ' || ${dueText} AS title,
         'Anh/chị cần hoàn thành ' || ${hoursText('r.hours')} || ' giờ bồi dưỡng về chuyển đổi số trong năm '
           || r.year || ', hạn cuối ngày ' || ${dueText} || '. Số giờ đã có: ' || ${hoursText('earned.hours')} || '.' AS body,
         ${LINK} AS link, u.email, u.full_name
  ${requirementPeople(appliesKey)}
   AND r.due_date >= $1::date AND r.year >= extract(year FROM $1::date) - 1`;

/**
 * Reminder stages: `days` before the due date while not met. A stage covers the days
 * down to the next one, so a day the job did not run is caught up the next day; the
 * event key makes each stage once. A reminder follows an announcement made on an
 * earlier run, never the same one (the announcement already says the due date).
 */
export const REMINDER_STAGES = [
  { days: 30, from: 8 },
  { days: 7, from: 2 },
  { days: 1, from: 0 },
] as const;

export function requirementDueSql(stage: (typeof REMINDER_STAGES)[number]): string {
  const key = `'requirement-due-${stage.days}:' || r.id`;
  return `
  SELECT u.id AS user_id, ${key} AS event_key,
         CASE WHEN ${daysLeft} = 0 THEN 'Hôm nay là hạn cuối bồi dưỡng năm ' || r.year
              ELSE 'Còn ' || ${daysLeft} || ' ngày đến hạn bồi dưỡng năm ' || r.year END AS title,
         'Hạn cuối ngày ' || ${dueText} || '. Anh/chị đã có ' || ${hoursText('earned.hours')} || '/'
           || ${hoursText('r.hours')} || ' giờ bồi dưỡng theo yêu cầu.' AS body,
         ${LINK} AS link, u.email, u.full_name
  ${requirementPeople(key)}
   AND ${daysLeft} BETWEEN ${stage.from} AND ${stage.days}
   AND earned.hours < r.hours
   AND ${appliedBefore}`;
}

/** Once when overdue; a requirement overdue for more than 30 days is not announced late. */
const overdueKey = `'requirement-overdue:' || r.id`;
export const REQUIREMENT_OVERDUE_SQL = `
  SELECT u.id AS user_id, ${overdueKey} AS event_key,
         'Đã quá hạn bồi dưỡng năm ' || r.year AS title,
         'Hạn cuối ngày ' || ${dueText} || ' đã qua; anh/chị mới có ' || ${hoursText('earned.hours')} || '/'
           || ${hoursText('r.hours')} || ' giờ. Vui lòng hoàn thành sớm và báo với bộ phận tổ chức cán bộ.' AS body,
         ${LINK} AS link, u.email, u.full_name
  ${requirementPeople(overdueKey)}
   AND ${daysLeft} BETWEEN -30 AND -1
   AND earned.hours < r.hours`;
