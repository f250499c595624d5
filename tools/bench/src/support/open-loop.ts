import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoopSample } from './loop-probe.cjs';
import { percentile } from './percentiles';

export interface OfferedRequest {
  method: 'GET' | 'POST';
  path: string;
  token: string;
  body?: unknown;
}

/** One second of an open-loop run, by when its requests were due. */
export interface OpenLoopSecond {
  /** Seconds from the first measured request's due time (negative: the lead-in). */
  second: number;
  requests: number;
  p99: number;
  max: number;
  /** Latest a request of this second left after it was due (the generator's own lag), ms. */
  sendLagMax: number;
  /** The generator's event loop in that second (see loop-probe.cjs). */
  generator?: LoopSample;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  /** Requests of the measured seconds. */
  sent: number;
  /** All requests offered, lead-in included (e.g. quiz attempts used up). */
  offered: number;
  p50: number;
  p99: number;
  errors: number;
  /** Status code → count of the answers that were not 2xx. */
  statuses: Record<string, number>;
  /** Epoch ms of the first measured request's due time, to line up the API's samples. */
  startedAt: number;
  timeline: OpenLoopSecond[];
  /** Each measured request's latency from when it was due, ms (to pool several runs). */
  latencies: number[];
}

interface Timed {
  due: number;
  lag: number;
  ms: number;
  status: number;
}

/** What the generator thread is given (open-loop.worker.ts). */
export interface GeneratorJob {
  baseUrl: string;
  rate: number;
  seconds: number;
  requests: OfferedRequest[];
}

/** What it answers: per request [due, lag, ms, status] packed, and its own loop samples. */
export interface GeneratorReport {
  startedAt: number;
  timed: Float64Array;
  generator: LoopSample[];
}

/**
 * A constant-arrival load: `rate` requests per second for `seconds` (at most
 * `requests.length`), each sent when it is due whatever the previous ones are doing, and
 * timed from when it was due (so a server that falls behind shows it in the latency instead
 * of slowing the generator: no coordinated omission, unlike a closed loop where
 * p99 ≥ connections ÷ throughput). The sending runs in a worker thread; second by second it
 * also keeps how late the generator itself sent and its own event-loop delay and GC, so a
 * stall of the generator shows there, not as the server's latency.
 *
 * The first `leadInSeconds` are offered at the same rate but left out of the percentiles
 * (their errors still count, and the timeline shows them as negative seconds): the switch
 * from a closed-loop maximum run to a steady rate is not the steady rate. The requests are
 * `requests`, lead-in first.
 */
export async function offerLoad(
  baseUrl: string,
  rate: number,
  seconds: number,
  requests: OfferedRequest[],
  leadInSeconds = 0,
): Promise<OpenLoopResult> {
  const job: GeneratorJob = { baseUrl, rate, seconds: leadInSeconds + seconds, requests };
  const report = await new Promise<GeneratorReport>((resolve, reject) => {
    // Through require, so the thread loads TypeScript the way this process does.
    const worker = new Worker(
      `require(${JSON.stringify(join(__dirname, 'open-loop.worker.ts'))})`,
      {
        eval: true,
        workerData: job,
      },
    );
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`open-loop generator exited (${code})`)));
  });
  const leadInMs = leadInSeconds * 1000;
  const answers: Timed[] = [];
  for (let i = 0; i < report.timed.length; i += 4) {
    const [due, lag, ms, status] = report.timed.subarray(i, i + 4);
    answers.push({ due: due - leadInMs, lag, ms, status });
  }
  const measured = answers.filter((a) => a.due >= 0);
  const failed = answers.filter((a) => a.status < 200 || a.status >= 300);
  const statuses: Record<string, number> = {};
  for (const a of failed) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const ms = measured.map((a) => a.ms);
  const startedAt = report.startedAt + leadInMs;
  return {
    rate,
    // Up to two requests are lost to rounding where the lead-in and the run end: still full.
    seconds: Math.min(seconds, (measured.length + 2) / rate),
    sent: measured.length,
    offered: answers.length,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    errors: failed.length,
    statuses,
    startedAt,
    timeline: bySecond(answers, startedAt, report.generator),
    latencies: ms,
  };
}

function bySecond(answers: Timed[], startedAt: number, generator: LoopSample[]): OpenLoopSecond[] {
  const seconds = new Map<number, Timed[]>();
  for (const a of answers) {
    const second = Math.floor(a.due / 1000);
    let list = seconds.get(second);
    if (!list) seconds.set(second, (list = []));
    list.push(a);
  }
  return [...seconds].map(([second, list]) => {
    const ms = list.map((a) => a.ms);
    return {
      second,
      requests: list.length,
      p99: list.length ? percentile(ms, 99) : 0,
      max: Math.max(0, ...ms),
      sendLagMax: Math.max(0, ...list.map((a) => a.lag)),
      generator: sampleOf(generator, startedAt + (second + 1) * 1000),
    };
  });
}

/** The sample of `samples` whose second ends nearest `at` (samples are ~1 s apart). */
export function sampleOf(samples: LoopSample[], at: number): LoopSample | undefined {
  let best: LoopSample | undefined;
  for (const s of samples) if (!best || Math.abs(s.at - at) < Math.abs(best.at - at)) best = s;
  return best && Math.abs(best.at - at) <= 600 ? best : undefined;
}
