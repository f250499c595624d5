import { JobName } from '@dx/contracts';
import { PasswordHasher, TIME_ORDERED_UUID } from '@dx/db';
import { eventually, SmtpTestServer } from '@dx/testing';
import { createTransport } from 'nodemailer';
import { Figure, figure, round } from './figures';
import { BenchEnvironment, withEnvironment } from './support/environment';
import { LoadWhileResult, offerLoadWhile } from './support/load-while';
import type { OfferedRequest } from './support/open-loop';
import { seedProvince } from './support/province';
import { failSoft, machineLoad } from './support/section';
import { BENCH_PASSWORD } from './support/seed';
import { mintTokens } from './support/tokens';
import { runWorkerJob } from './support/worker-jobs';

/** What the worker's daily-reminders job answers (the counts the section checks). */
interface ReminderOutcome {
  notified: number;
  mailed: number;
  batches: number;
}

/** BENCH_REMINDER_PEOPLE / BENCH_MAIL_MESSAGES scale the section down while working on it. */
const PEOPLE = Number(process.env.BENCH_REMINDER_PEOPLE ?? 1_000_000);
const MESSAGES = Number(process.env.BENCH_MAIL_MESSAGES ?? 10_000);
const COMMUNES = 100;
/** Messages the reference loop keeps in flight: about what the worker's batch jobs do. */
const IN_FLIGHT = 50;
/** Learners asking for their page meanwhile: a modest constant rate, open loop. */
const LEARNER_RATE = 50;
const LEARNERS = 20;
const WARM_UP_SECONDS = 3;
const IDLE_SECONDS = 10;

/**
 * The 1-day-before reminder of a requirement due tomorrow for PEOPLE people, prepared by
 * the daily job of the built worker process into the inbox, mail and outbox tables, with
 * the p99 of a learner's route on the built API meanwhile beside the idle API's; then
 * mail delivered to a local SMTP server by one worker process, beside a bare nodemailer
 * loop to the same server.
 */
export async function benchReminders(): Promise<Figure[]> {
  return [
    machineLoad(),
    ...(await failSoft('Reminders prepared', () => withEnvironment('reminders', preparing))),
    ...(await failSoft('Mail delivered', () => withEnvironment('mail', delivering))),
  ];
}

async function preparing(env: BenchEnvironment): Promise<Figure[]> {
  await seedPeopleWithRequirement(env, PEOPLE, { announced: true });
  const reference = await plainInsertSeconds(env);
  // The built worker runs the job as its daily schedule would (one date later than the
  // seed's announcements); its own processing time is the figure. The built API serves
  // learners meanwhile: its latency beside the idle API's is the "responsive" figure.
  await env.startWorker();
  const api = await learnerRoute(env);
  const idle = await offerLoadWhile(api.baseUrl, LEARNER_RATE, during(IDLE_SECONDS), api.next);
  let running = true;
  const job = runWorkerJob<ReminderOutcome>(env, JobName.DailyReminders, {
    today: '2026-12-30',
  }).finally(() => (running = false));
  const busy = await offerLoadWhile(api.baseUrl, LEARNER_RATE, () => running, api.next);
  const { result: outcome, seconds } = await job;
  const goal = 60 * (PEOPLE / 1_000_000);
  const load = (r: LoadWhileResult) =>
    `${r.sent} requests at ${LEARNER_RATE}/s over ${round(r.seconds)} s, p50 ${round(r.p50)} ms, ${r.errors} errors`;
  return [
    figure(
      `Reference: plain INSERT…SELECT of ${PEOPLE.toLocaleString('en')} rows into an unlogged copy of notification`,
      reference,
      's',
    ),
    figure(
      `1-day reminders for ${PEOPLE.toLocaleString('en')} people into the outbox`,
      seconds,
      's',
      `< ${Math.round(goal)} s`,
      seconds < goal && outcome.mailed === PEOPLE,
      `${outcome.notified} inbox items, ${outcome.mailed} mails, ${outcome.batches} batches; ${round(seconds / reference)} × the reference; run by the worker process while the API served learners`,
    ),
    figure(`Reference: p99 of GET /api/me on the idle API`, idle.p99, 'ms', '', null, load(idle)),
    figure(
      `p99 of GET /api/me while the worker prepares the reminders`,
      busy.p99,
      'ms',
      '< 100 ms',
      busy.p99 < 100 && busy.errors === 0,
      `${load(busy)}; ${round(busy.p99 / idle.p99)} × idle; built API and worker processes`,
    ),
  ];
}

/** A predicate true for the next `seconds`. */
const during = (seconds: number) => {
  const end = performance.now() + seconds * 1000;
  return () => performance.now() < end;
};

/**
 * The built API with LEARNERS of the seeded people signed in (one by password, the rest
 * minted: see mintTokens) and `next(i)`: the i-th request of the learners' route, warmed.
 */
async function learnerRoute(env: BenchEnvironment) {
  const usernames = Array.from({ length: LEARNERS }, (_, i) => `bench.${i + 1}`);
  await env.query(`UPDATE app_user SET password_hash = $2 WHERE username = $1`, [
    usernames[0],
    await new PasswordHasher().hash(BENCH_PASSWORD),
  ]);
  const baseUrl = await env.startApi();
  const tokens = await mintTokens(env, baseUrl, usernames);
  const next = (i: number): OfferedRequest => ({
    method: 'GET',
    path: '/api/me',
    token: tokens.get(usernames[i % LEARNERS]) as string,
  });
  await offerLoadWhile(baseUrl, LEARNER_RATE, during(WARM_UP_SECONDS), next);
  return { baseUrl, next };
}

