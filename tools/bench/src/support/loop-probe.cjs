// Event-loop delay and GC pauses, second by second: where an open-loop p99 comes from.
//
// Two uses. The bench requires it and calls startLoopProbe() to watch its own loop (the load
// generator). And the bench starts the API with `-r <this file>` and DX_BENCH_LOOP_PROBE=<file>:
// the API then appends one JSON line per second to that file. Plain CommonJS because the
// built API runs without a TypeScript loader; nothing in apps/ refers to it, so it cannot
// reach production.
'use strict';
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay, PerformanceObserver, performance } = require('node:perf_hooks');

/**
 * Starts sampling; every second (and on stop) one sample:
 * { at: epoch ms, loopMaxMs, loopP99Ms, gcMs, gcMaxMs, gcCount } for the second before `at`.
 */
function startLoopProbe(onSample) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  let gcCount = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcMaxMs = Math.max(gcMaxMs, e.duration);
      gcCount++;
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  const samples = [];
  const take = () => {
    const s = {
      at: performance.timeOrigin + performance.now(),
      loopMaxMs: delay.count ? delay.max / 1e6 : 0,
      loopP99Ms: delay.count ? delay.percentile(99) / 1e6 : 0,
      gcMs,
      gcMaxMs,
      gcCount,
    };
    delay.reset();
    gcMs = gcMaxMs = gcCount = 0;
    samples.push(s);
    if (onSample) onSample(s);
  };
  const timer = setInterval(take, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      take();
      delay.disable();
      gc.disconnect();
      return samples;
    },
  };
}

module.exports = { startLoopProbe };

const file = process.env.DX_BENCH_LOOP_PROBE;
if (file) startLoopProbe((s) => appendFileSync(file, `${JSON.stringify(s)}\n`));
