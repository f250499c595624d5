/** One second of a process's event loop (see loop-probe.cjs). */
export interface LoopSample {
  /** Epoch milliseconds at the end of the second sampled. */
  at: number;
  loopMaxMs: number;
  loopP99Ms: number;
  gcMs: number;
  gcMaxMs: number;
  gcCount: number;
}

export function startLoopProbe(onSample?: (s: LoopSample) => void): { stop(): LoopSample[] };