/**
 * What the machine gives a bulk insert right now: one row per person into an unlogged copy
 * of the inbox table (its indexes, no foreign key, no WAL), in one statement. The reminder
 * run is read beside it, as a ratio, while other work shares the cores.
 */
async function plainInsertSeconds(env: BenchEnvironment): Promise<number> {
  await env.query(
    `CREATE UNLOGGED TABLE bench_reference (LIKE notification INCLUDING DEFAULTS INCLUDING INDEXES)`,
  );
  const start = process.hrtime.bigint();
  await env.query(
    `INSERT INTO bench_reference (id, user_id, type, event_key, title, body, link)
     SELECT ${TIME_ORDERED_UUID}, u.id, 'requirement-due', 'reference:' || u.id, 'Còn 1 ngày',
            'Hạn cuối ngày 31/12/2026.', '/my-learning'
       FROM app_user u WHERE u.username LIKE 'bench.%'`,
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  await env.query(`DROP TABLE bench_reference`);
  return seconds;
}

async function delivering(env: BenchEnvironment): Promise<Figure[]> {
  // Counts what it accepts and parses nothing: mailparser cost more CPU per message than
  // either sender measured here, on the same 2 cores.
  const smtp = await SmtpTestServer.create({ countOnly: true });
  try {
    // Reference: a bare nodemailer loop over pooled connections (as many as the worker
    // keeps), IN_FLIGHT messages at a time, each with a text and an HTML part like ours.
    const transport = createTransport({
      url: smtp.url,
      pool: true,
      maxConnections: 5,
      maxMessages: 1_000,
    });
    const refStart = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < MESSAGES) {
          const i = next++;
          await transport.sendMail({
            from: 'no-reply@dx.example.gov.vn',
            to: `ref${i}@example.vn`,
            subject: 'Còn 1 ngày đến hạn bồi dưỡng năm 2026',
            text: 'Kính gửi Nguyễn Văn A,\n\nHạn cuối ngày 31/12/2026. Anh/chị đã có 0/8 giờ bồi dưỡng.',
            html: '<p>Kính gửi Nguyễn Văn A,</p><p>Hạn cuối ngày 31/12/2026. Anh/chị đã có 0/8 giờ bồi dưỡng.</p>',
          });
        }
      }),
    );
    const refPerSecond = MESSAGES / (Number(process.hrtime.bigint() - refStart) / 1e9);
    transport.close();

    await seedPeopleWithRequirement(env, MESSAGES, { announced: true });
    {
      // The worker is up first: its start-up is not mail delivery. The reminders commit in
      // one transaction (fewer people than a batch), so no mail can leave before the job
      // ends, and the clock starts when the worker reports it done.
      await env.startWorker({ SMTP_URL: smtp.url, MAIL_RATE_PER_SECOND: '100000' });
      const before = smtp.accepted;
      await runWorkerJob(env, JobName.DailyReminders, { today: '2026-12-30' });
      const start = process.hrtime.bigint();
      await eventually(async () => smtp.accepted - before >= MESSAGES, 600_000, 20);
      const perSecond = MESSAGES / (Number(process.hrtime.bigint() - start) / 1e9);
      return [
        figure('Bare nodemailer loop to the local SMTP server', refPerSecond, 'messages/s'),
        figure(
          'Mail delivered by one worker process (outbox → BullMQ → nodemailer)',
          perSecond,
          'messages/s',
          '≥ 500',
          perSecond >= 500,
          `${MESSAGES} messages from the commit of the reminders to the last one accepted; ${round(perSecond / refPerSecond)} × the bare loop`,
        ),
      ];
    }
  } finally {
    await smtp.stop();
  }
}

/**
 * One province, 100 communes, `people` full-time staff with an email, a requirement due
 * 31/12/2026 on the province, and (when `announced`) its announcement already in each
 * inbox, as the job would have left it weeks earlier. Set-based, like the job itself.
 */
async function seedPeopleWithRequirement(
  env: BenchEnvironment,
  people: number,
  opts: { announced: boolean },
): Promise<void> {
  const province = await seedProvince((sql, params) => env.query(sql, params), {
    code: 'BENCH-P',
    name: 'Tỉnh Thử nghiệm',
    communes: COMMUNES,
  });
  await env.query(
    // The communes as one array: a subquery per person scanned the unit table a million times.
    `WITH c AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE parent_id = $2)
     INSERT INTO app_user (username, full_name, email, org_unit_id, dx_role)
     SELECT 'bench.' || n, 'Nguyễn Văn ' || n, 'nv' || n || '@example.vn', c.ids[1 + n % $3],
            'full_time'
       FROM c, generate_series(1, $1::int) n`,
    [people, province.id, COMMUNES],
  );
  const [{ id }] = await env.query<{ id: string }>(
    `INSERT INTO requirement (year, org_unit_id, dx_roles, hours, due_date)
     VALUES (2026, $1, '{full_time}', 8, '2026-12-31') RETURNING id`,
    [province.id],
  );
  if (opts.announced) {
    await env.query(
      // Ids as the job makes them (time-ordered), so the indexes are the ones it leaves.
      `INSERT INTO notification (id, user_id, type, event_key, title, body, created_at)
       SELECT ${TIME_ORDERED_UUID}, u.id, 'requirement-applies', 'requirement-applies:' || $1::text,
              'Yêu cầu', 'Yêu cầu',
              now() - interval '60 days'
         FROM app_user u WHERE u.username LIKE 'bench.%'`,
      [id],
    );
  }
  // Weeks after the announcement, autovacuum has long been through the inbox (it runs after
  // a large insert): its pages are all-visible and hinted, as VACUUM leaves them. Without
  // it, the run's first read of each announcement set its hint bits and wrote the page.
  await env.query('VACUUM ANALYZE');
}
