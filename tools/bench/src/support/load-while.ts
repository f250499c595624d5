import { BoundedClient, TimedResponse } from './http-client';
import { offerLoad, OfferedRequest } from './open-loop';
import { percentile } from './percentiles';

/** A client that keeps every answer it was given, to read percentiles over several runs. */
class RecordingClient extends BoundedClient {
  readonly answers: TimedResponse[] = [];

  override async send(...args: Parameters<BoundedClient['send']>): Promise<TimedResponse> {
    const answer = await super.send(...args);
    this.answers.push(answer);
    return answer;
  }
}

export interface LoadWhileResult {
  sent: number;
  seconds: number;
  p50: number;
  p99: number;
  errors: number;
}

/** One-second rounds of offerLoad: a round starts only while `running()` says so. */
const ROUND_SECONDS = 1;

/**
 * The same request offered at a constant `rate` (open loop: offerLoad's rounds, one second
 * each, timed from when each request was due) for as long as `running()` is true, at
 * least one round: for a route's latency while something else (a worker job) is under
 * way, whose length is not known beforehand. Percentiles are over every answer.
 */
export async function offerLoadWhile(
  baseUrl: string,
  rate: number,
  running: () => boolean,
  next: (i: number) => OfferedRequest,
): Promise<LoadWhileResult> {
  const client = new RecordingClient(baseUrl, 64);
  const start = performance.now();
  let offered = 0;
  try {
    do {
      const base = offered;
      const round = await offerLoad(client, rate, ROUND_SECONDS, (i) => next(base + i));
      offered += round.sent;
    } while (running());
  } finally {
    client.close();
  }
  const ms = client.answers.map((a) => a.ms);
  return {
    sent: client.answers.length,
    seconds: (performance.now() - start) / 1000,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    errors: client.answers.filter((a) => a.status < 200 || a.status >= 300).length,
  };
}
