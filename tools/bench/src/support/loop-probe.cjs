// Event-loop delay and GC pauses, second by second: where an open-loop p99 comes from.
//
// Two uses. The bench requires it and calls startLoopProbe() to watch its own loop (the load
// generator). And the bench starts the API with `-r <this file>` and DX_BENCH_LOOP_PROBE=<file>:
// the API then appends one JSON line per second to that file. Plain CommonJS because the
// built API runs without a TypeScript loader; nothing in apps/ refers to it, so it cannot
// reach production.
'use strict';
const { appendFileSync } = require('node:fs');
const {
  constants,
  createHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
  performance,
} = require('node:perf_hooks');

/**
 * Starts sampling; every second (and on stop) one sample:
 * { at: epoch ms, loopMaxMs, loopP99Ms, gcMs, gcMaxMs, gcCount, majorGcMs } for the second
 * before `at`.
 */
function startLoopProbe(onSample) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  let gcCount = 0;
  // Full (mark-compact) collections apart: their pauses, and the concurrent marking that
  // comes with them on the same 2 cores, are what a periodic slow second would line up with.
  let majorGcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      gcMaxMs = Math.max(gcMaxMs, e.duration);
      gcCount++;
      if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcMs += e.duration;
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
      majorGcMs,
    };
    delay.reset();
    gcMs = gcMaxMs = gcCount = majorGcMs = 0;
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

/**
 * Inside the API: how long each request spent between Node handing it to the app and its
 * answer leaving (so a slow second seen by the generator is either the app's time or time
 * spent before the app saw the request: accept queue, parsing, a busy loop), how many
 * connections were opened, and the longest wait for a database connection from the pool.
 * Returns take(): the figures of the second since the last call, then starts the next.
 */
function watchRequests() {
  const http = require('node:http');
  let inApp = createHistogram();
  let sockets = 0;
  let poolWaitMaxMs = 0;
  let poolConnects = 0;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === 'request') {
      const t0 = performance.now();
      const hist = inApp;
      args[1].once('finish', () =>
        hist.record(Math.max(1, Math.round((performance.now() - t0) * 1000))),
      );
    } else if (event === 'connection') sockets++;
    return emit.call(this, event, ...args);
  };
  // The API's pg (the same module instance: both resolve the workspace's node_modules).
  try {
    const { Pool } = require('pg');
    const connect = Pool.prototype.connect;
    Pool.prototype.connect = function (cb) {
      const t0 = performance.now();
      const done = () => (poolWaitMaxMs = Math.max(poolWaitMaxMs, performance.now() - t0));
      if (!this.__dxProbe) {
        this.__dxProbe = true;
        this.on('connect', () => poolConnects++);
      }
      if (typeof cb === 'function')
        return connect.call(this, (err, client, release) => {
          done();
          cb(err, client, release);
        });
      return connect.call(this).then((client) => {
        done();
        return client;
      });
    };
  } catch {
    // No pg next to this file: the request figures alone.
  }
  return () => {
    const s = {
      appRequests: inApp.count,
      appP99Ms: inApp.count ? inApp.percentile(99) / 1000 : 0,
      appMaxMs: inApp.count ? inApp.max / 1000 : 0,
      newSockets: sockets,
      poolWaitMaxMs,
      poolConnects,
    };
    inApp = createHistogram();
    sockets = poolConnects = poolWaitMaxMs = 0;
    return s;
  };
}

module.exports = { startLoopProbe };

const file = process.env.DX_BENCH_LOOP_PROBE;
if (file) {
  const requests = watchRequests();
  startLoopProbe((s) => appendFileSync(file, `${JSON.stringify({ ...s, ...requests() })}\n`));
}
