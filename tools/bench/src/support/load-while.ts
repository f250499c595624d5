import { offerLoad, OfferedRequest } from './open-loop';
import { percentile } from './percentiles';

export interface LoadWhileResult {
  sent: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

/**
 * Rounds of offerLoad (its generator thread starts in a fraction of a second): a round
 * starts only while `running()` says so, so the load stops within this much of the end.
 */
const ROUND_SECONDS = 2;

/**
 * The same request offered at a constant `rate` (open loop, timed from when each request
 * was due) for as long as `running()` is true, at least one round: a route's latency while
 * something else (a worker job) is under way, whose length is not known beforehand.
 * Percentiles are over every request of every round.
 */
export async function offerLoadWhile(
  baseUrl: string,
  rate: number,
  running: () => boolean,
  next: (i: number) => OfferedRequest,
): Promise<LoadWhileResult> {
  const start = performance.now();
  const latencies: number[] = [];
  let errors = 0;
  let offered = 0;
  do {
    const base = offered;
    const requests = Array.from({ length: Math.ceil(rate * ROUND_SECONDS) }, (_, i) =>
      next(base + i),
    );
    const round = await offerLoad(baseUrl, rate, ROUND_SECONDS, requests);
    offered += round.offered;
    latencies.push(...round.latencies);
    errors += round.errors;
  } while (running());
  return {
    sent: latencies.length,
    seconds: (performance.now() - start) / 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors,
  };
}
