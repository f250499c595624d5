import { randomUUID } from 'node:crypto';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse, newCode, SAMPLE_FILES, sampleQuestion } from './courses.fixtures';
import { detectLessonFileType, displayFileName } from './lesson-file-type';

describe('course input validation', () => {
  let t: TestApp;
  let trainer: string;
  let course: Awaited<ReturnType<typeof authorCourse>>;

  beforeAll(async () => {
    t = await createTestApp();
    const { a } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    course = await authorCourse(t, trainer, { publish: false });
  });
  afterAll(() => t.close());

  /** Sends each body and expects a 400 naming the field. */
  async function refuses(method: 'post' | 'patch', url: string, cases: [object, string][]) {
    for (const [body, field] of cases) {
      const res = await t.http[method](url).set('Authorization', trainer).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  }

  it('POST /api/courses: code, title, hours, owner', async () => {
    const ok = { code: newCode(), title: 'Khóa học hợp lệ', hours: 4 };
    await refuses('post', '/api/courses', [
      [{ ...ok, code: 'có dấu' }, 'code'],
      [{ ...ok, code: '' }, 'code'],
      [{ ...ok, title: ' ' }, 'title'],
      [{ ...ok, hours: 0 }, 'hours'],
      [{ ...ok, hours: -1 }, 'hours'],
      [{ ...ok, hours: 1000.5 }, 'hours'],
      [{ ...ok, hours: 1.234 }, 'hours'],
      [{ ...ok, hours: '4' }, 'hours'],
      [{ ...ok, description: null }, 'description'],
      [{ ...ok, ownerOrgUnitId: 'x' }, 'ownerOrgUnitId'],
      [{ ...ok, ownerOrgUnitId: randomUUID() }, 'ownerOrgUnitId'],
      [{ ...ok, status: 'published' }, 'status'],
    ]);
    await t.http
      .post('/api/courses')
      .set('Authorization', trainer)
      .send({ ...ok, hours: 1000 })
      .expect(201);
    const taken = await t.http
      .post('/api/courses')
      .set('Authorization', trainer)
      .send({ ...ok, code: ok.code.toLowerCase() })
      .expect(409);
    expect(taken.body.errors).toEqual([
      { field: 'code', code: 'already_used', message: 'already used' },
    ]);
  });

  it('PATCH /api/courses/:id', async () => {
    await refuses('patch', `/api/courses/${course.id}`, [
      [{ title: null }, 'title'],
      [{ hours: 0 }, 'hours'],
      [{ code: 'NEW' }, 'code'],
    ]);
  });

  it('POST /api/courses/:id/modules and PATCH /api/modules/:id', async () => {
    await refuses('post', `/api/courses/${course.id}/modules`, [
      [{}, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(256) }, 'title'],
    ]);
    await refuses('patch', `/api/modules/${course.moduleIds[0]}`, [
      [{ position: 0 }, 'position'],
      [{ position: 1.5 }, 'position'],
    ]);
    await t.http
      .patch('/api/modules/123')
      .set('Authorization', trainer)
      .send({ title: 'A' })
      .expect(400);
    await t.http
      .patch(`/api/modules/${randomUUID()}`)
      .set('Authorization', trainer)
      .send({ title: 'A' })
      .expect(404);
  });

  it('POST /api/modules/:id/lessons and PATCH /api/lessons/:id: what each kind needs', async () => {
    const url = `/api/modules/${course.moduleIds[0]}/lessons`;
    const ok = { title: 'Bài học', kind: 'text', content: 'Nội dung', durationMinutes: 10 };
    await refuses('post', url, [
      [{ ...ok, kind: 'audio' }, 'kind'],
      [{ ...ok, content: undefined }, 'content'],
      [{ ...ok, content: '   ' }, 'content'],
      [{ ...ok, content: 'ạ'.repeat(70_000) }, 'content'], // 210 KB in UTF-8
      [{ ...ok, kind: 'video', content: undefined }, 'videoUrl'],
      [{ ...ok, kind: 'video', videoUrl: 'http://video.example.vn/a.mp4' }, 'videoUrl'],
      [{ ...ok, kind: 'video', videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
      [{ ...ok, videoUrl: 'https://video.example.vn/a.mp4' }, 'videoUrl'],
      [{ ...ok, durationMinutes: -1 }, 'durationMinutes'],
      [{ ...ok, durationMinutes: undefined }, 'durationMinutes'],
    ]);
    await refuses('patch', `/api/lessons/${course.lessonIds[0]}`, [
      [{ content: null }, 'content'],
      [{ kind: 'video' }, 'videoUrl'],
      [{ title: '' }, 'title'],
    ]);
    await t.http
      .patch(`/api/lessons/${course.lessonIds[0]}`)
      .set('Authorization', trainer)
      .send({ kind: 'video', videoUrl: 'https://www.youtube.com/watch?v=abc' })
      .expect(200);
  });

  it('POST /api/courses/:id/quizzes and PATCH /api/quizzes/:id', async () => {
    const url = `/api/courses/${course.id}/quizzes`;
    const ok = { title: 'Ôn tập', kind: 'practice' };
    await refuses('post', url, [
      [{ ...ok, kind: 'exam' }, 'kind'],
      [{ ...ok, passingScore: 101 }, 'passingScore'],
      [{ ...ok, passingScore: -1 }, 'passingScore'],
      [{ ...ok, timeLimitSeconds: 0 }, 'timeLimitSeconds'],
      [{ ...ok, maxAttempts: 0 }, 'maxAttempts'],
      [{ ...ok, questionsPerAttempt: 0 }, 'questionsPerAttempt'],
      [{ ...ok, shuffle: 'yes' }, 'shuffle'],
      [{ ...ok, moduleId: 'abc' }, 'moduleId'],
      [{ ...ok, moduleId: randomUUID() }, 'moduleId'],
    ]);
    await refuses('patch', `/api/quizzes/${course.quizId}`, [
      [{ passingScore: null }, 'passingScore'],
      [{ kind: null }, 'kind'],
    ]);
    const other = await authorCourse(t, trainer, { publish: false });
    await refuses('post', url, [[{ ...ok, moduleId: other.moduleIds[0] }, 'moduleId']]);
    const practice = (await t.http.post(url).set('Authorization', trainer).send(ok).expect(201))
      .body.id;
    await t.http
      .patch(`/api/quizzes/${practice}`)
      .set('Authorization', trainer)
      .send({ kind: 'final' })
      .expect(409);
  });

  it('POST /api/quizzes/:id/questions: options fit the question type', async () => {
    const url = `/api/quizzes/${course.quizId}/questions`;
    const q = sampleQuestion();
    const opt = (text: string, correct: boolean) => ({ text, correct });
    await refuses('post', url, [
      [{ ...q, type: 'essay' }, 'type'],
      [{ ...q, text: '  ' }, 'text'],
      [{ ...q, options: [opt('Một', true)] }, 'options'],
      [
        { ...q, options: Array.from({ length: 11 }, (_, i) => opt(`Phương án ${i}`, i === 0)) },
        'options',
      ],
      [{ ...q, options: [opt('A', true), opt('B', true)] }, 'options'],
      [{ ...q, options: [opt('A', false), opt('B', false)] }, 'options'],
      [{ ...q, type: 'multiple', options: [opt('A', false), opt('B', false)] }, 'options'],
      [
        {
          ...q,
          type: 'true_false',
          options: [opt('Đúng', true), opt('Sai', false), opt('Không rõ', false)],
        },
        'options',
      ],
      [{ ...q, options: [opt(' ', true), opt('B', false)] }, 'options.0.text'],
      [{ ...q, options: [{ text: 'A' }, opt('B', true)] }, 'options.0.correct'],
      [{ ...q, options: 'A,B' }, 'options'],
    ]);
    const multiple = {
      ...q,
      type: 'multiple',
      options: [opt('A', true), opt('B', true), opt('C', false)],
    };
    await t.http.post(url).set('Authorization', trainer).send(multiple).expect(201);
  });

  it('POST /api/lessons/:id/file: judged by content, never by name or declared type', async () => {
    const lesson = (
      await t.http
        .post(`/api/modules/${course.moduleIds[0]}/lessons`)
        .set('Authorization', trainer)
        .send({ title: 'Tài liệu', kind: 'file', durationMinutes: 5 })
        .expect(201)
    ).body.id;
    const upload = (file: Buffer, name: string, contentType = 'application/pdf') =>
      t.http
        .post(`/api/lessons/${lesson}/file`)
        .set('Authorization', trainer)
        .attach('file', file, { filename: name, contentType });
    const png = await upload(SAMPLE_FILES.png, 'bai-giang.pdf').expect(400);
    expect(png.body.errors).toEqual([
      {
        field: 'file',
        code: 'file_rejected',
        message: expect.stringContaining('recognised by content'),
      },
    ]);
    await upload(SAMPLE_FILES.plainZip, 'bai-giang.docx').expect(400);
    await upload(Buffer.alloc(0), 'trong.pdf').expect(400);
    await t.http
      .post(`/api/lessons/${lesson}/file`)
      .set('Authorization', trainer)
      .field('x', 'y')
      .expect(400);
    const big = Buffer.concat([SAMPLE_FILES.pdf, Buffer.alloc(20 * 1024 * 1024)]);
    await upload(big, 'lon.pdf').expect(400);
    const mp4 = await upload(SAMPLE_FILES.mp4, 'video', 'text/plain').expect(200);
    expect(mp4.body).toMatchObject({ fileName: 'video.mp4', fileMime: 'video/mp4' });
    // A text lesson takes no file.
    await t.http
      .post(`/api/lessons/${course.lessonIds[1]}/file`)
      .set('Authorization', trainer)
      .attach('file', SAMPLE_FILES.pdf, 'a.pdf')
      .expect(409);
  });

  it('recognises each accepted type by its bytes and keeps names harmless', async () => {
    expect((await detectLessonFileType(SAMPLE_FILES.pdf))?.type).toBe('pdf');
    expect((await detectLessonFileType(SAMPLE_FILES.docx))?.type).toBe('docx');
    expect((await detectLessonFileType(SAMPLE_FILES.pptx))?.type).toBe('pptx');
    expect((await detectLessonFileType(SAMPLE_FILES.mp4))?.type).toBe('mp4');
    const { Workbook } = await import('exceljs');
    const book = new Workbook();
    book.addWorksheet('Trang 1').addRow(['Họ tên']);
    expect((await detectLessonFileType(Buffer.from(await book.xlsx.writeBuffer())))?.type).toBe(
      'xlsx',
    );
    expect(await detectLessonFileType(SAMPLE_FILES.png)).toBeNull();
    expect(await detectLessonFileType(SAMPLE_FILES.plainZip)).toBeNull();
    expect(await detectLessonFileType(Buffer.from('PK\x03\x04 broken', 'latin1'))).toBeNull();
    const pdf = await detectLessonFileType(SAMPLE_FILES.pdf);
    if (!pdf) throw new Error('a PDF was not recognised');
    expect(displayFileName('C:\\Users\\x\\Báo cáo.PDF', pdf)).toBe('Báo cáo.PDF');
    expect(displayFileName('../../slides.docx', pdf)).toBe('slides.docx.pdf');
    expect(displayFileName(undefined, pdf)).toBe('tai-lieu.pdf');
  });
});
