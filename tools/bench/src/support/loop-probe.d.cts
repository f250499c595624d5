/** One second of a process's event loop (see loop-probe.cjs). */
export interface LoopSample {
  /** Epoch milliseconds at the end of the second sampled. */
  at: number;
  loopMaxMs: number;
  loopP99Ms: number;
  gcMs: number;
  gcMaxMs: number;
  gcCount: number;
  /** Of gcMs, the full (mark-compact) collections. */
  majorGcMs?: number;
  /** The API only (watchRequests): requests answered in that second, time inside the app. */
  appRequests?: number;
  appP99Ms?: number;
  appMaxMs?: number;
  /** Connections accepted, pool connections opened, longest wait for a pooled connection. */
  newSockets?: number;
  poolConnects?: number;
  poolWaitMaxMs?: number;
}

export function startLoopProbe(onSample?: (s: LoopSample) => void): { stop(): LoopSample[] };
