import { PostgresReplicaPair } from '@dx/testing';
import { Figure, figure, round } from './figures';
import { BenchEnvironment } from './support/environment';
import { percentile } from './support/percentiles';
import { failSoft, machineLoad } from './support/section';
import { seedBenchData } from './support/seed';
import { login } from './support/tokens';

/** People in the tree: enough that the page of 50 with its total is real work. */
const PEOPLE = 20_000;
/** Reads per side after the warm-up; their median is the figure. */
const READS = 15;

/**
 * Issue #19: the "not yet trained" people page of the whole tree (50 rows and the total,
 * what HR opens), read through an API whose DATABASE_REPLICA_URL is a real streaming standby
 * (pg_basebackup, Debian's PostgreSQL, as the HA specs make it) and through an API on the
 * primary alone, in the same run on the same data; with the replica's replay lag when read
 * and the X-Read-Source header that says who answered. On one machine the two servers share
 * the same 2 cores, so the figure shows the replica serves the read at about the primary's
 * cost, not a speed-up: the gain in production is the primary's CPU left to the writes.
 */
export async function benchReplica(): Promise<Figure[]> {
  return [machineLoad(), ...(await failSoft('Read replica', onReplicaPair))];
}

async function onReplicaPair(): Promise<Figure[]> {
  const pair = await PostgresReplicaPair.start('dx_bench_replica');
  const env = BenchEnvironment.attach(pair.primaryUrl);
  try {
    // The first API migrates the primary; the schema reaches the replica by streaming.
    const withReplica = await env.startApi([], {
      DATABASE_REPLICA_URL: pair.replicaUrl,
      DATABASE_REPLICA_MAX_LAG_SECONDS: '30',
      DATABASE_REPLICA_WAIT_MS: '5000',
    });
    const primaryOnly = await env.startApi();
    const data = await seedBenchData(env.pg, PEOPLE);
    await env.query(
      `INSERT INTO app_user (username, password_hash, full_name, org_unit_id, dx_role, roles)
       SELECT 'hr.bench', password_hash, 'Cán bộ tổ chức', $1, 'none', '{learner,hr}'
         FROM app_user WHERE username = 'hv00001'`,
      [data.rootUnitId],
    );
    await env.query('ANALYZE');
    await pair.waitForCatchUp();
    const lag = await replicaLag(pair);
    const path = `/api/reports/people?orgUnitId=${data.rootUnitId}&status=untrained&pageSize=50`;
    const replica = await timedReads(withReplica, path);
    const primary = await timedReads(primaryOnly, path);
    const onReplica = replica.sources.filter((s) => s === 'replica').length;
    return [
      figure(
        `"Not yet trained" page of 50 with its total, ${PEOPLE.toLocaleString('en')} people, read on the replica`,
        replica.median,
        'ms',
        `${READS} of ${READS} answered by the replica`,
        onReplica === READS,
        `median of ${READS}, p90 ${Math.round(replica.p90)} ms; X-Read-Source replica ${onReplica} of ${READS}; ${replica.total} people counted`,
      ),
      figure(
        'Same page read on the primary (API without a replica), same run',
        primary.median,
        'ms',
        '',
        null,
        `median of ${READS}, p90 ${Math.round(primary.p90)} ms; replica / primary ${round(replica.median / primary.median)} ×`,
      ),
      figure(
        'Replica replay lag when the reads started',
        lag.ms,
        'ms',
        `< ${30_000} ms (DATABASE_REPLICA_MAX_LAG_SECONDS)`,
        lag.ms < 30_000,
        `${lag.bytes} bytes of WAL not yet replayed`,
      ),
    ];
  } finally {
    await env.close();
    pair.destroy();
  }
}

async function replicaLag(pair: PostgresReplicaPair): Promise<{ ms: number; bytes: number }> {
  const [row] = await pair.primary.query<{ bytes: string | null; ms: number | null }>(
    `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint::text AS bytes,
            (extract(epoch FROM coalesce(replay_lag, interval '0')) * 1000)::float8 AS ms
       FROM pg_stat_replication LIMIT 1`,
  );
  return { ms: Number(row?.ms ?? Number.NaN), bytes: Number(row?.bytes ?? Number.NaN) };
}

async function timedReads(
  baseUrl: string,
  path: string,
): Promise<{ median: number; p90: number; sources: string[]; total: number }> {
  const token = await login(baseUrl, 'hr.bench');
  const read = async () => {
    const started = performance.now();
    const res = await fetch(`${baseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { total?: number };
    if (res.status !== 200)
      throw new Error(`people page: HTTP ${res.status} ${JSON.stringify(body)}`);
    return {
      ms: performance.now() - started,
      source: res.headers.get('x-read-source') ?? '',
      total: body.total ?? 0,
    };
  };
  for (let i = 0; i < 3; i++) await read(); // warm-up: plans, caches, connections
  const runs = [];
  for (let i = 0; i < READS; i++) runs.push(await read());
  const times = runs.map((r) => r.ms);
  return {
    median: percentile(times, 50),
    p90: percentile(times, 90),
    sources: runs.map((r) => r.source),
    total: runs[0].total,
  };
}
