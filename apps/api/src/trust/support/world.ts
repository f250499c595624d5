import { certificateExportJobId, coverageExportKey, QueueName } from '@dx/contracts';
import type { CertificateEntity, OrgUnitEntity, UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { insertCoverageRows } from '@dx/reports';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { issuedCertificate } from '../../certificates/certificates.fixtures';
import { buildCourse, BuiltCourse, CourseSpec } from '../../test/course-factory';
import type { TestApp } from '../../test/test-app';

export const CALLERS = ['learner', 'trainer', 'hr', 'sysadmin'] as const;
export type Caller = (typeof CALLERS)[number];
export type SideName = 'inside' | 'outside' | 'above';

/** One province with its people and one of each resource the API serves. */
export interface Side {
  unit: OrgUnitEntity;
  commune: OrgUnitEntity;
  learner: UserEntity;
  trainer: UserEntity;
  hr: UserEntity;
  tokens: Record<'learner' | 'trainer' | 'hr', string>;
  /** Published, owned by the province, a final quiz; the learner is enrolled. */
  course: BuiltCourse;
  /** The course's lesson with an attached file in storage. */
  fileLessonId: string;
  /** A draft course (never published) with a practice quiz, owned by the province. */
  draft: BuiltCourse;
  /** The learner's open attempt of the course's final quiz. */
  attemptId: string;
  /** Issued to the learner by the province. */
  certificate: CertificateEntity;
  /** Published curriculum owned by the province. */
  curriculumId: string;
  /** Completed coverage report of the province (requested by its hr), CSV export stored. */
  reportId: string;
  reportJobId: string;
  /** Completed certificate export (register as XLSX) of the province, file stored. */
  certificateExportJobId: string;
}

/**
 * A ministry ("above") with two provinces under it ("inside" and "outside"), all under a
 * root: callers are the inside province's learner, trainer and hr, and a sysadmin at the
 * root. What the ministry owns, the provinces' learners see but their trainers may not edit.
 */
export interface World {
  t: TestApp;
  prefix: string;
  root: OrgUnitEntity;
  admin: UserEntity;
  adminToken: string;
  inside: Side;
  outside: Side;
  above: Side;
  pingJobId: string;
  failedJobId: string;
  fresh: Fresh;
}

export function callerUser(w: World, caller: Caller): UserEntity {
  return caller === 'sysadmin' ? w.admin : w.inside[caller];
}

export function callerToken(w: World, caller: Caller | 'anonymous'): string | null {
  if (caller === 'anonymous') return null;
  return caller === 'sysadmin' ? w.adminToken : w.inside.tokens[caller];
}

const FINAL_QUIZ: CourseSpec['quizzes'] = [{ kind: 'final', questions: [{}, {}] }];

export async function buildWorld(t: TestApp, prefix: string): Promise<World> {
  const root = await t.make.unit(null, 'Bộ Thông tin và Truyền thông (thử nghiệm)');
  const admin = await t.make.user(root, {
    roles: ['learner', 'sysadmin'],
    fullName: 'Quản Trị Viên',
  });
  const w = { t, prefix, root, admin, adminToken: await t.tokenFor(admin.username) } as World;
  w.fresh = new Fresh(w);
  w.above = await buildSide(w, root, 'Bộ Nội vụ (thử nghiệm)', 'Vụ Chính quyền địa phương');
  [w.inside, w.outside] = await Promise.all([
    buildSide(w, w.above.unit, 'Tỉnh Hà Giang', 'Xã Lũng Cú'),
    buildSide(w, w.above.unit, 'Tỉnh Cà Mau', 'Xã Đất Mũi'),
  ]);
  w.failedJobId = await failedSystemJob(w);
  const ping = await t.http.post('/api/system/ping').set('Authorization', w.adminToken);
  if (ping.status !== 202) throw new Error(`ping: ${ping.status}`);
  w.pingJobId = ping.body.jobId;
  return w;
}

async function buildSide(
  w: World,
  parent: OrgUnitEntity,
  province: string,
  communeName: string,
): Promise<Side> {
  const { t } = w;
  const unit = await t.make.unit(parent, province);
  const commune = await t.make.unit(unit, communeName);
  const learner = await t.make.user(unit, { fullName: 'Nguyễn Thị Hoa' });
  const trainer = await t.make.user(unit, {
    roles: ['learner', 'trainer'],
    fullName: 'Trần Văn Giảng',
  });
  const hr = await t.make.user(unit, { roles: ['learner', 'hr'], fullName: 'Lê Thị Nhân Sự' });
  const [learnerToken, trainerToken, hrToken] = await Promise.all(
    [learner, trainer, hr].map((u) => t.tokenFor(u.username)),
  );
  const side = {
    unit,
    commune,
    learner,
    trainer,
    hr,
    tokens: { learner: learnerToken, trainer: trainerToken, hr: hrToken },
  } as Side;

  side.course = await buildCourse(t.db, { owner: unit, modules: [2], quizzes: FINAL_QUIZ });
  side.fileLessonId = await attachFile(w, side.course.lessons[1].id);
  await enroll(w, side.course.course.id, learnerToken);
  side.attemptId = await startAttempt(w, side.course.quizzes[0].quiz.id, learnerToken);
  side.draft = await buildCourse(t.db, {
    owner: unit,
    published: false,
    modules: [1],
    quizzes: [{ kind: 'practice', questions: [{}, {}] }],
  });
  side.certificate = await issuedCertificate(t, { holder: learner, issuer: unit });
  side.curriculumId = await w.fresh.curriculum(side, true);
  Object.assign(side, await completedReport(w, side));
  side.certificateExportJobId = await completedCertificateExport(w, side);
  return side;
}

/** An export as the worker leaves it: row completed, file in storage. */
async function completedCertificateExport(w: World, side: Side): Promise<string> {
  const id = randomUUID();
  const fileKey = `exports/certificates/trust-${id}.xlsx`;
  await w.t.app.get<FileStorage>(FILE_STORAGE).put(fileKey, Buffer.from('PK\u0005\u0006'));
  await w.t.db.query(
    `INSERT INTO file_job (id, kind, org_unit_id, unit_path, unit_code, unit_name, year, format,
            requested_by, state, progress, count, file_key, finished_at)
     VALUES ($1, 'certificate_export', $2, $3, $4, $5, $6, 'xlsx', $7, 'completed', 100, 0, $8, now())`,
    [id, side.unit.id, side.unit.path, side.unit.code, side.unit.name, 2025, side.hr.id, fileKey],
  );
  return certificateExportJobId(id);
}

/** Turns a lesson into a file lesson whose file sits in the app's storage. */
async function attachFile(w: World, lessonId: string): Promise<string> {
  const key = `lessons/trust-${randomUUID()}.pdf`;
  await w.t.app
    .get<FileStorage>(FILE_STORAGE)
    .put(key, Buffer.from('%PDF-1.4\n% tài liệu\ntrailer<<>>\n%%EOF\n'));
  await w.t.db.query(
    `UPDATE lesson SET kind = 'file', content = NULL, file_key = $2, file_name = 'Tài liệu.pdf',
            file_mime = 'application/pdf' WHERE id = $1`,
    [lessonId, key],
  );
  return lessonId;
}

export async function enroll(w: World, courseId: string, token: string): Promise<string> {
  const res = await w.t.http.post(`/api/courses/${courseId}/enroll`).set('Authorization', token);
  if (res.status >= 300) throw new Error(`enroll: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.enrollmentId;
}

export async function startAttempt(w: World, quizId: string, token: string): Promise<string> {
  const res = await w.t.http.post(`/api/quizzes/${quizId}/attempts`).set('Authorization', token);
  if (res.status >= 300) throw new Error(`attempt: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.attemptId;
}

/** A report as the worker leaves it: snapshot rows, status completed, CSV in storage. */
async function completedReport(w: World, side: Side) {
  const reportId = randomUUID();
  const reportJobId = `coverage-${reportId}`;
  const year = new Date().getUTCFullYear() - 1;
  await w.t.db.query(
    `INSERT INTO coverage_report (id, year, org_unit_id, requested_by, job_id, status, time_zone)
     VALUES ($1, $2, $3, $4, $5, 'running', 'Asia/Ho_Chi_Minh')`,
    [reportId, year, side.unit.id, side.hr.id, reportJobId],
  );
  await w.t.db.transaction((tx) => insertCoverageRows(tx, reportId));
  await w.t.db.query(
    `UPDATE coverage_report SET status = 'completed', generated_at = now() WHERE id = $1`,
    [reportId],
  );
  await w.t.app
    .get<FileStorage>(FILE_STORAGE)
    .put(coverageExportKey(reportId, 'csv'), Buffer.from('\ufeffMã,Tên\n'));
  return { reportId, reportJobId };
}

/** A job of the system queue that failed, for the dashboard's retry. */
async function failedSystemJob(w: World): Promise<string> {
  const connection = { url: w.t.config.redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue(QueueName.System, { connection, prefix: w.prefix });
  const events = new QueueEvents(QueueName.System, { connection, prefix: w.prefix });
  const worker = new Worker(
    QueueName.System,
    async () => {
      throw new Error('failed on purpose by the trust suite');
    },
    { connection, prefix: w.prefix },
  );
  try {
    await events.waitUntilReady();
    const job = await queue.add('trust-fails', {}, { jobId: `trust-${randomUUID()}` });
    await job.waitUntilFinished(events, 10_000).catch(() => undefined);
    return job.id as string;
  } finally {
    await worker.close();
    await events.close();
    await queue.close();
  }
}

/** Resources made anew for checks that change or consume them. */
export class Fresh {
  constructor(private readonly w: World) {}

  course(side: Side, spec: Partial<CourseSpec> = {}): Promise<BuiltCourse> {
    return buildCourse(this.w.t.db, { owner: side.unit, modules: [1], ...spec });
  }

  /** Unpublished, one lesson and a practice quiz of two questions: publishable. */
  draft(side: Side): Promise<BuiltCourse> {
    return this.course(side, {
      published: false,
      quizzes: [{ kind: 'practice', questions: [{}, {}] }],
    });
  }

  certificate(side: Side): Promise<CertificateEntity> {
    return issuedCertificate(this.w.t, { holder: side.learner, issuer: side.unit });
  }

  user(side: Side): Promise<UserEntity> {
    return this.w.t.make.user(side.commune, { fullName: 'Phạm Thị Mới' });
  }

  async unitPair(side: Side): Promise<[OrgUnitEntity, OrgUnitEntity]> {
    return [
      await this.w.t.make.unit(side.unit, 'Xã sắp sáp nhập'),
      await this.w.t.make.unit(side.unit, 'Xã nhận sáp nhập'),
    ];
  }

  /** An open attempt of the side's learner on a fresh course, with its question ids. */
  async attempt(side: Side): Promise<{ attemptId: string; questionIds: string[] }> {
    const built = await this.course(side, { quizzes: FINAL_QUIZ });
    await enroll(this.w, built.course.id, side.tokens.learner);
    const attemptId = await startAttempt(this.w, built.quizzes[0].quiz.id, side.tokens.learner);
    return { attemptId, questionIds: built.quizzes[0].questions.map((q) => q.question.id) };
  }

  /** A curriculum of the side's published course, made by its trainer (published or draft). */
  async curriculum(side: Side, publish: boolean): Promise<string> {
    const res = await this.w.t.http
      .post('/api/curricula')
      .set('Authorization', side.tokens.trainer)
      .send({
        code: `CT-${randomSuffix().toUpperCase()}`,
        title: 'Chương trình bồi dưỡng chuyển đổi số',
        hoursPerYear: 4,
        courseIds: [side.course.course.id],
      });
    if (res.status !== 201)
      throw new Error(`curriculum: ${res.status} ${JSON.stringify(res.body)}`);
    if (publish) {
      const pub = await this.w.t.http
        .post(`/api/curricula/${res.body.id}/publish`)
        .set('Authorization', side.tokens.trainer);
      if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${JSON.stringify(pub.body)}`);
    }
    return res.body.id;
  }
}
