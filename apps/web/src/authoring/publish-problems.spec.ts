import type { CourseDraft } from '@dx/contracts';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { publishProblems } from './publish-problems';

const draft = {
  modules: [{ id: 'm1', title: 'Chương 1', position: 1, lessons: [{ id: 'l1', title: 'Bài 1' }] }],
  quizzes: [{ id: 'z1', title: 'Kiểm tra cuối khóa' }],
} as unknown as CourseDraft;

describe('publishProblems', () => {
  it('keys each reason by its code and names the item with the title shown on the page', () => {
    const problems = publishProblems(
      [
        { field: 'lessons', message: 'x', code: 'publish_no_lesson' },
        {
          field: 'modules.m1',
          message: 'x',
          code: 'publish_empty_module',
          params: { title: 'Cũ' },
        },
        { field: 'lessons.l1.content', message: 'x', code: 'publish_text_no_content' },
        { field: 'lessons.l1.file', message: 'x', code: 'publish_file_missing' },
        { field: 'lessons.l1.videoUrl', message: 'x', code: 'publish_video_no_url' },
        {
          field: 'quizzes.z1.questions',
          message: 'x',
          code: 'publish_quiz_too_few_questions',
          params: { title: 'Kiểm tra', count: 2, perAttempt: 5 },
        },
      ],
      draft,
    );
    expect(problems).toEqual([
      { key: 'apiErrors.fields.publish_no_lesson', values: {} },
      { key: 'apiErrors.fields.publish_empty_module', values: { title: 'Chương 1' } },
      { key: 'apiErrors.fields.publish_text_no_content', values: { title: 'Bài 1' } },
      { key: 'apiErrors.fields.publish_file_missing', values: { title: 'Bài 1' } },
      { key: 'apiErrors.fields.publish_video_no_url', values: { title: 'Bài 1' } },
      {
        key: 'apiErrors.fields.publish_quiz_too_few_questions',
        values: { title: 'Kiểm tra cuối khóa', count: 2, perAttempt: 5 },
      },
    ]);
  });

  it('uses the API title for an item the page does not know, and any other code as is', () => {
    const [gone, other] = publishProblems(
      [
        {
          field: 'modules.zz',
          message: 'x',
          code: 'publish_empty_module',
          params: { title: 'Cũ' },
        },
        { field: 'hours', message: 'too many', code: 'max' },
      ],
      undefined,
    );
    expect(gone).toEqual({ key: 'apiErrors.fields.publish_empty_module', values: { title: 'Cũ' } });
    expect(other).toEqual({ key: 'apiErrors.fields.max', values: {} });
  });

  it('has a sentence for every publish code, in both languages, naming the item', () => {
    const codes = Object.keys(vi.apiErrors.fields).filter((c) => c.startsWith('publish_'));
    expect(codes.length).toBeGreaterThanOrEqual(7);
    for (const c of codes.filter((c) => c !== 'publish_no_lesson')) {
      expect(vi.apiErrors.fields[c as keyof typeof vi.apiErrors.fields]).toContain('{{title}}');
      expect(en.apiErrors.fields[c as keyof typeof en.apiErrors.fields]).toContain('{{title}}');
    }
  });
});
