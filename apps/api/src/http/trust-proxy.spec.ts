import { randomSuffix } from '@dx/db/testing';
import { createTestApp, TestApp } from '../test/test-app';

// The client address the throttles and the audit log see, behind one or two proxies. The
// request reaches the API from 127.0.0.1 (a proxy on the same host) carrying the chain a
// second proxy on a private network (10.0.0.5) passed on for the client 203.0.113.9.
const CHAIN = '203.0.113.9, 10.0.0.5';

async function auditedAddress(t: TestApp, forwardedFor: string): Promise<string> {
  const tree = await t.make.twoProvinces();
  const admin = await t.make.user(tree.root, { roles: ['sysadmin'] });
  const token = await t.tokenFor(admin.username);
  const created = await t.http
    .post('/api/users')
    .set('Authorization', token)
    .set('X-Forwarded-For', forwardedFor)
    .send({
      username: `dc.${randomSuffix()}`,
      password: 'Mot-mat-khau-dai-1',
      fullName: 'Lê Thị Địa Chỉ',
      orgUnitId: tree.a1.id,
      dxRole: 'full_time',
    })
    .expect(201);
  const [row] = await t.db.query(
    `SELECT ip FROM audit_log WHERE action = 'user.created' AND target_id = $1`,
    [created.body.id],
  );
  return row.ip;
}

describe('TRUST_PROXY: whose X-Forwarded-For is believed', () => {
  it('by default believes only a proxy on the same host: the private hop is the client', async () => {
    const t = await createTestApp();
    try {
      expect(await auditedAddress(t, CHAIN)).toBe('10.0.0.5');
    } finally {
      await t.close();
    }
  });

  it('with the private network named (as the Ingress and compose set it), sees the real client', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'loopback, uniquelocal' });
    try {
      expect(await auditedAddress(t, CHAIN)).toBe('203.0.113.9');
    } finally {
      await t.close();
    }
  });
});
