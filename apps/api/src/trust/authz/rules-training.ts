import { peopleExportJobId } from '@dx/contracts';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { randomUUID } from 'node:crypto';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

const thisYear = () => new Date().getUTCFullYear();

const RECORD = {
  title: 'Lớp tập huấn an toàn thông tin',
  hours: 4,
  completedOn: `${new Date().getUTCFullYear()}-01-10`,
  provider: 'Sở Nội vụ',
};

const EVIDENCE_PDF = Buffer.from('%PDF-1.4\n% minh chứng\ntrailer<<>>\n%%EOF\n');

/** A fresh recorded training of the side's learner (written directly: no caller involved). */
async function recordOf(c: CheckContext): Promise<string> {
  const [row] = await c.w.t.db.query(
    `INSERT INTO training_record (user_id, title, hours, completed_on, year, provider)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      c.side.learner.id,
      RECORD.title,
      RECORD.hours,
      RECORD.completedOn,
      thisYear(),
      RECORD.provider,
    ],
  );
  return row.id;
}

/** A fresh recorded training of the side's learner with its evidence file stored. */
async function recordWithEvidenceOf(c: CheckContext): Promise<string> {
  const id = await recordOf(c);
  const key = `training-records/${id}/trust.pdf`;
  await c.w.t.app.get<FileStorage>(FILE_STORAGE).put(key, EVIDENCE_PDF);
  await c.w.t.db.query(`UPDATE training_record SET evidence_key = $2 WHERE id = $1`, [id, key]);
  return id;
}

/** A fresh requirement on the side's commune (written directly: no caller involved). */
async function requirementOf(c: CheckContext): Promise<string> {
  const [row] = await c.w.t.db.query(
    `INSERT INTO requirement (year, org_unit_id, dx_roles, hours, due_date)
     VALUES ($1, $2, '{full_time}', 4, $3) RETURNING id`,
    [thisYear(), c.side.commune.id, `${thisYear()}-12-31`],
  );
  return row.id;
}

/** A people export of the side's unit as the worker leaves it: row completed, file stored. */
async function completedPeopleExport(c: CheckContext): Promise<string> {
  const id = randomUUID();
  const fileKey = `exports/people/trust-${id}.csv`;
  await c.w.t.app.get<FileStorage>(FILE_STORAGE).put(fileKey, Buffer.from('\ufeffHọ và tên\r\n'));
  const u = c.side.unit;
  await c.w.t.db.query(
    `INSERT INTO file_job (id, kind, org_unit_id, unit_path, unit_code, unit_name, year, format,
            people_status, state, progress, done, total, count, file_key, files_expire_at, finished_at)
     VALUES ($1, 'people_export', $2, $3, $4, $5, $6, 'csv', 'all', 'completed', 100, 0, 0, 0, $7,
             now() + interval '7 days', now())`,
    [id, u.id, u.path, u.code, u.name, thisYear(), fileKey],
  );
  return peopleExportJobId(id);
}

const PEOPLE_EXPORT_FOLLOW = {
  learner: 403,
  trainer: 403,
  hr: inScope(200),
  sysadmin: 200,
} as const;

/** The yearly cycle: requirements, recorded training, people reports. */
export const TRAINING_RULES: RuleTable = {
  // hr names a unit of its subtree; one outside it is a write not allowed (403).
  'POST /api/requirements': {
    learner: 403,
    trainer: 403,
    hr: [201, 403],
    sysadmin: 201,
    request: (c) => ({
      body: {
        year: thisYear(),
        orgUnitId: c.side.commune.id,
        dxRoles: ['full_time'],
        hours: 4,
        dueDate: `${thisYear()}-12-31`,
      },
    }),
  },
  'GET /api/requirements': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id, year: thisYear() } }),
  },
  'PATCH /api/requirements/{id}': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({ params: { id: await requirementOf(c) }, body: { hours: 6 } }),
  },
  'DELETE /api/requirements/{id}': {
    learner: 403,
    trainer: 403,
    hr: inScope(204),
    sysadmin: 204,
    request: async (c) => ({ params: { id: await requirementOf(c) } }),
  },
  'GET /api/me/requirements': { unscoped: true, ...everyone(200) },
  // One's own records only: nothing in the request names a person.
  'GET /api/me/training-records': { unscoped: true, ...everyone(200) },
  // The evidence of a record of one's own: the learner's inside; nobody else's, HR's and
  // sysadmins' included (they use /api/training-records/{id}/evidence), is even seen (404).
  'GET /api/me/training-records/{id}/evidence': {
    learner: inScope(200),
    trainer: 404,
    hr: 404,
    sysadmin: 404,
    request: async (c) => ({ params: { id: await recordWithEvidenceOf(c) } }),
  },

  // The person is the inside or outside province's learner: outside is not visible (404).
  'POST /api/training-records': {
    learner: 403,
    trainer: 403,
    hr: inScope(201),
    sysadmin: 201,
    request: (c) => ({ body: { userId: c.side.learner.id, ...RECORD } }),
  },
  'GET /api/training-records': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { userId: c.side.learner.id } }),
  },
  'PATCH /api/training-records/{id}': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({ params: { id: await recordOf(c) }, body: { hours: 3 } }),
  },
  'DELETE /api/training-records/{id}': {
    learner: 403,
    trainer: 403,
    hr: inScope(204),
    sysadmin: 204,
    request: async (c) => ({ params: { id: await recordOf(c) } }),
  },
  // Its evidence file: whoever may see the record; another province's is not visible (404).
  'PUT /api/training-records/{id}/evidence': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({
      params: { id: await recordWithEvidenceOf(c) },
      file: {
        field: 'file',
        content: EVIDENCE_PDF,
        filename: 'minh-chung.pdf',
        contentType: 'application/pdf',
      },
    }),
  },
  'GET /api/training-records/{id}/evidence': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: async (c) => ({ params: { id: await recordWithEvidenceOf(c) } }),
  },
  'DELETE /api/training-records/{id}/evidence': {
    learner: 403,
    trainer: 403,
    hr: inScope(204),
    sysadmin: 204,
    request: async (c) => ({ params: { id: await recordWithEvidenceOf(c) } }),
  },

  'GET /api/reports/people': {
    learner: 403,
    trainer: 403,
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id, status: 'untrained' } }),
  },
  // The same list as a file made by the worker: asked, followed and downloaded like the list.
  'POST /api/reports/people/exports': {
    learner: 403,
    trainer: 403,
    hr: inScope(202),
    sysadmin: 202,
    request: (c) => ({ body: { orgUnitId: c.side.unit.id, status: 'untrained', format: 'csv' } }),
  },
  'GET /api/reports/people/exports/{jobId}': {
    ...PEOPLE_EXPORT_FOLLOW,
    request: async (c) => ({ params: { jobId: await completedPeopleExport(c) } }),
  },
  'GET /api/reports/people/exports/{jobId}/file': {
    ...PEOPLE_EXPORT_FOLLOW,
    request: async (c) => ({ params: { jobId: await completedPeopleExport(c) } }),
  },
};
