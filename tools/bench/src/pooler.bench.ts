import { PgBouncerTestServer } from '@dx/testing';
import { Client } from 'pg';
import { Figure, figure } from './figures';
import { BenchEnvironment, withEnvironment } from './support/environment';
import { describe, load } from './support/load';
import { failSoft, machineLoad } from './support/section';

const APIS = 8;
const SERVER_CONNECTIONS = 60;
/** Concurrent HTTP connections per API: more than its pool of 20, so every pool fills. */
const CONNECTIONS_PER_API = 30;

/**
 * Issue #19: 8 API processes behind one PgBouncer in transaction mode with 60 server
 * connections, under load on a route that takes a database connection per request
 * (/api/health: SELECT 1 and a Redis ping). Prints the peak server connections PgBouncer
 * opened, the client connections it carried, what PostgreSQL saw for the database (pooled
 * plus each API's direct LISTEN), and whether any request failed.
 */
export async function benchPooler(): Promise<Figure[]> {
  return [
    machineLoad(),
    ...(await failSoft('PgBouncer', () => withEnvironment('pooler', throughPgBouncer))),
  ];
}

async function throughPgBouncer(env: BenchEnvironment): Promise<Figure[]> {
  const direct = env.databaseUrl;
  const database = new URL(direct).pathname.slice(1);
  const bouncer = await PgBouncerTestServer.start({
    serverUrl: direct,
    poolSize: SERVER_CONNECTIONS,
  });
  const admin = new Client({ connectionString: bouncer.adminUrl() });
  try {
    await admin.connect();
    const apis: string[] = [];
    for (let i = 0; i < APIS; i++) {
      apis.push(
        await env.startApi([], {
          DATABASE_URL: bouncer.url(database),
          DATABASE_POOL_MODE: 'transaction',
          DATABASE_DIRECT_URL: direct,
        }),
      );
    }
    const peak = { server: 0, clients: 0, backends: 0 };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const pools = (await admin.query('SHOW POOLS')).rows.filter((r) => r.database === database);
        const sum = (cols: string[]) =>
          pools.reduce((n, r) => n + cols.reduce((m, c) => m + Number(r[c] ?? 0), 0), 0);
        peak.server = Math.max(
          peak.server,
          sum(['sv_active', 'sv_idle', 'sv_used', 'sv_tested', 'sv_login']),
        );
        peak.clients = Math.max(peak.clients, sum(['cl_active', 'cl_waiting']));
        const [{ n }] = await env.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`,
          [database],
        );
        peak.backends = Math.max(peak.backends, n);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const results = await Promise.all(
      apis.map((baseUrl) =>
        load({ url: `${baseUrl}/api/health`, connections: CONNECTIONS_PER_API, duration: 15 }),
      ),
    );
    sampling = false;
    await sampler;
    const requests = results.reduce((n, r) => n + r.requests, 0);
    const failures = results.reduce((n, r) => n + r.failures, 0);
    // A pool that cannot get a server connection answers 500 (or the socket fails); a 503 is
    // /api/health's own probe timing out on a saturated machine: CPU, not connections.
    const connectionFailures = results.reduce(
      (n, r) => n + r.failures - (r.statuses['503'] ?? 0),
      0,
    );
    const rps = results.reduce((n, r) => n + r.rps, 0);
    return [
      figure(
        `Server connections PgBouncer opened for ${APIS} API processes (${APIS * CONNECTIONS_PER_API} HTTP connections)`,
        peak.server,
        'connections',
        `≤ ${SERVER_CONNECTIONS}, no request failed for want of a connection`,
        peak.server <= SERVER_CONNECTIONS && connectionFailures === 0,
        `${peak.clients} client connections at the peak; ${requests} requests, ${Math.round(rps)} req/s in all, ${failures} failed (${connectionFailures} other than health's 503 probe timeout)`,
      ),
      figure(
        'PostgreSQL backends of the database at the peak (pooled + one direct LISTEN per API)',
        peak.backends,
        'connections',
        '',
        null,
        `without the pooler: ${APIS} × (20 pooled + 1 LISTEN) = ${APIS * 21}`,
      ),
      figure(
        'One API process behind PgBouncer (for scale)',
        results[0].rps,
        'req/s',
        '',
        null,
        describe(results[0]),
      ),
    ];
  } finally {
    await admin.end().catch(() => undefined);
    await bouncer.stop();
  }
}
