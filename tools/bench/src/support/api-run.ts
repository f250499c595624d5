import { join } from 'node:path';
import { Figure } from '../figures';
import { LEAD_IN_SECONDS, openLoopFigure } from '../api-figures';
import { BenchEnvironment } from './environment';
import { LoadResult } from './load';
import { offerLoad, OfferedRequest, OpenLoopResult } from './open-loop';
import { LOOP_PROBE, printTimeline, readLoopSamples, summarise } from './open-loop-report';
import { BenchData, enrolAll, seedBenchData, seedCourse, SeededCourse } from './seed';
import { mintTokens } from './tokens';

/** Extra final quizzes, so open-loop starts have learner × quiz pairs to use up. */
const EXTRA_QUIZZES = 10;

/** The API section's installation: seeded data, one built API with its loop probe, tokens. */
export interface ApiRun {
  env: BenchEnvironment;
  base: string;
  data: BenchData;
  extra: SeededCourse[];
  learners: number;
  tokens: Map<string, string>;
  /** The token of learner i (modulo the learners). */
  token(i: number): string;
  /** CPU seconds the API has used so far. */
  cpu(): number;
  /** The file the API's loop probe writes (see loop-probe.cjs). */
  probeFile: string;
  datname: string;
  /** Offers `rate` req/s for a lead-in then `seconds`, request i being `request(i)` (offerLoad). */
  offer(
    rate: number,
    seconds: number,
    request: (i: number) => OfferedRequest,
  ): Promise<OpenLoopResult>;
  /** The open-loop figure of a route, its second-by-second timeline printed. */
  openFigure(route: string, max: LoadResult, open: OpenLoopResult): Figure;
}

export async function startApiRun(env: BenchEnvironment, learners: number): Promise<ApiRun> {
  const data = await seedBenchData(env.pg, learners);
  const extra: SeededCourse[] = [];
  for (let k = 1; k <= EXTRA_QUIZZES; k++) {
    const course = await seedCourse(
      env.pg,
      data.rootUnitId,
      `OPEN-${k}`,
      `Khóa học thử tải số ${k}`,
    );
    await enrolAll(env.pg, course);
    extra.push(course);
  }
  // The API reports its event-loop delay and GC each second to this file (bench only).
  const probeFile = join(env.storageDir, 'api-loop.jsonl');
  // BENCH_API_NODE_ARGS: flags for the API's node while trying one out (e.g. a GC setting).
  const trial = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const base = await env.startApi([...trial, '-r', LOOP_PROBE], { DX_BENCH_LOOP_PROBE: probeFile });
  const tokens = await mintTokens(env, base, data.usernames);
  return {
    env,
    base,
    data,
    extra,
    learners,
    tokens,
    token: (i) => tokens.get(data.usernames[i % learners]) as string,
    cpu: () => env.apiCpuSeconds(base),
    probeFile,
    datname: new URL(env.databaseUrl).pathname.slice(1),
    // Offered requests are listed up front: the generator thread gets them as data.
    offer: async (rate, seconds, request) => {
      // This machine's PostgreSQL runs with autovacuum off (its conf.d/90-ci.conf), so no
      // table is ever analysed by itself: the statements prepared on the freshly seeded,
      // empty quiz_attempt kept plans that scan it whole, and quiz starts fell behind as it
      // grew (p99 2.7 s; PostgreSQL's auto_explain showed both reads of quiz_attempt as
      // sequential scans). In production autovacuum analyses a table once a tenth of it has
      // changed; here the bench does it before each measured run.
      await env.query('ANALYZE');
      return offerLoad(
        base,
        rate,
        seconds,
        Array.from({ length: Math.floor(rate * (LEAD_IN_SECONDS + seconds)) }, (_, i) =>
          request(i),
        ),
        LEAD_IN_SECONDS,
      );
    },
    openFigure: (route, max, open) => {
      const api = readLoopSamples(probeFile);
      printTimeline(route, open, api);
      return openLoopFigure(route, max, open, summarise(open, api));
    },
  };
}
