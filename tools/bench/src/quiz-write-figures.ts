import { Figure, figure } from './figures';
import { DatabaseCost } from './support/database-cost';
import { BareWrites } from './support/database-limit';
import { LoadResult } from './support/load';

/** The machine's cores: what CPU per request turns into a ceiling of requests per second. */
const CORES = 2;

/**
 * A quiz write route against the bare write it must at least do (issue 20: ≥ 0.5×), and
 * where the rest goes, per request, in figures that hardly move with the machine's load:
 * the API's CPU, the database backends' CPU, the transactions; and the rate those CPU costs
 * alone allow on this machine's cores, for the route and for the bare loop.
 */
export function quizWriteFigures(
  route: string,
  measured: LoadResult,
  db: DatabaseCost,
  bareName: string,
  bare: BareWrites,
): Figure[] {
  const ratio = measured.rps / bare.rate;
  const apiMs = measured.cpuMsPerRequest ?? Number.NaN;
  const dbMs = db.cpuSeconds === null ? Number.NaN : (db.cpuSeconds * 1000) / measured.requests;
  const bareDbMs = bare.dbCpuMsPerWrite ?? Number.NaN;
  const ceiling = (CORES * 1000) / (apiMs + dbMs);
  const bareCeiling = (CORES * 1000) / (bareDbMs + bare.clientCpuMsPerWrite);
  const ms = (n: number) => n.toFixed(2);
  return [
    figure(
      `${route} / ${bareName}`,
      ratio,
      '×',
      '≥ 0.5',
      ratio >= 0.5 && measured.failures === 0,
      `${Math.round(measured.rps)} req/s against ${Math.round(bare.rate)} writes/s`,
    ),
    figure(
      `${route}: CPU per request, API + database (where the rest goes)`,
      apiMs + dbMs,
      'ms',
      '',
      null,
      `API ${ms(apiMs)} ms + database backends ${ms(dbMs)} ms in at least ` +
        `${(db.transactions / measured.requests).toFixed(2)} transactions per request; the bare ` +
        `loop: database ${ms(bareDbMs)} ms + pg client ${ms(bare.clientCpuMsPerWrite)} ms in at ` +
        `least ${bare.transactionsPerWrite.toFixed(2)} (PostgreSQL publishes the counts up to ` +
        `10 s late: lower bounds; the bare loop does exactly 1). On ${CORES} cores that CPU alone ` +
        `caps the route at ${Math.round(ceiling)} req/s and the bare loop at ` +
        `${Math.round(bareCeiling)} writes/s: ${(ceiling / bareCeiling).toFixed(2)}× before any wait`,
    ),
  ];
}
