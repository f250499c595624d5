import { BoundedClient, TimedResponse } from './http-client';
import { percentile } from './percentiles';

export interface OfferedRequest {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  sent: number;
  p50: number;
  p99: number;
  errors: number;
  /** Status code → count of the answers that were not 2xx. */
  statuses: Record<string, number>;
}

/**
 * A constant-arrival load: `rate` requests per second for `seconds`, each sent when it is due
 * whatever the previous ones are doing, and timed from when it was due (so a server that falls
 * behind shows it in the latency instead of slowing the generator: no coordinated omission,
 * unlike a closed loop where p99 ≥ connections ÷ throughput).
 */
export async function offerLoad(
  client: BoundedClient,
  rate: number,
  seconds: number,
  next: (i: number) => OfferedRequest,
): Promise<OpenLoopResult> {
  const total = Math.floor(rate * seconds);
  const spacing = 1000 / rate;
  const t0 = performance.now() + 100;
  const pending: Promise<TimedResponse>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + i * spacing;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const r = next(i);
    pending.push(client.send(r.method, r.path, r.token, r.body, due));
  }
  const answers = await Promise.all(pending);
  const failed = answers.filter((a) => a.status < 200 || a.status >= 300);
  const statuses: Record<string, number> = {};
  for (const a of failed) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const ms = answers.map((a) => a.ms);
  return {
    rate,
    seconds,
    sent: total,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    errors: failed.length,
    statuses,
  };
}
