import type { QuestionType } from '@dx/contracts';
import { CONNECTIONS, LEAD_IN_SECONDS, latencyFigure, OPEN_SECONDS, SHARE } from './api-figures';
import { commitReferenceFigure } from './commit-reference-figure';
import { Figure, figure } from './figures';
import { quizWriteFigures } from './quiz-write-figures';
import { ApiRun } from './support/api-run';
import { databaseCost } from './support/database-cost';
import { startCommitProbe } from './support/commit-probe';
import { bareWriteRate } from './support/database-limit';
import { load, LoadResult } from './support/load';
import { OfferedRequest } from './support/open-loop';
import { benchAnswer } from './support/quiz-answers';
import { settle } from './support/open-loop-report';

/** Seconds of each bare-write reference: thousands of durable commits, a steady rate. */
const BARE_SECONDS = 5;
/** The API's pool and its name (apps/api/src/app.module.ts), for the database references. */
const API_POOL_SIZE = 20;
const API_APPLICATION_NAME = 'dx-api';

interface DrawnRow {
  questionId: string;
  optionIds: string[];
}

/**
 * Quiz start and submit: each one's maximum (closed loop, every start a learner's first
 * attempt, every submit a different open attempt, so none is answered 409), then half of it
 * offered open-loop; then the database's own limit for the same writes at the same
 * concurrency, and where the rest goes.
 */
