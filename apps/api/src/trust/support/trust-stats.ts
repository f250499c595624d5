import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The three parts of the trust suite, in the order the summary line names them. */
export const TRUST_PARTS = ['authz', 'fuzz', 'faults'] as const;
export type TrustPart = (typeof TRUST_PARTS)[number];

export interface TrustCounts {
  /** Checks (authz), requests (fuzz) or scenarios (faults) tried. */
  tried: number;
  /** Of those, how many did not behave as expected. */
  failures: number;
}

/**
 * Counts of one spec file, written to the run's DX_TRUST_STATS_DIR (made by the API's
 * jest globalSetup) for the summary line the globalTeardown prints. One file per call:
 * spec files run in parallel workers and never share a file.
 */
export function recordTrustCounts(part: TrustPart, counts: TrustCounts): void {
  const dir = process.env.DX_TRUST_STATS_DIR;
  if (!dir) return;
  const name = `${part}-${process.pid}-${randomBytes(4).toString('hex')}.json`;
  writeFileSync(join(dir, name), JSON.stringify({ part, ...counts }));
}

/** A counter a spec increments as it goes and writes once at the end (afterAll). */
export class TrustCounter implements TrustCounts {
  tried = 0;
  failures = 0;

  constructor(private readonly part: TrustPart) {}

  /** Counts one try; returns `ok` so callers can write `counter.count(ok)`. */
  count(ok: boolean, n = 1): boolean {
    this.tried += n;
    if (!ok) this.failures += 1;
    return ok;
  }

  flush(): void {
    if (this.tried === 0) return;
    recordTrustCounts(this.part, { tried: this.tried, failures: this.failures });
    this.tried = 0;
    this.failures = 0;
  }
}

const NOUNS: Record<TrustPart, [one: string, many: string]> = {
  authz: ['check', 'checks'],
  fuzz: ['request', 'requests'],
  faults: ['scenario', 'scenarios'],
};

/**
 * `trust suite — authz: 412 checks, fuzz: 1,830 requests, faults: 6 scenarios — 0 failures`,
 * or null when no trust spec ran (a single other spec file was run).
 */
export function trustSummary(dir: string): string | null {
  const totals = new Map<TrustPart, TrustCounts>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const { part, tried, failures } = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const sum = totals.get(part) ?? { tried: 0, failures: 0 };
    totals.set(part, { tried: sum.tried + tried, failures: sum.failures + failures });
  }
  if (totals.size === 0) return null;
  const fmt = (n: number) => n.toLocaleString('en-US');
  const parts = TRUST_PARTS.filter((p) => totals.has(p)).map((p) => {
    const n = totals.get(p)?.tried ?? 0;
    return `${p}: ${fmt(n)} ${NOUNS[p][n === 1 ? 0 : 1]}`;
  });
  const failures = [...totals.values()].reduce((n, c) => n + c.failures, 0);
  return `trust suite — ${parts.join(', ')} — ${fmt(failures)} failure${failures === 1 ? '' : 's'}`;
}
