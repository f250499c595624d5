import { randomSuffix } from '@dx/db/testing';
import { CheckContext, everyone, inScope, RuleTable } from './rule';

const code = () => `KH-${randomSuffix().toUpperCase()}`;

/** Trainers' writes: 403 for roles that never author, 404 where the course is not seen. */
const authoring = (ok: 200 | 201 | 204) =>
  ({ learner: 403, trainer: inScope(ok), hr: 403, sysadmin: ok }) as const;

const sharedDraft = (c: CheckContext) => c.side.draft;

/** Writing the shared draft only adds or renames; removals and publishing use fresh drafts. */
export const COURSE_RULES: RuleTable = {
  'POST /api/courses': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 201 },
    learner: 403,
    trainer: [201, 403],
    hr: 403,
    sysadmin: 201,
    request: (c) => ({
      body: {
        code: code(),
        title: 'Kỹ năng số nâng cao',
        hours: 4,
        ownerOrgUnitId: c.side.unit.id,
      },
    }),
  },
  'GET /api/courses': {
    unscoped: true,
    ...everyone(200),
    request: () => ({ query: { q: 'chuyen doi so' } }),
  },
  'GET /api/courses/authoring': {
    unscoped: true,
    learner: 403,
    trainer: 200,
    hr: 403,
    sysadmin: 200,
  },
  'POST /api/courses/markdown-preview': {
    unscoped: true,
    learner: 403,
    trainer: 200,
    hr: 403,
    sysadmin: 200,
    request: () => ({ body: { content: '# Xem trước\n\n**Nội dung**' } }),
  },
  'GET /api/courses/{id}': {
    above: { learner: 200, trainer: 200, hr: 200, sysadmin: 200 },
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.course.course.id } }),
  },
  'GET /api/courses/{id}/draft': {
    above: { learner: 404, trainer: 404, hr: 404, sysadmin: 200 },
    learner: 404,
    trainer: inScope(200),
    hr: 404,
    sysadmin: 200,
    request: (c) => ({ params: { id: sharedDraft(c).course.id } }),
  },
  'PATCH /api/courses/{id}': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: async (c) => ({
      params: { id: (await c.w.fresh.course(c.side)).course.id },
      body: { title: 'Chuyển đổi số — bản sửa' },
    }),
  },
  'POST /api/courses/{id}/publish': {
    above: { learner: 403, trainer: 404, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: async (c) => ({ params: { id: (await c.w.fresh.draft(c.side)).course.id } }),
  },
  // A published course with no draft: discarding is then a no-op (204) for whoever may edit.
  'DELETE /api/courses/{id}/draft': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 204 },
    ...authoring(204),
    request: async (c) => ({ params: { id: (await c.w.fresh.course(c.side)).course.id } }),
  },
  'POST /api/courses/{id}/archive': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: async (c) => ({ params: { id: (await c.w.fresh.course(c.side)).course.id } }),
  },
  'POST /api/courses/{id}/modules': {
    above: { learner: 403, trainer: 404, hr: 403, sysadmin: 201 },
    ...authoring(201),
    request: (c) => ({ params: { id: sharedDraft(c).course.id }, body: { title: 'Chương mới' } }),
  },
  'POST /api/courses/{id}/quizzes': {
    ...authoring(201),
    request: (c) => ({
      params: { id: sharedDraft(c).course.id },
      body: { title: 'Bài tự kiểm tra', kind: 'practice' },
    }),
  },

  'PATCH /api/modules/{id}': {
    ...authoring(200),
    request: (c) => ({
      params: { id: sharedDraft(c).modules[0].id },
      body: { title: 'Chương 1 (sửa)' },
    }),
  },
  'DELETE /api/modules/{id}': {
    ...authoring(204),
    request: async (c) => ({ params: { id: (await c.w.fresh.draft(c.side)).modules[0].id } }),
  },
  'POST /api/modules/{id}/lessons': {
    ...authoring(201),
    request: (c) => ({
      params: { id: sharedDraft(c).modules[0].id },
      body: {
        title: 'Bài mới',
        kind: 'text',
        content: '# Bài mới\n\nNội dung.',
        durationMinutes: 5,
      },
    }),
  },
  'PATCH /api/lessons/{id}': {
    ...authoring(200),
    request: (c) => ({
      params: { id: sharedDraft(c).lessons[0].id },
      body: { title: 'Bài 1 (sửa)' },
    }),
  },
  'DELETE /api/lessons/{id}': {
    ...authoring(204),
    request: async (c) => ({ params: { id: (await c.w.fresh.draft(c.side)).lessons[0].id } }),
  },
  'POST /api/lessons/{id}/file': {
    ...authoring(200),
    request: async (c) => {
      const draft = await c.w.fresh.draft(c.side);
      const lessonId = draft.lessons[0].id;
      await c.w.t.db.query(`UPDATE lesson SET kind = 'file', content = NULL WHERE id = $1`, [
        lessonId,
      ]);
      return {
        params: { id: lessonId },
        file: {
          field: 'file',
          content: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
          filename: 'Hướng dẫn.pdf',
          contentType: 'application/pdf',
        },
      };
    },
  },
  'PATCH /api/quizzes/{id}': {
    ...authoring(200),
    request: (c) => ({
      params: { id: sharedDraft(c).quizzes[0].quiz.id },
      body: { title: 'Ôn tập' },
    }),
  },
  'DELETE /api/quizzes/{id}': {
    ...authoring(204),
    request: async (c) => ({ params: { id: (await c.w.fresh.draft(c.side)).quizzes[0].quiz.id } }),
  },
  'POST /api/quizzes/{id}/questions': {
    ...authoring(201),
    request: (c) => ({
      params: { id: sharedDraft(c).quizzes[0].quiz.id },
      body: {
        type: 'single',
        text: 'Chính phủ số là gì?',
        options: [
          { text: 'Chính phủ vận hành trên dữ liệu số', correct: true },
          { text: 'Một phần mềm', correct: false },
        ],
      },
    }),
  },
  'PATCH /api/questions/{id}': {
    ...authoring(200),
    request: (c) => ({
      params: { id: sharedDraft(c).quizzes[0].questions[0].question.id },
      body: {
        type: 'true_false',
        text: 'Dữ liệu số là tài nguyên?',
        options: [
          { text: 'Đúng', correct: true },
          { text: 'Sai', correct: false },
        ],
      },
    }),
  },
  'DELETE /api/questions/{id}': {
    ...authoring(204),
    request: async (c) => ({
      params: { id: (await c.w.fresh.draft(c.side)).quizzes[0].questions[0].question.id },
    }),
  },

  'POST /api/curricula': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 201 },
    learner: 403,
    trainer: [201, 403],
    hr: 403,
    sysadmin: 201,
    request: (c) => ({
      body: {
        code: `CT-${randomSuffix().toUpperCase()}`,
        title: 'Chương trình bồi dưỡng cấp xã',
        hoursPerYear: 16,
        ownerOrgUnitId: c.side.unit.id,
        courseIds: [c.side.course.course.id],
      },
    }),
  },
  'GET /api/curricula': { unscoped: true, ...everyone(200) },
  'GET /api/me/curricula': { unscoped: true, ...everyone(200) },
  'GET /api/curricula/{id}': {
    above: { learner: 200, trainer: 200, hr: 200, sysadmin: 200 },
    ...everyone(inScope(200)),
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.curriculumId } }),
  },
  'PATCH /api/curricula/{id}': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: (c) => ({
      params: { id: c.side.curriculumId },
      body: { title: 'Chương trình (sửa)' },
    }),
  },
  'POST /api/curricula/{id}/publish': {
    above: { learner: 403, trainer: 404, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: async (c) => ({ params: { id: await c.w.fresh.curriculum(c.side, false) } }),
  },
  'POST /api/curricula/{id}/archive': {
    above: { learner: 403, trainer: 403, hr: 403, sysadmin: 200 },
    ...authoring(200),
    request: async (c) => ({ params: { id: await c.w.fresh.curriculum(c.side, true) } }),
  },
  // Adds one question (no externalId) to the shared draft, like POST …/questions.
  'POST /api/quizzes/{id}/questions/import': {
    ...authoring(200),
    request: (c) => ({
      params: { id: sharedDraft(c).quizzes[0].quiz.id },
      file: {
        field: 'file',
        content: Buffer.from(
          'Chính phủ số là gì? {=Chính phủ vận hành trên dữ liệu số ~Một phần mềm}',
        ),
        filename: 'cau-hoi.gift',
        contentType: 'text/plain',
      },
    }),
  },
  // Trainer analytics: read like the draft (404 outside the editors' scope).
  'GET /api/courses/{id}/analytics': {
    above: { learner: 404, trainer: 404, hr: 404, sysadmin: 200 },
    learner: 404,
    trainer: inScope(200),
    hr: 404,
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.course.course.id } }),
  },
  'GET /api/courses/{id}/analytics/export': {
    above: { learner: 404, trainer: 404, hr: 404, sysadmin: 200 },
    learner: 404,
    trainer: inScope(200),
    hr: 404,
    sysadmin: 200,
    request: (c) => ({ params: { id: c.side.course.course.id } }),
  },
};
