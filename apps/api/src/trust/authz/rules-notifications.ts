import { NotificationsService } from '@dx/db';
import { randomUUID } from 'node:crypto';
import { callerUser } from '../support/world';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

/** A notification of the caller's own (anonymous callers are refused before it matters). */
async function ownNotification(c: CheckContext): Promise<string> {
  const user = callerUser(c.w, c.caller === 'anonymous' ? 'learner' : c.caller);
  const eventKey = `trust:${randomUUID()}`;
  await c.w.t.db.transaction((tx) =>
    new NotificationsService().notify(tx, user.id, {
      type: 'report-ready',
      eventKey,
      title: 'Báo cáo đã sẵn sàng',
      body: 'Báo cáo độ phủ bồi dưỡng đã được lập.',
    }),
  );
  const [{ id }] = await c.w.t.db.query(
    `SELECT id FROM notification WHERE user_id = $1 AND event_key = $2`,
    [user.id, eventKey],
  );
  return id;
}

/** The inbox (one's own only), mail preferences and the sent-log HR reads. */
export const NOTIFICATION_RULES: RuleTable = {
  'GET /api/me/notifications': { unscoped: true, ...everyone(200) },
  'GET /api/me/notifications/unread-count': { unscoped: true, ...everyone(200) },
  'POST /api/me/notifications/read-all': { unscoped: true, ...everyone(204) },
  'POST /api/me/notifications/{id}/read': {
    unscoped: true,
    ...everyone(204),
    request: async (c) => ({ params: { id: await ownNotification(c) } }),
  },
  'GET /api/me/notification-preferences': { unscoped: true, ...everyone(200) },
  'PUT /api/me/notification-preferences': {
    unscoped: true,
    ...everyone(200),
    request: () => ({ body: { items: [{ type: 'requirement-due', mail: true }] } }),
  },
  // What was sent to the side's learner: hr of their scope and sysadmins read it.
  'GET /api/users/{id}/notifications': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.learner.id } }),
  },
};
