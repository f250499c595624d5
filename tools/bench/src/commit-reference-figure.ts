import { GOAL_P99_MS } from './api-figures';
import { Figure, figure } from './figures';
import { CommitProbeResult } from './support/commit-probe';
import { OpenLoopResult } from './support/open-loop';
import { percentile } from './support/percentiles';

/**
 * The bare commits offered alongside a write route's open loop (support/commit-probe.ts),
 * as a reference printed next to the route's figure: their p99 over the same measured
 * seconds, which seconds were slow for the route, for the bare commits, or for both, how
 * busy the API's pool was and what its backends waited on. Second by second on the console.
 */
export function commitReferenceFigure(
  route: string,
  open: OpenLoopResult,
  probe: CommitProbeResult,
  apiPoolSize: number,
): Figure {
  const end = open.startedAt + open.seconds * 1000;
  const secondOf = (at: number) => Math.floor((at - open.startedAt) / 1000);
  const inRun = (at: number) => at >= open.startedAt && at < end;
  const commits = probe.commits.filter((c) => inRun(c.due));
  const bare = new Map<number, { ms: number[]; busy: number }>();
  const at = (second: number) => {
    let s = bare.get(second);
    if (!s) bare.set(second, (s = { ms: [], busy: 0 }));
    return s;
  };
  for (const c of commits) at(secondOf(c.due)).ms.push(c.ms);
  const samples = probe.busy.filter((b) => inRun(b.at));
  const waited = new Map<string, number>();
  for (const b of samples) {
    const s = at(secondOf(b.at));
    s.busy = Math.max(s.busy, b.waits.length);
    for (const w of b.waits) waited.set(w, (waited.get(w) ?? 0) + 1);
  }
  const bareP99 = (second: number) => percentile(bare.get(second)?.ms ?? [], 99);
  const routeSeconds = open.timeline.filter((s) => s.second >= 0);
  console.log(`\n${route} and the bare commits alongside, second by second (ms)`);
  console.log('  s  route p99  bare p99  API backends busy (most)');
  for (const s of routeSeconds) {
    const b = bareP99(s.second);
    console.log(
      `${String(s.second).padStart(3)} ${Math.round(s.p99).toString().padStart(10)} ` +
        `${(Number.isNaN(b) ? '—' : Math.round(b).toString()).padStart(9)} ` +
        `${String(bare.get(s.second)?.busy ?? '—').padStart(6)}`,
    );
  }
  // A second without bare commits (NaN) is not a slow one.
  const slow = (p99: number) => p99 > GOAL_P99_MS;
  const routeSlow = routeSeconds.filter((s) => slow(s.p99)).map((s) => s.second);
  const both = routeSlow.filter((s) => slow(bareP99(s)));
  const bareSlow = [...bare.keys()].filter((s) => slow(bareP99(s))).length;
  const p99 = percentile(
    commits.map((c) => c.ms),
    99,
  );
  const fullSamples = samples.filter((b) => b.waits.length >= apiPoolSize).length;
  const totalWaits = [...waited.values()].reduce((a, b) => a + b, 0);
  const waits = [...waited]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([w, n]) => `${w} ${Math.round((100 * n) / totalWaits)}%`)
    .join(', ');
  const busiest = Math.max(0, ...[...bare.values()].map((s) => s.busy));
  return figure(
    `${route}: bare INSERT + durable commit offered at the same rate alongside, p99 (reference)`,
    p99,
    'ms',
    '',
    null,
    `${Math.round(open.rate)} commits/s on a pool of its own during the same ${open.seconds.toFixed(0)} s,` +
      ` ${probe.errors} failed;` +
      ` seconds with p99 over ${GOAL_P99_MS} ms: ${routeSlow.length} for the route, ${bareSlow} for` +
      ` the bare commits, ${both.length} for both (${both.join(', ') || 'none'});` +
      ` API backends busy at once: at most ${busiest} of its pool of ${apiPoolSize}, all of it in` +
      ` ${fullSamples} of ${samples.length} samples (100 ms); what busy API backends` +
      ` waited on: ${waits || 'nothing sampled'}; while it ran (lead-in included) checkpoints` +
      ` started: ${probe.checkpoints}, WAL full-page images: ${probe.walFpi}`,
  );
}
