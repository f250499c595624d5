import type { LoginResponse, OpenAttemptResponse } from '@dx/contracts';
import { Figure, figure } from './figures';
import { failSoft, machineLoad } from './support/section';
import { withEnvironment } from './support/environment';
import { BoundedClient } from './support/http-client';
import { benchAnswer } from './support/quiz-answers';
import { percentile } from './support/percentiles';
import { BENCH_PASSWORD, seedBenchData } from './support/seed';

const LEARNERS = 3_000;
/** Every learner starts within this window, evenly spread (one every 10 ms). */
const START_WINDOW_MS = 30_000;
/** Think time between start and submit, compressed from the real 30 minutes to 0–5 s. */
const MAX_THINK_MS = 5_000;
/** Connections the simulated browsers share: the bound on requests in flight. */
const MAX_SOCKETS = 256;
const GOAL_P99_MS = 1_000;
/**
 * Everyone signs in (argon2id) in the minutes before the start, as people arrive: spread
 * evenly over this window. People arrive over about 5 minutes; the bench squeezes them into
 * 150 s, twice the arrival rate (20 sign-ins/s, about 0.7 of a core of argon2id), which is
 * harder on the API, so a pass here holds for the real 5 minutes, and it keeps the whole
 * `npm run bench` under its 20 minutes (150 s saved). BENCH_EXAM_LOGIN_SECONDS=300 gives the
 * real window.
 */
const LOGIN_WINDOW_MS = Number(process.env.BENCH_EXAM_LOGIN_SECONDS ?? 150) * 1000;

interface Outcome {
  startMs: number;
  submitMs: number | null;
  error: string | null;
}

/**
 * Exam day: 3,000 learners sign in before the start (see LOGIN_WINDOW_MS), then each starts the same final
 * quiz within 30 s, answer, and submit after a short think time. Reference: Moodle 4.5's
 * published load test handled 2,000 simultaneous quiz takers and was stressed by 3,000
 * at the synchronised start on 12 app + 4 database vCPUs; here it is 2 cores for the API,
 * PostgreSQL, Redis and the load generator together.
 */
export function benchExamDay(): Promise<Figure[]> {
  return failSoft('Exam day', runExamDay);
}

async function runExamDay(): Promise<Figure[]> {
  const load0 = machineLoad();
  return withEnvironment('exam', async (env) => {
    const data = await seedBenchData(env.pg, LEARNERS);
    const base = await env.startApi();
    const quizId = data.course.finalQuizId;
    const client = new BoundedClient(base, MAX_SOCKETS);
    const signIn = await signInAll(client, data.usernames);
    const tokens = signIn.tokens;
    const random = seeded(1690);
    const t0 = performance.now() + 500;
    const spacing = START_WINDOW_MS / LEARNERS;

    const takeExam = async (username: string, i: number): Promise<Outcome> => {
      const token = tokens.get(username) as string;
      const due = t0 + i * spacing;
      await sleep(due - performance.now());
      const start = await client.send(
        'POST',
        `/api/quizzes/${quizId}/attempts`,
        token,
        undefined,
        due,
      );
      if (start.status !== 201)
        return { startMs: start.ms, submitMs: null, error: `start ${start.status}` };
      const attempt = JSON.parse(start.body) as OpenAttemptResponse;
      await sleep(random() * MAX_THINK_MS);
      // What each question shows, answered by its type: some right, some wrong.
      const answers = attempt.questions.map(benchAnswer);
      const submit = await client.send('POST', `/api/attempts/${attempt.attemptId}/submit`, token, {
        answers,
      });
      return {
        startMs: start.ms,
        submitMs: submit.ms,
        error: submit.status === 200 ? null : `submit ${submit.status}`,
      };
    };

    const began = performance.now();
    const outcomes = await Promise.all(data.usernames.map(takeExam));
    const wallSeconds = (performance.now() - began) / 1000;
    client.close();

    const errors = outcomes.filter((o) => o.error);
    const starts = outcomes.map((o) => o.startMs);
    const submits = outcomes.flatMap((o) => (o.submitMs === null ? [] : [o.submitMs]));
    const [rows] = await env.query<{
      attempts: number;
      submitted: number;
      learners: number;
      repeats: number;
    }>(
      `SELECT count(*)::int AS attempts,
              count(*) FILTER (WHERE status = 'submitted' AND submitted_at IS NOT NULL)::int AS submitted,
              count(DISTINCT user_id)::int AS learners,
              count(*) FILTER (WHERE number > 1)::int AS repeats
         FROM quiz_attempt WHERE quiz_id = $1`,
      [quizId],
    );
    const startP99 = percentile(starts, 99);
    const submitP99 = percentile(submits, 99);
    const recordedOnce =
      rows.attempts === LEARNERS &&
      rows.submitted === LEARNERS &&
      rows.learners === LEARNERS &&
      rows.repeats === 0;
    const errorKinds = [...new Set(errors.map((e) => e.error))].join(', ');
    return [
      load0,
      figure(
        'Exam day: sign-ins (argon2id) before the start, p99',
        signIn.p99,
        'ms',
        `< ${GOAL_P99_MS} ms, 0 errors`,
        signIn.errors === 0 && signIn.p99 < GOAL_P99_MS,
        `${LEARNERS} sign-ins spread over ${LOGIN_WINDOW_MS / 1000} s, p50 ${Math.round(signIn.p50)} ms, ${signIn.errors} errors`,
      ),
      figure(
        `Exam day: errors among ${LEARNERS} learners`,
        errors.length,
        'errors',
        '= 0',
        errors.length === 0,
        errorKinds || `${wallSeconds.toFixed(1)} s from first start to last submit`,
      ),
      figure(
        'Exam day: quiz start p99',
        startP99,
        'ms',
        `< ${GOAL_P99_MS} ms`,
        startP99 < GOAL_P99_MS,
        `p50 ${Math.round(percentile(starts, 50))} ms, max ${Math.round(Math.max(...starts))} ms; ${LEARNERS} starts in ${START_WINDOW_MS / 1000} s`,
      ),
      figure(
        'Exam day: quiz submit p99',
        submitP99,
        'ms',
        `< ${GOAL_P99_MS} ms`,
        submits.length === LEARNERS && submitP99 < GOAL_P99_MS,
        `p50 ${Math.round(percentile(submits, 50))} ms, max ${Math.round(Math.max(...submits))} ms`,
      ),
      figure(
        'Exam day: attempts recorded, each submitted once',
        rows.submitted,
        'attempts',
        `= ${LEARNERS}`,
        recordedOnce,
        `${rows.attempts} rows, ${rows.learners} learners, ${rows.repeats} second attempts`,
      ),
    ];
  });
}

/** Every learner signs in once, at an even pace over the login window; tokens by username. */
async function signInAll(client: BoundedClient, usernames: string[]) {
  const tokens = new Map<string, string>();
  const spacing = LOGIN_WINDOW_MS / usernames.length;
  const t0 = performance.now() + 100;
  const answers = await Promise.all(
    usernames.map(async (username, i) => {
      const due = t0 + i * spacing;
      await sleep(due - performance.now());
      const res = await client.send(
        'POST',
        '/api/auth/login',
        '',
        { username, password: BENCH_PASSWORD },
        due,
      );
      if (res.status === 200)
        tokens.set(username, (JSON.parse(res.body) as LoginResponse).accessToken);
      return res;
    }),
  );
  const ms = answers.map((a) => a.ms);
  return {
    tokens,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    errors: answers.filter((a) => a.status !== 200).length,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** A small deterministic PRNG (mulberry32), so think times are the same in every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
