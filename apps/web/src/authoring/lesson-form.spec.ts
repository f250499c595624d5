import { ApiError } from '../api/api-error';
import { allOnFields, lessonFieldTexts, lessonFormErrors, type LessonBody } from './lesson-form';

const body = (patch: Partial<LessonBody>): LessonBody => ({
  title: 'Bài 1',
  kind: 'text',
  duration: '10',
  content: '# Nội dung',
  videoUrl: '',
  ...patch,
});

describe('lessonFormErrors', () => {
  it('accepts a complete reading lesson and a video lesson with an https URL', () => {
    expect(lessonFormErrors(body({}))).toEqual({});
    expect(
      lessonFormErrors(body({ kind: 'video', content: '', videoUrl: 'https://youtu.be/abc' })),
    ).toEqual({});
  });

  it('asks a reading lesson for content and a video lesson for an https URL', () => {
    expect(lessonFormErrors(body({ content: '   ' }))).toEqual({ content: 'contentRequired' });
    expect(lessonFormErrors(body({ kind: 'video', videoUrl: '' }))).toEqual({
      videoUrl: 'videoUrlRequired',
    });
    expect(lessonFormErrors(body({ kind: 'video', videoUrl: 'http://example.vn/v' }))).toEqual({
      videoUrl: 'videoUrlHttps',
    });
  });

  it('checks title, duration and, when asked, the file of a document lesson', () => {
    expect(lessonFormErrors(body({ title: ' ', duration: '-1' }))).toEqual({
      title: 'titleRequired',
      durationMinutes: 'duration',
    });
    expect(lessonFormErrors(body({ kind: 'file' }), { requireFile: true })).toEqual({
      file: 'fileRequired',
    });
    const big = { size: 21 * 1024 * 1024 } as File;
    expect(lessonFormErrors(body({ kind: 'file', file: big }))).toEqual({ file: 'fileTooBig' });
  });
});

describe('texts under the lesson fields', () => {
  const translate = (key: string) => `«${key}»`;

  it("shows the form's own finding over the server's, and the server's where the form found nothing", () => {
    const server = { content: 'Bài đọc cần nội dung', position: 'không dùng ở đây' };
    expect(lessonFieldTexts(server, { title: 'titleRequired' }, translate)).toEqual({
      title: '«authoring.lessonErrors.titleRequired»',
      content: 'Bài đọc cần nội dung',
    });
    expect(lessonFieldTexts(server, { content: 'contentRequired' }, translate)).toEqual({
      content: '«authoring.lessonErrors.contentRequired»',
    });
  });

  it('says when every field error of a refusal has its place beside a field', () => {
    const onFields = new ApiError({
      statusCode: 400,
      code: 'invalid_input',
      message: 'Invalid input: content',
      errors: [{ field: 'content', code: 'invalid', message: 'a text lesson needs content' }],
    });
    expect(allOnFields(onFields)).toBe(true);
    const elsewhere = new ApiError({
      statusCode: 400,
      code: 'invalid_input',
      message: 'x',
      errors: [{ field: 'position', code: 'invalid', message: 'y' }],
    });
    expect(allOnFields(elsewhere)).toBe(false);
    expect(allOnFields(new ApiError({ statusCode: 409, code: 'conflict', message: 'x' }))).toBe(
      false,
    );
  });
});
