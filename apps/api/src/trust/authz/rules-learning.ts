import { kidOf, publicKeyMultibaseOf } from '@dx/certificates';
import { SigningKeyEntity } from '@dx/db';
import { generateKeyPairSync } from 'node:crypto';
import { everyone, inScope, RuleTable } from './rule';

/** A valid 1×1 PNG, for the seal upload. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Only the person enrolled (or owning the attempt) sees it; everyone else gets 404. */
const ownOnly = { learner: inScope(200), trainer: 404, hr: 404, sysadmin: 404 } as const;

/** Learning, quizzes and certificates. */
export const LEARNING_RULES: RuleTable = {
  'POST /api/courses/{id}/enroll': {
    above: { learner: 201, trainer: 201, hr: 201, sysadmin: 201 },
    ...everyone(inScope(201)),
    sysadmin: 201,
    request: async (c) => ({ params: { id: (await c.w.fresh.course(c.side)).course.id } }),
  },
  'GET /api/me/enrollments': { unscoped: true, ...everyone(200) },
  'GET /api/me/enrollments/{courseId}/progress': {
    ...ownOnly,
    request: (c) => ({ params: { courseId: c.side.course.course.id } }),
  },
  'GET /api/lessons/{id}': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.course.lessons[0].id } }),
  },
  'POST /api/lessons/{id}/complete': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.course.lessons[0].id } }),
  },
  // Enrolled learners, and trainers of the course's scope (to check what they attached).
  'GET /api/lessons/{id}/file': {
    learner: inScope(200),
    trainer: inScope(200),
    hr: 404,
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.fileLessonId } }),
  },
  'GET /api/quizzes/{id}': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.course.quizzes[0].quiz.id } }),
  },
  // The inside learner's attempt is open already: it comes back (200), none is added.
  'POST /api/quizzes/{id}/attempts': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.course.quizzes[0].quiz.id } }),
  },
  'GET /api/quizzes/{id}/attempts': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.course.quizzes[0].quiz.id } }),
  },
  'GET /api/attempts/{id}': {
    ...ownOnly,
    request: (c) => ({ params: { id: c.side.attemptId } }),
  },
  'PUT /api/attempts/{id}/answers': {
    ...ownOnly,
    learner: inScope(204),
    request: (c) => ({ params: { id: c.side.attemptId }, body: { answers: [] } }),
  },
  'POST /api/attempts/{id}/submit': {
    ...ownOnly,
    request: async (c) => {
      const { attemptId, questionIds } = await c.w.fresh.attempt(c.side);
      return {
        params: { id: attemptId },
        body: { answers: questionIds.map((questionId) => ({ questionId, optionIds: [] })) },
      };
    },
  },

  'GET /api/me/certificates': { unscoped: true, ...everyone(200) },
  'GET /api/certificates': {
    learner: 403,
    trainer: inScope(200),
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ query: { orgUnitId: c.side.unit.id } }),
  },
  // The holder, trainers of the issuing unit's scope, hr of the holder's: see it.
  'GET /api/certificates/{id}': {
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.certificate.id } }),
  },
  'GET /api/certificates/{id}/pdf': {
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.certificate.id } }),
  },
  // Of those who see it, only the issuing unit's trainers act.
  'POST /api/certificates/{id}/revoke': {
    learner: [403, 404],
    trainer: inScope(200),
    hr: [403, 404],
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.certificate(c.side)).id },
      body: { reason: 'issuer_error', note: 'Cấp nhầm' },
    }),
  },
  'POST /api/certificates/{id}/reissue': {
    learner: [403, 404],
    trainer: inScope(200),
    hr: [403, 404],
    sysadmin: 200,
    request: async (c) => ({
      params: { id: (await c.w.fresh.certificate(c.side)).id },
      body: { reason: 'lost' },
    }),
  },
  'GET /api/public/certificates/{serial}': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    request: (c) => ({ params: { serial: c.side.certificate.serial as string } }),
  },
  'GET /api/public/certificates/{serial}/credential': {
    unscoped: true,
    anonymous: 200,
    ...everyone(200),
    // The credential names the holder: it takes the code of the QR code.
    request: (c) => ({
      params: { serial: c.side.certificate.serial as string },
      query: { c: c.side.certificate.verifyCode as string },
    }),
  },
  // Exports of what a unit's subtree issued: its trainers and hr, and sysadmins.
  'POST /api/certificates/exports': {
    learner: 403,
    trainer: inScope(202),
    hr: inScope(202),
    sysadmin: 202,
    request: (c) => ({
      body: { orgUnitId: c.side.unit.id, year: new Date().getUTCFullYear() - 1, format: 'xlsx' },
    }),
  },
  'GET /api/certificates/exports/{jobId}': {
    learner: 403,
    trainer: inScope(200),
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { jobId: c.side.certificateExportJobId } }),
  },
  'GET /api/certificates/exports/{jobId}/file': {
    learner: 403,
    trainer: inScope(200),
    hr: inScope(200),
    sysadmin: 200,
    request: (c) => ({ params: { jobId: c.side.certificateExportJobId } }),
  },
  // How a unit signs its certificates: the sysadmin's alone.
  'GET /api/certificates/issuers/{orgUnitId}': {
    ...everyone(403),
    sysadmin: 200,
    request: (c) => ({ params: { orgUnitId: c.side.unit.id } }),
  },
  'PUT /api/certificates/issuers/{orgUnitId}': {
    ...everyone(403),
    sysadmin: 200,
    request: (c) => ({
      params: { orgUnitId: c.side.unit.id },
      body: {
        bodyName: c.side.unit.name,
        parentBodyName: 'Ủy ban nhân dân',
        signerTitle: 'GIÁM ĐỐC',
        signerName: 'Nguyễn Văn An',
        place: 'Hà Nội',
      },
    }),
  },
  'PUT /api/certificates/issuers/{orgUnitId}/seal': {
    ...everyone(403),
    sysadmin: 200,
    request: (c) => ({
      params: { orgUnitId: c.side.unit.id },
      file: { field: 'file', content: ONE_PIXEL_PNG, filename: 'dau.png', contentType: 'image/png' },
    }),
  },
  'DELETE /api/certificates/issuers/{orgUnitId}/seal': {
    ...everyone(403),
    sysadmin: 204,
    request: (c) => ({ params: { orgUnitId: c.side.unit.id } }),
  },
  'GET /api/public/keys': { unscoped: true, anonymous: 200, ...everyone(200) },
  'GET /api/public/did.json': { unscoped: true, anonymous: 200, ...everyone(200) },
  'GET /api/public/status/revocation': { unscoped: true, anonymous: 200, ...everyone(200) },
  // The key ring is the sysadmin's alone. Rotating keeps earlier certificates valid, so the
  // matrix may rotate on the shared database.
  'POST /api/certificates/keys/rotate': { unscoped: true, ...everyone(403), sysadmin: 201 },
  'POST /api/certificates/keys/{kid}/compromised': {
    unscoped: true,
    ...everyone(403),
    sysadmin: 200,
    // A retired key made for the check: it signed nothing, and the active key is not touched.
    request: async (c) => {
      const { publicKey } = generateKeyPairSync('ed25519');
      const key = {
        kid: kidOf(publicKey),
        publicKeyMultibase: await publicKeyMultibaseOf(publicKey),
        source: 'generated' as const,
        validFrom: new Date(Date.now() - 60_000),
        validTo: new Date(),
      };
      await c.w.t.db.getRepository(SigningKeyEntity).insert(key);
      return {
        params: { kid: key.kid },
        body: { from: '2999-01-01T00:00:00Z', note: 'Kiểm tra phân quyền' },
      };
    },
  },
};
