import type { CourseDraft } from '@dx/contracts';
import { publishProblems } from './publish-problems';

const draft = {
  modules: [{ id: 'm1', title: 'Chương 1', position: 1, lessons: [{ id: 'l1', title: 'Bài 1' }] }],
  quizzes: [{ id: 'z1', title: 'Kiểm tra cuối khóa' }],
} as unknown as CourseDraft;

describe('publishProblems', () => {
  it('names the module, lesson or quiz each reason is about', () => {
    const problems = publishProblems(
      [
        { field: 'lessons', message: 'The course has no lesson' },
        { field: 'modules.m1', message: 'Module "Chương 1" has no lesson' },
        { field: 'lessons.l1.content', message: 'x' },
        { field: 'lessons.l1.file', message: 'x' },
        { field: 'lessons.l1.videoUrl', message: 'x' },
        { field: 'quizzes.z1.questions', message: 'x' },
      ],
      draft,
    );
    expect(problems.map((p) => [p.key, p.values.title])).toEqual([
      ['authoring.problems.noLesson', ''],
      ['authoring.problems.emptyModule', 'Chương 1'],
      ['authoring.problems.textContent', 'Bài 1'],
      ['authoring.problems.file', 'Bài 1'],
      ['authoring.problems.videoUrl', 'Bài 1'],
      ['authoring.problems.quizQuestions', 'Kiểm tra cuối khóa'],
    ]);
  });

  it('keeps the API message for reasons it does not know, and reads quoted titles', () => {
    const [p] = publishProblems(
      [{ field: 'modules.zz', message: 'Module "Cũ" has no lesson' }],
      undefined,
    );
    expect(p.values.title).toBe('Cũ');
    expect(publishProblems([{ field: 'hours', message: 'too many' }], draft)[0]).toEqual({
      key: 'authoring.problems.other',
      values: { title: '', message: 'too many' },
    });
  });
});
