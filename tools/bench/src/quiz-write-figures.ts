import { Figure, figure } from './figures';
import { DatabaseCost } from './support/database-cost';
import { BareWrites } from './support/database-limit';
import { LoadResult } from './support/load';

/** The machine's cores: what CPU per request turns into a ceiling of requests per second. */
const CORES = 2;

/**
 * A quiz write route against the bare write it must at least do (issue 20: ≥ 0.5×), and
 * where the rest goes, per request, in figures that hardly move with the machine's load:
 * the API's CPU and the database backends' CPU; and the rate those CPU costs
 * alone allow on this machine's cores, for the route and for the bare loop.
 */
export function quizWriteFigures(
  route: string,
  measured: LoadResult,
  db: DatabaseCost,
  bareName: string,
  bare: BareWrites,
  /** The route's SQL per request, from its code (counts from pg_stat_database arrive late). */
  sql: string,
  /** The bare Express hello route of the same run, under the same generator. */
  hello: LoadResult,
): Figure[] {
  const ratio = measured.rps / bare.rate;
  const apiMs = measured.cpuMsPerRequest ?? Number.NaN;
  const dbMs = db.cpuSeconds === null ? Number.NaN : (db.cpuSeconds * 1000) / measured.requests;
  const bareDbMs = bare.dbCpuMsPerWrite ?? Number.NaN;
  const ceiling = (CORES * 1000) / (apiMs + dbMs);
  const bareCeiling = (CORES * 1000) / (bareDbMs + bare.clientCpuMsPerWrite);
  const ms = (n: number) => n.toFixed(2);
  // The cheapest route that could do this write: an empty Express route (its CPU and the load
  // generator's per request, measured) plus the bare write's database and client CPU.
  const helloMs = (hello.cpuMsPerRequest ?? Number.NaN) + hello.generatorCpuMsPerRequest;
  const floorMs = helloMs + bareDbMs + bare.clientCpuMsPerWrite;
  const floorRate = (CORES * 1000) / floorMs;
  const floorRatio = floorRate / bare.rate;
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
      `API ${ms(apiMs)} ms + database backends ${ms(dbMs)} ms per request (its SQL: ${sql}; ` +
        `plus the sign-in's status check, 2 reads, for a learner not seen in the last 30 s, ` +
        `as in most requests of these runs); the bare loop: database ${ms(bareDbMs)} ms + ` +
        `pg client ${ms(bare.clientCpuMsPerWrite)} ms per write. On ${CORES} cores that CPU alone ` +
        `caps the route at ${Math.round(ceiling)} req/s and the bare loop at ` +
        `${Math.round(bareCeiling)} writes/s: ${(ceiling / bareCeiling).toFixed(2)}× before any wait`,
    ),
    figure(
      `${route}: the most an HTTP route doing only the bare write could reach here (reference)`,
      floorRatio,
      '×',
      '',
      null,
      `the bare Express hello route (API ${ms(hello.cpuMsPerRequest ?? Number.NaN)} ms + load ` +
        `generator ${ms(hello.generatorCpuMsPerRequest)} ms of CPU per request, this run) plus ` +
        `the bare write (database ${ms(bareDbMs)} + client ${ms(bare.clientCpuMsPerWrite)} ms), ` +
        `with no sign-in check, no read, no validation: ${ms(floorMs)} ms, so at most ` +
        `${Math.round(floorRate)} req/s on ${CORES} cores against ${Math.round(bare.rate)} ` +
        `writes/s measured for the bare loop` +
        (floorRatio < 0.5
          ? `; below 0.5×, so no route measured this way can meet the goal on this machine`
          : `; the goal is within reach of an ideal route here`),
    ),
  ];
}