export async function quizWriteRuns(run: ApiRun, hello: LoadResult): Promise<Figure[]> {
  const { base, data, extra, learners, env } = run;
  const figures: Figure[] = [];
  // Start: the maximum on the main course's quiz, the open loop on the extra quizzes' pairs.
  let starter = 0;
  const { result: maxStart, cost: startDb } = await databaseCost(env.pg, run.datname, () =>
    load(
      {
        url: `${base}/api/quizzes/${data.course.finalQuizId}/attempts`,
        method: 'POST',
        connections: CONNECTIONS,
        amount: learners - CONNECTIONS,
        setup: (req) => {
          req.headers = { ...req.headers, authorization: `Bearer ${run.token(starter++)}` };
        },
      },
      run.cpu,
    ),
  );
  figures.push(latencyFigure('Quiz start POST /api/quizzes/:id/attempts', maxStart));
  const startRate = maxStart.rps * SHARE;
  const pairs = learners * extra.length;
  const startOf = (j: number): OfferedRequest => ({
    method: 'POST',
    path: `/api/quizzes/${extra[Math.floor(j / learners)].finalQuizId}/attempts`,
    token: run.token(j),
  });
  await settle(run.probeFile);
  // Every offered start (lead-in included) uses up a pair: no more than there are.
  const startSeconds = Math.min(OPEN_SECONDS, pairs / startRate - LEAD_IN_SECONDS);
  // Bare commits at the same rate alongside: are the slow seconds the route's or the disk's?
  const probe = await startCommitProbe(env.databaseUrl, {
    rate: startRate,
    poolSize: API_POOL_SIZE,
    apiName: API_APPLICATION_NAME,
  });
  const openStart = await run.offer(startRate, startSeconds, startOf);
  const bareAlongside = await probe.stop();
  figures.push(
    run.openFigure('Quiz start POST /api/quizzes/:id/attempts', maxStart, openStart),
    commitReferenceFigure('Quiz start', openStart, bareAlongside, API_POOL_SIZE),
  );

  // Submit: the maximum on the main quiz's open attempts, the open loop on the others.
  // Each bank question's type and, for matching, the right-hand texts a learner picks from.
  const shown = new Map(
    (
      await env.query<{ id: string; type: QuestionType; choices: string[] }>(
        `SELECT q.id, q.type,
                coalesce(array_agg(o.match ORDER BY o.match) FILTER (WHERE o.match IS NOT NULL), '{}') AS choices
           FROM question q JOIN question_option o ON o.question_id = q.id
          WHERE q.bank_id IS NOT NULL GROUP BY q.id`,
      )
    ).map((q) => [q.id, q]),
  );
  const submitsOf = async (quizIds: string[]) =>
    (
      await env.query<{ id: string; username: string; drawn: DrawnRow[] }>(
        `SELECT a.id, u.username, a.drawn FROM quiz_attempt a JOIN app_user u ON u.id = a.user_id
          WHERE a.quiz_id = ANY($1) AND a.status = 'open' ORDER BY a.started_at`,
        [quizIds],
      )
    ).map((a) => ({
      path: `/api/attempts/${a.id}/submit`,
      token: run.tokens.get(a.username) as string,
      // Each drawn question answered by its type, as it was shown: some right, some wrong.
      body: {
        answers: a.drawn.map((d) => {
          const q = shown.get(d.questionId);
          return benchAnswer({
            id: d.questionId,
            type: q?.type ?? 'single',
            options: (d.optionIds ?? []).map((id) => ({ id, text: '' })),
            choices: q?.choices,
          });
        }),
      },
    }));
  const mainSubmits = await submitsOf([data.course.finalQuizId]);
  let submitter = 0;
  const { result: maxSubmit, cost: submitDb } = await databaseCost(env.pg, run.datname, () =>
    load(
      {
        url: `${base}${mainSubmits[0].path}`,
        method: 'POST',
        connections: CONNECTIONS,
        amount: mainSubmits.length - CONNECTIONS,
        headers: { 'content-type': 'application/json' },
        setup: (req) => {
          const s = mainSubmits[submitter++];
          req.path = s.path;
          req.body = JSON.stringify(s.body);
          req.headers = { ...req.headers, authorization: `Bearer ${s.token}` };
        },
      },
      run.cpu,
    ),
  );
  figures.push(latencyFigure('Quiz submit POST /api/attempts/:id/submit', maxSubmit));
  const submitRate = maxSubmit.rps * SHARE;
  // The open-loop starts left one open attempt each; when submits run faster than starts,
  // that is not a full run of submits: start the missing ones first (closed loop, unmeasured).
  const needed = Math.ceil(submitRate * (LEAD_IN_SECONDS + OPEN_SECONDS));
  const missing = Math.min(pairs, needed) - openStart.offered;
  let pair = openStart.offered;
  if (missing > 0)
    await load({
      url: `${base}${startOf(pair).path}`,
      method: 'POST',
      connections: 50,
      amount: missing,
      setup: (req) => {
        const r = startOf(Math.min(pair++, pairs - 1));
        req.path = r.path;
        req.headers = { ...req.headers, authorization: `Bearer ${r.token}` };
      },
    });
  const otherSubmits = await submitsOf(extra.map((c) => c.finalQuizId));
  await settle(run.probeFile);
  const openSubmit = await run.offer(
    submitRate,
    Math.min(OPEN_SECONDS, otherSubmits.length / submitRate - LEAD_IN_SECONDS),
    (j) => ({ method: 'POST', ...otherSubmits[j] }),
  );
  figures.push(run.openFigure('Quiz submit POST /api/attempts/:id/submit', maxSubmit, openSubmit));

  // The database's own limit for the same writes, at the same concurrency.
  const limits = { poolSize: API_POOL_SIZE, inFlight: CONNECTIONS, seconds: BARE_SECONDS };
  const bareUpdate = await bareWriteRate(env.databaseUrl, 'update', limits);
  const bareInsert = await bareWriteRate(env.databaseUrl, 'insert', limits);
  figures.push(
    figure('Bare UPDATE + durable commit through pg (reference)', bareUpdate.rate, 'writes/s'),
    figure('Bare INSERT + durable commit through pg (reference)', bareInsert.rate, 'writes/s'),
    ...quizWriteFigures(
      'Quiz submit',
      maxSubmit,
      submitDb,
      'bare UPDATE + commit',
      bareUpdate,
      'one read and one conditional write; a passed final quiz adds the course completion ' +
        '(enrolment, certificate, outbox, training ledger) in the same transaction',
      hello,
    ),
    ...quizWriteFigures(
      'Quiz start',
      maxStart,
      startDb,
      'bare INSERT + commit',
      bareInsert,
      'one read (quiz, enrolment, attempts and the question bank as JSON) and one insert',
      hello,
    ),
  );
  return figures;
}
