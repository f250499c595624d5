import type { AddressInfo } from 'node:net';
import { Agent, get } from 'node:http';
import { createTestApp, TestApp } from '../test/test-app';

/** Reused keep-alive connections must not be closed under a client that is about to send. */
describe('keep-alive', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  const health = (agent: Agent) =>
    new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
      const req = get({ host: '127.0.0.1', port, path: '/api/health', agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on('error', reject);
    });

  it("keeps an idle connection open past a learner's pause (Node's default closes it after 5 s)", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await health(agent)).toEqual({ status: 200, reused: false });
      await new Promise((r) => setTimeout(r, 7_000));
      expect(await health(agent)).toEqual({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });
});
