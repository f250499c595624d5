import { ApiError } from '../api/api-error';
import { allOnFields, lessonFormErrors, serverLessonErrors, type LessonBody } from './lesson-form';

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

describe('server errors on lesson fields', () => {
  const refusal = new ApiError({
    statusCode: 400,
    message: 'Invalid input: content',
    errors: [{ field: 'content', message: 'a text lesson needs content (markdown)' }],
  });

  it('puts the field named by the server under its own Vietnamese message key', () => {
    expect(serverLessonErrors(refusal)).toEqual({ content: 'contentRequired' });
    expect(allOnFields(refusal)).toBe(true);
  });

  it('leaves other answers to the form-level error', () => {
    const conflict = new ApiError({ statusCode: 409, message: 'x', errors: [] });
    expect(serverLessonErrors(conflict)).toEqual({});
    expect(allOnFields(conflict)).toBe(false);
    const unknown = new ApiError({
      statusCode: 400,
      message: 'x',
      errors: [{ field: 'position', message: 'y' }],
    });
    expect(allOnFields(unknown)).toBe(false);
  });
});
