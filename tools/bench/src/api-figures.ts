import { Figure, figure } from './figures';
import { describe, LoadResult } from './support/load';
import { OpenLoopResult } from './support/open-loop';

/** Connections of every closed-loop run of the API section. */
export const CONNECTIONS = 200;
/** Share of a route's maximum offered in its open-loop run (issue 20). */
export const SHARE = 0.5;
export const GOAL_P99_MS = 50;
/**
 * Seconds offered at the open-loop rate before the measured ones. Measured: right after a
 * closed-loop maximum run, the first one to two seconds of the steady rate had p99 of
 * 0.3–1.6 s with the API collecting the max run's heap (55–143 ms of GC a second) while the
 * later seconds ran at 5–30 ms; that is the bench switching loads, not the route.
 */
export const LEAD_IN_SECONDS = 3;
/**
 * Seconds each route is offered its constant rate: 60 as issue 20 asks.
 * BENCH_OPEN_LOOP_SECONDS=10 gives a short run while working on one figure.
 */
export const OPEN_SECONDS = Number(process.env.BENCH_OPEN_LOOP_SECONDS ?? 60);

export function helloFigures(express: LoadResult, fastify: LoadResult): Figure[] {
  const gain = fastify.rps / express.rps;
  return [
    figure('Hello route, Express (reference)', express.rps, 'req/s', '', null, describe(express)),
    figure('Hello route, Fastify (reference)', fastify.rps, 'req/s', '', null, describe(fastify)),
    figure(
      'Fastify / Express on the hello route',
      gain,
      '×',
      '',
      null,
      gain > 1.5
        ? 'Fastify wins on an empty route, but real routes spend their time in the application: Express kept (docs/adr-http-adapter.md)'
        : 'no material difference on an empty route: Express kept (docs/adr-http-adapter.md)',
    ),
  ];
}

/**
 * p99 of a route at 200 connections: a reference (closed-loop latency is throughput in
 * disguise; the open-loop figures hold the latency goals), failing whenever a request failed.
 */
export function latencyFigure(route: string, r: LoadResult, context?: string): Figure {
  return figure(
    `${route} p99 at ${CONNECTIONS} connections`,
    r.p99,
    'ms',
    '',
    r.failures === 0 ? null : false,
    context ? `${describe(r)}; ${context}` : describe(r),
  );
}

/** A route's req/s against the bare Express hello route of the same run (goal ≥ 0.5×). */
export function helloRatioFigure(name: string, route: LoadResult, hello: LoadResult): Figure {
  const ratio = route.rps / hello.rps;
  return figure(
    `${name} / hello (Express) req/s`,
    ratio,
    '×',
    '≥ 0.5',
    ratio >= 0.5 && route.failures === 0,
  );
}

/** The open-loop p99 against its goal, with the maximum it is half of and `where` it came from. */
export function openLoopFigure(
  route: string,
  max: LoadResult,
  open: OpenLoopResult,
  where: string,
): Figure {
  const full = open.seconds >= OPEN_SECONDS;
  const failed = open.errors ? `, ${open.errors} failed ${JSON.stringify(open.statuses)}` : '';
  return figure(
    `${route}: open-loop p99 at ${SHARE * 100}% of max`,
    open.p99,
    'ms',
    `< ${GOAL_P99_MS} ms, 0 errors, ${OPEN_SECONDS} s`,
    open.p99 < GOAL_P99_MS && open.errors === 0 && full,
    `${Math.round(open.rate)} req/s offered for ${open.seconds.toFixed(0)} s (${open.sent} requests, after ${LEAD_IN_SECONDS} s at that rate not measured), p50 ${Math.round(open.p50)} ms${failed}; max ${Math.round(max.rps)} req/s; ${where}`,
  );
}
