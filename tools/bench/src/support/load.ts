import autocannon from 'autocannon';

/** What one load run says about a route. */
export interface LoadResult {
  requests: number;
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts and non-2xx answers: all count as failures. */
  failures: number;
  /** Status code → count, to say what went wrong. */
  statuses: Record<string, number>;
  /**
   * CPU the server process spent per request (user + system), when measured: unlike
   * req/s and latency, it hardly moves when other work shares the machine.
   */
  cpuMsPerRequest?: number;
  /**
   * CPU this process (autocannon, the load generator, on the same cores) spent per request:
   * part of what any route measured this way costs the machine.
   */
  generatorCpuMsPerRequest: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds; ignored when `amount` is given. */
  duration?: number;
  /** Exact number of requests (for routes whose requests are used up, like submits). */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /**
   * Called before each request to set its path, headers and body: how one run rotates
   * through many learners' tokens and attempts. Called at most `amount + connections` times.
   */
  setup?: (request: { path?: string; headers?: Record<string, string>; body?: string }) => void;
}

/**
 * One autocannon run against loopback, summarised; with `serverCpu` (seconds of CPU the
 * server has used so far), also the server's CPU per request.
 */
export async function load(o: LoadOptions, serverCpu?: () => number): Promise<LoadResult> {
  const cpuBefore = serverCpu?.() ?? Number.NaN;
  const ownBefore = process.cpuUsage();
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration ?? 10,
    amount: o.amount,
    method: o.method ?? 'GET',
    headers: o.headers,
    body: o.body,
    timeout: 30,
    // autocannon calls whatever the key holds: leave the hook out rather than undefined.
    requests: [
      {
        ...(o.setup && {
          setupRequest: (req: autocannon.Request) => {
            o.setup?.(req as Parameters<NonNullable<LoadOptions['setup']>>[0]);
            return req;
          },
        }),
      },
    ],
  });
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
  );
  const cpu = ((serverCpu?.() ?? Number.NaN) - cpuBefore) * 1000;
  const own = process.cpuUsage(ownBefore);
  return {
    ...(Number.isFinite(cpu) && { cpuMsPerRequest: cpu / result.requests.total }),
    generatorCpuMsPerRequest: (own.user + own.system) / 1000 / Math.max(1, result.requests.total),
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.errors + result.non2xx,
    statuses,
  };
}

/** "… req/s, p50 …, p99 …" plus server CPU and what failed, for a figure's note. */
export function describe(r: LoadResult): string {
  const failed = r.failures ? `, ${r.failures} failed ${JSON.stringify(r.statuses)}` : '';
  const cpu =
    r.cpuMsPerRequest === undefined
      ? ''
      : `, server CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request`;
  return `${r.requests} requests, ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${cpu}${failed}`;
}
