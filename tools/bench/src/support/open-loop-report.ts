import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoopSample } from './loop-probe.cjs';
import { GOAL_P99_MS } from '../api-figures';
import { OpenLoopResult, sampleOf } from './open-loop';

/** The preload that makes a bench API report its event loop (`-r` it, see loop-probe.cjs). */
export const LOOP_PROBE = join(__dirname, 'loop-probe.cjs');

/** The API's per-second samples written by loop-probe.cjs to `file` so far. */
export function readLoopSamples(file: string): LoopSample[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoopSample);
}

const ms = (n: number | undefined) => (n === undefined ? '—' : Math.round(n).toString());

/**
 * Second by second: requests due, their p99 and max, the generator's lag in sending, and
 * the event-loop delay and GC of the generator and of the API in that second. Whether a
 * p99 is a start-up spike, periodic stalls, or one side's pauses is read off these lines.
 */
export function printTimeline(route: string, open: OpenLoopResult, api: LoopSample[]): void {
  console.log(`\n${route}: second by second (ms; negative seconds: the lead-in, not measured)`);
  console.log(
    '  s   req   p99   max  send-lag | gen loop  gen gc | api loop  api gc  full | in-app p99   max  pool-wait  sockets  pg-conns',
  );
  for (const s of open.timeline) {
    const a = sampleOf(api, open.startedAt + (s.second + 1) * 1000);
    const g = s.generator;
    console.log(
      `${String(s.second).padStart(3)} ${String(s.requests).padStart(5)} ${ms(s.p99).padStart(5)} ` +
        `${ms(s.max).padStart(5)} ${ms(s.sendLagMax).padStart(9)} | ${ms(g?.loopMaxMs).padStart(8)} ` +
        `${ms(g?.gcMs).padStart(7)} | ${ms(a?.loopMaxMs).padStart(8)} ${ms(a?.gcMs).padStart(7)} ${ms(a?.majorGcMs).padStart(5)} | ` +
        `${ms(a?.appP99Ms).padStart(10)} ${ms(a?.appMaxMs).padStart(5)} ${ms(a?.poolWaitMaxMs).padStart(10)} ` +
        `${ms(a?.newSockets).padStart(8)} ${ms(a?.poolConnects).padStart(9)}`,
    );
  }
}

/**
 * One sentence for the figure's note: where the seconds above p99 were, and the worst
 * event-loop delay and GC on each side during the run.
 */
export function summarise(open: OpenLoopResult, api: LoopSample[]): string {
  const measured = open.timeline.filter((s) => s.second >= 0);
  const slow = measured.filter((s) => s.p99 > open.p99);
  const end = open.startedAt + (measured.length + 1) * 1000;
  const during = api.filter((s) => s.at > open.startedAt && s.at <= end);
  const worst = (list: (LoopSample | undefined)[], key: 'loopMaxMs' | 'gcMaxMs') =>
    Math.max(0, ...list.map((s) => s?.[key] ?? 0));
  const gen = measured.map((s) => s.generator);
  // A second over the goal while both processes' loops stalled points at the machine (two
  // independent processes rarely pause at once on their own); the API's loop alone, at the API.
  const over = measured.filter((s) => s.p99 > GOAL_P99_MS);
  const stalled = (s: LoopSample | undefined) => (s?.loopMaxMs ?? 0) > GOAL_P99_MS;
  const apiOf = (second: number) => sampleOf(api, open.startedAt + (second + 1) * 1000);
  const apiOnly = over.filter((s) => stalled(apiOf(s.second)) && !stalled(s.generator)).length;
  const both = over.filter((s) => stalled(apiOf(s.second)) && stalled(s.generator)).length;
  const generatorOnly = over.filter((s) => !stalled(apiOf(s.second)) && stalled(s.generator));
  return (
    `${over.length} of ${measured.length} seconds with p99 over ${GOAL_P99_MS} ms: in ${both} both ` +
    `the API's and the generator's loops stalled > ${GOAL_P99_MS} ms, in ${apiOnly} the API's ` +
    `alone, in ${generatorOnly.length} the generator's alone; ` +
    `seconds with p99 above the run's: ${slow.map((s) => s.second).join(', ') || 'none'}; ` +
    `API loop delay max ${ms(worst(during, 'loopMaxMs'))} ms (longest GC ${ms(worst(during, 'gcMaxMs'))} ms), ` +
    `generator loop delay max ${ms(worst(gen, 'loopMaxMs'))} ms, ` +
    `latest send ${ms(Math.max(0, ...measured.map((s) => s.sendLagMax)))} ms after due`
  );
}

/**
 * Waits until the API's loop is quiet for two seconds in a row (at most `limitSeconds`):
 * right after a closed-loop maximum run, the API still answers the requests the 200
 * connections left queued and collects the heap they built (100–150 ms of GC a second, up
 * to 200 ms of loop delay, measured), and an open loop started at once times that backlog.
 */
export async function settle(probeFile: string, limitSeconds = 5): Promise<void> {
  const quiet = (s: LoopSample) => s.loopMaxMs < 20 && s.gcMs < 10;
  const until = Date.now() + limitSeconds * 1000;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const last = readLoopSamples(probeFile).slice(-2);
    if (last.length === 2 && last.every(quiet)) return;
  }
}
