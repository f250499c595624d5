import { Figure, figure } from './figures';
import { failSoft, machineLoad } from './support/section';
import { withEnvironment } from './support/environment';
import { measureHello } from './support/hello';
import { describe, load, LoadResult } from './support/load';
import { BENCH_PASSWORD, seedBenchData } from './support/seed';
import { mintTokens } from './support/tokens';

const LEARNERS = 3_000;
const CONNECTIONS = 200;
const SECONDS = 10;

/**
 * The built API under 200 concurrent connections on loopback, route by route, next to a
 * bare NestJS "hello" route on the same adapter (Express) measured in the same run; and
 * hello on Express against hello on Fastify, which is the adapter decision's evidence
 * (docs/adr-http-adapter.md).
 */
export function benchApiLoad(): Promise<Figure[]> {
  return failSoft('API under load', runApiLoad);
}

async function runApiLoad(): Promise<Figure[]> {
  const load0 = machineLoad();
  const helloExpress = await measureHello('express', CONNECTIONS, SECONDS);
  const helloFastify = await measureHello('fastify', CONNECTIONS, SECONDS);
  const figures = [load0, ...helloFigures(helloExpress, helloFastify)];

  return withEnvironment('api', async (env) => {
    const data = await seedBenchData(env.pg, LEARNERS);
    const base = await env.startApi();
    const tokens = await mintTokens(env, base, data.usernames);
    const bearer = data.usernames.map((u) => `Bearer ${tokens.get(u)}`);
    let turn = 0;
    const asNextLearner = (req: { headers?: Record<string, string> }) => {
      req.headers = { ...req.headers, authorization: bearer[turn++ % bearer.length] };
    };

    // Catalog: 2 s warm-up (JIT, pool), then the measured run.
    const catalogUrl = `${base}/api/courses`;
    await load({ url: catalogUrl, connections: CONNECTIONS, duration: 2, setup: asNextLearner });
    const cpu = () => env.apiCpuSeconds(base);
    const catalog = await load(
      { url: catalogUrl, connections: CONNECTIONS, duration: SECONDS, setup: asNextLearner },
      cpu,
    );
    const ratio = catalog.rps / helloExpress.rps;
    figures.push(
      // No latency goal here: with 200 connections always waiting, p99 ≥ 200 ÷ req/s, a
      // throughput figure in disguise (issue #20). The open-loop section sets the p99 goal.
      latencyFigure(
        'Catalog GET /api/courses',
        catalog,
        `the bare Express hello route's own p99 in this run: ${helloExpress.p99} ms`,
      ),
      figure('Catalog req/s', catalog.rps, 'req/s', '', null, describe(catalog)),
      figure(
        'Catalog / hello (Express) req/s',
        ratio,
        '×',
        '≥ 0.5',
        ratio >= 0.5 && catalog.failures === 0,
      ),
    );

    // Lesson read: each request a learner reading one of the 12 lessons.
    const lessons = data.course.lessonIds;
    const lesson = await load(
      {
        url: `${base}/api/lessons/${lessons[0]}`,
        connections: CONNECTIONS,
        duration: SECONDS,
        setup: (req) => {
          const i = turn++;
          req.path = `/api/lessons/${lessons[i % lessons.length]}`;
          req.headers = { ...req.headers, authorization: bearer[i % bearer.length] };
        },
      },
      cpu,
    );
    const lessonRatio = lesson.rps / helloExpress.rps;
    figures.push(
      latencyFigure('Lesson read GET /api/lessons/:id', lesson),
      figure(
        'Lesson read / hello (Express) req/s',
        lessonRatio,
        '×',
        '≥ 0.5',
        lessonRatio >= 0.5 && lesson.failures === 0,
      ),
    );

    // Quiz start then submit: every start is a different learner's first attempt (201),
    // and every submit a different open attempt, so none is answered 409.
    const quizId = data.course.finalQuizId;
    let starter = 0;
    const start = await load(
      {
        url: `${base}/api/quizzes/${quizId}/attempts`,
        method: 'POST',
        connections: CONNECTIONS,
        amount: LEARNERS - CONNECTIONS,
        setup: (req) => {
          req.headers = { ...req.headers, authorization: bearer[starter++] };
        },
      },
      cpu,
    );
    figures.push(latencyFigure('Quiz start POST /api/quizzes/:id/attempts', start));

    const open = await env.query<{ id: string; username: string; drawn: DrawnRow[] }>(
      `SELECT a.id, u.username, a.drawn FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id
        WHERE a.quiz_id = $1 AND a.status = 'open' ORDER BY a.started_at`,
      [quizId],
    );
    const submits = open.map((a) => ({
      path: `/api/attempts/${a.id}/submit`,
      authorization: `Bearer ${tokens.get(a.username)}`,
      // The first option shown for each question: some right, some wrong, as in life.
      body: JSON.stringify({
        answers: a.drawn.map((d) => ({ questionId: d.questionId, optionIds: [d.optionIds[0]] })),
      }),
    }));
    let submitter = 0;
    const submit = await load(
      {
        url: `${base}${submits[0].path}`,
        method: 'POST',
        connections: CONNECTIONS,
        amount: submits.length - CONNECTIONS,
        headers: { 'content-type': 'application/json' },
        setup: (req) => {
          const s = submits[submitter++];
          req.path = s.path;
          req.body = s.body;
          req.headers = { ...req.headers, authorization: s.authorization };
        },
      },
      cpu,
    );
    figures.push(latencyFigure('Quiz submit POST /api/attempts/:id/submit', submit));

    // Login last: argon2 work queued by 200 waiting sign-ins outlives the run and would
    // slow whatever came next.
    let signer = 0;
    const login = await load(
      {
        url: `${base}/api/auth/login`,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        setup: (req) => {
          const username = data.usernames[signer++ % data.usernames.length];
          req.body = JSON.stringify({ username, password: BENCH_PASSWORD });
        },
      },
      cpu,
    );
    figures.push(
      figure(
        'Login POST /api/auth/login (argon2id) req/s',
        login.rps,
        'req/s',
        '',
        null,
        describe(login),
      ),
    );
    return figures;
  });
}

interface DrawnRow {
  questionId: string;
  optionIds: string[];
}

/**
 * p99 of a route at 200 connections: a reference (closed-loop latency is throughput in
 * disguise; the open-loop section holds the latency goals), failing whenever a request failed.
 */
function latencyFigure(route: string, r: LoadResult, context?: string): Figure {
  return figure(
    `${route} p99 at ${CONNECTIONS} connections`,
    r.p99,
    'ms',
    '',
    r.failures === 0 ? null : false,
    context ? `${describe(r)}; ${context}` : describe(r),
  );
}

function helloFigures(express: LoadResult, fastify: LoadResult): Figure[] {
  const gain = fastify.rps / express.rps;
  return [
    figure('Hello route, Express (reference)', express.rps, 'req/s', '', null, describe(express)),
    figure('Hello route, Fastify (reference)', fastify.rps, 'req/s', '', null, describe(fastify)),
    figure(
      'Fastify / Express on the hello route',
      gain,
      '×',
      '',
      null,
      gain > 1.5
        ? 'Fastify wins on an empty route, but real routes spend their time in the application: Express kept (docs/adr-http-adapter.md)'
        : 'no material difference on an empty route: Express kept (docs/adr-http-adapter.md)',
    ),
  ];
}
