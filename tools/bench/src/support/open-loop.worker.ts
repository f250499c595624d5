import { parentPort, workerData } from 'node:worker_threads';
import { BoundedClient } from './http-client';
import { startLoopProbe } from './loop-probe.cjs';
import type { GeneratorJob, GeneratorReport } from './open-loop';

/**
 * The open-loop generator's thread. It has an event loop and a heap of its own: the bench's
 * main thread holds seeds, tokens and the closed-loop run's results, and its garbage
 * collections stalled the sending (up to 155 ms in one second right after the max run).
 */
async function generate({
  baseUrl,
  rate,
  seconds,
  requests,
}: GeneratorJob): Promise<GeneratorReport> {
  const client = new BoundedClient(baseUrl, 256);
  const total = Math.min(requests.length, Math.floor(rate * seconds));
  const spacing = 1000 / rate;
  const probe = startLoopProbe();
  const t0 = performance.now() + 100;
  // Per request: due (ms from t0), send lag, latency, status. Numbers only: keeping the
  // answer bodies until the end made garbage collection part of what was measured.
  const timed = new Float64Array(total * 4);
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + i * spacing;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const r = requests[i];
    timed[4 * i] = due - t0;
    timed[4 * i + 1] = performance.now() - due;
    pending.push(
      client.send(r.method, r.path, r.token, r.body, due).then((a) => {
        timed[4 * i + 2] = a.ms;
        timed[4 * i + 3] = a.status;
      }),
    );
  }
  await Promise.all(pending);
  client.close();
  return { startedAt: performance.timeOrigin + t0, timed, generator: probe.stop() };
}

generate(workerData as GeneratorJob).then((report) =>
  parentPort?.postMessage(report, [report.timed.buffer as ArrayBuffer]),
);
