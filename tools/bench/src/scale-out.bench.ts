import { buildDataSourceOptions } from '@dx/db';
import { DataSource } from 'typeorm';
import { eventually, requestCertificates } from '@dx/testing';
import { Figure, figure } from './figures';
import { failSoft } from './support/section';
import { BenchEnvironment, withEnvironment } from './support/environment';
import { describe, load, LoadResult } from './support/load';
import { seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

const LEARNERS = 500;
const CONNECTIONS = 200;
const SECONDS = 10;
const CERTIFICATES = 200;

/**
 * Horizontal scale on one PostgreSQL and one Redis: the catalog's throughput with two API
 * processes (two load runs at once, one per process, 100 connections each) against one
 * process (200 connections), and 200 certificates issued by two worker processes with
 * none issued twice (counted in the database).
 */
export function benchScaleOut(): Promise<Figure[]> {
  return failSoft('Horizontal scale', runScaleOut);
}

async function runScaleOut(): Promise<Figure[]> {
  return withEnvironment('scale', async (env) => {
    const data = await seedBenchData(env.pg, LEARNERS);
    const apiA = await env.startApi();
    await env.startWorker();
    const tokens = [...(await mintTokens(env, apiA, data.usernames)).values()];

    const one = await catalogLoad(env, [apiA], tokens);
    const apiB = await env.startApi();
    await env.startWorker();
    const two = await catalogLoad(env, [apiA, apiB], tokens);
    const oneRps = one.reduce((s, r) => s + r.rps, 0);
    const twoRps = two.reduce((s, r) => s + r.rps, 0);
    const failures = [...one, ...two].reduce((s, r) => s + r.failures, 0);

    const figures = [
      figure('Catalog, 1 API process (reference)', oneRps, 'req/s', '', null, describe(one[0])),
      figure(
        'Catalog, 2 API processes (summed)',
        twoRps,
        'req/s',
        '',
        null,
        two.map(describe).join(' + '),
      ),
      figure(
        '2 API processes / 1',
        twoRps / oneRps,
        '×',
        '> 1',
        twoRps > oneRps && failures === 0,
        `same 2 cores; one process kept ${busy(one[0])} of a core busy, so the machine, not the process, is the limit when that is well below 100 %`,
      ),
    ];
    figures.push(await certificatesByTwoWorkers(env));
    return figures;
  });
}

/** Share of one core the API process used during the run, e.g. "58 %". */
const busy = (r: LoadResult) =>
  r.cpuMsPerRequest === undefined
    ? 'an unknown share'
    : `${Math.round((r.cpuMsPerRequest * r.rps) / 10)} %`;

/** 2 s warm-up, then SECONDS of catalog requests split evenly over the given processes. */
async function catalogLoad(
  env: BenchEnvironment,
  bases: string[],
  tokens: string[],
): Promise<LoadResult[]> {
  const connections = CONNECTIONS / bases.length;
  let turn = 0;
  const run = (base: string, duration: number) =>
    load(
      {
        url: `${base}/api/courses`,
        connections,
        duration,
        setup: (req) => {
          req.headers = {
            ...req.headers,
            authorization: `Bearer ${tokens[turn++ % tokens.length]}`,
          };
        },
      },
      () => env.apiCpuSeconds(base),
    );
  await Promise.all(bases.map((b) => run(b, 2)));
  return Promise.all(bases.map((b) => run(b, SECONDS)));
}

/**
 * Requests certificates as the completion transaction does (pending certificate + outbox
 * row), lets both workers race for them, and counts: one 'issued' event and one serial
 * per certificate.
 */
async function certificatesByTwoWorkers(env: BenchEnvironment): Promise<Figure> {
  const db = await new DataSource(
    buildDataSourceOptions({ url: env.databaseUrl, poolSize: 2 }),
  ).initialize();
  try {
    const started = performance.now();
    const { certificates } = await requestCertificates(db, CERTIFICATES);
    const ids = certificates.map((c) => c.id);
    await eventually(
      async () => {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM certificate WHERE id = ANY($1) AND status = 'issued' AND pdf_key IS NOT NULL`,
          [ids],
        );
        return n === CERTIFICATES;
      },
      180_000,
      100,
    );
    const seconds = (performance.now() - started) / 1000;
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM certificate_event WHERE certificate_id = ANY($1) AND type = 'issued') AS events,
              (SELECT count(DISTINCT serial)::int FROM certificate WHERE id = ANY($1)) AS serials`,
      [ids],
    );
    return figure(
      'Certificates issued by 2 workers, each exactly once',
      counts.events,
      "'issued' events",
      `= ${CERTIFICATES}`,
      counts.events === CERTIFICATES && counts.serials === CERTIFICATES,
      `${counts.serials} distinct serials; ${CERTIFICATES} issued in ${seconds.toFixed(1)} s`,
    );
  } finally {
    await db.destroy();
  }
}
