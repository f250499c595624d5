import type { AuthoringQuestion } from '@dx/contracts';
import { createTestApp, TestApp } from '../test/test-app';
import { authorCourse } from '../courses/courses.fixtures';
import { FIRST_COLUMNS, questionSheet, uploadQuestionFile } from './question-import.fixtures';

const HEADER = [...FIRST_COLUMNS, 'correct', 'explanation'];

/** An XLSX of the template: the header, then the given rows. */
const xlsx = (rows: (string | number)[][], header = HEADER) => questionSheet(header, rows);

const GOOD_ROWS = [
  [
    'CDS-01',
    'single',
    'Ngày Chuyển đổi số quốc gia là ngày nào?',
    '2/9',
    '10/10',
    '1/6',
    '2',
    'Ngày 10/10.',
  ],
  [
    'CDS-02',
    'multiple',
    'Trụ cột của chuyển đổi số?',
    'Chính phủ số',
    'Kinh tế số',
    'Du lịch',
    '1, 2',
    '',
  ],
  [
    'CDS-03',
    'true_false',
    'Chữ ký số có giá trị pháp lý.',
    '',
    '',
    '',
    '1',
    'Theo Luật Giao dịch điện tử.',
  ],
];

describe('POST /api/quizzes/:id/questions/import', () => {
  let t: TestApp;
  let trainer: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { a } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
  });
  afterAll(() => t.close());

  const upload = (quizId: string, content: Buffer, filename: string) =>
    uploadQuestionFile(t, trainer, `/api/quizzes/${quizId}/questions/import`, content, filename);

  async function questionsOf(courseId: string, quizId: string): Promise<AuthoringQuestion[]> {
    const draft = await t.http
      .get(`/api/courses/${courseId}/draft`)
      .set('Authorization', trainer)
      .expect(200);
    return draft.body.quizzes.find((q: { id: string }) => q.id === quizId).questions;
  }

  it('imports the XLSX template, and re-importing it changes nothing but what changed', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const file = await xlsx(GOOD_ROWS);
    const first = await upload(course.quizId, file, 'ngan-hang.xlsx').expect(200);
    expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const questions = await questionsOf(course.id, course.quizId);
    expect(questions).toHaveLength(5);
    const [single, multiple, tf] = questions.slice(2);
    expect(single).toMatchObject({ type: 'single', explanation: 'Ngày 10/10.' });
    expect(single.options.map((o) => [o.text, o.correct])).toEqual([
      ['2/9', false],
      ['10/10', true],
      ['1/6', false],
    ]);
    expect(multiple.options.filter((o) => o.correct).map((o) => o.text)).toEqual([
      'Chính phủ số',
      'Kinh tế số',
    ]);
    expect(tf.options.map((o) => [o.text, o.correct])).toEqual([
      ['Đúng', true],
      ['Sai', false],
    ]);

    await upload(course.quizId, file, 'ngan-hang.xlsx').expect(200, {
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    const edited = GOOD_ROWS.map((r) => [...r]);
    edited[0][6] = '3';
    await upload(course.quizId, await xlsx(edited), 'ngan-hang.xlsx').expect(200, {
      created: 0,
      updated: 1,
      unchanged: 2,
    });
    const after = await questionsOf(course.id, course.quizId);
    expect(after).toHaveLength(5);
    expect(after[2].id).toBe(single.id);
    expect(after[2].options.find((o) => o.correct)?.text).toBe('1/6');
  });

  it('writes nothing when any row is bad, and names every bad row and column', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const bad = [
      GOOD_ROWS[0],
      ['X-2', 'single', 'Không có đáp án đúng?', 'A', 'B', '', '', ''],
      ['X-3', 'single', 'Đáp án trùng?', 'Có', ' có', 'Không', '1', ''],
      ['X-4', 'essay', 'Loại lạ?', 'A', 'B', '', '1', ''],
      ['CDS-01', 'single', 'Trùng mã?', 'A', 'B', '', '1', ''],
      ['X-6', 'single', 'Đáp án ngoài danh sách?', 'A', 'B', '', '5', ''],
    ];
    const res = await upload(course.quizId, await xlsx(bad), 'loi.xlsx').expect(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    // Each refusal has the code (and values) the web translates, never only English.
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'rows.3.correct', code: 'correct_missing' }),
        expect.objectContaining({
          field: 'rows.4.options',
          code: 'option_repeated',
          params: { option: 'có' },
        }),
        expect.objectContaining({ field: 'rows.5.type', code: 'is_in' }),
        expect.objectContaining({
          field: 'rows.6.externalId',
          code: 'repeated_in_file',
          params: { firstRow: 2 },
        }),
        expect.objectContaining({
          field: 'rows.7.correct',
          code: 'correct_out_of_range',
          params: { max: 2 },
        }),
      ]),
    );
    expect(fields.some((f: string) => f.startsWith('rows.2.'))).toBe(false);
    expect(res.body.message).toMatch(/^Nothing imported: fix row\(s\) 3, 4, 5, 6, 7$/);
    expect(await questionsOf(course.id, course.quizId)).toHaveLength(2);

    const wrongTemplate = await xlsx([['a', 'b']], ['username', 'fullName']);
    const refused = await upload(course.quizId, wrongTemplate, 'nguoi-dung.xlsx').expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'file',
        code: 'not_question_template',
        message: expect.stringMatching(/is not the question template/),
        params: { missing: 'type, text, option1…' },
      },
    ]);
    await upload(course.quizId, Buffer.from([0xff, 0xfe, 0, 0x41]), 'anh.png').expect(400);
  });

  it('imports Moodle GIFT: single, weighted multiple, true/false, titles and explanations', async () => {
    const course = await authorCourse(t, trainer, { publish: false });
    const gift = [
      '// Ngân hàng câu hỏi chuyển đổi số',
      '::G1:: Ngày Chuyển đổi số quốc gia? {=10/10 ~2/9 #Sai rồi ~1/6 ####Ngày 10/10 hằng năm.}',
      '',
      '::G2:: Trụ cột nào thuộc chuyển đổi số quốc gia? {',
      '  ~%50%Chính phủ số',
      '  ~%50%Kinh tế số',
      '  ~%-100%Du lịch vũ trụ',
      '}',
      '',
      '::G3:: Văn bản ký số hợp lệ có giá trị như bản giấy \\{gốc\\}. {TRUE}',
    ].join('\n');
    const res = await upload(course.quizId, Buffer.from(gift), 'ngan-hang.gift').expect(200);
    expect(res.body).toEqual({ created: 3, updated: 0, unchanged: 0 });
    const [g1, g2, g3] = (await questionsOf(course.id, course.quizId)).slice(2);
    expect(g1).toMatchObject({ type: 'single', text: 'Ngày Chuyển đổi số quốc gia?' });
    expect(g1.explanation).toBe('Ngày 10/10 hằng năm.');
    expect(g1.options.map((o) => [o.text, o.correct])).toEqual([
      ['10/10', true],
      ['2/9', false],
      ['1/6', false],
    ]);
    expect(g2.type).toBe('multiple');
    expect(g2.options.map((o) => o.correct)).toEqual([true, true, false]);
    expect(g3).toMatchObject({
      type: 'true_false',
      text: 'Văn bản ký số hợp lệ có giá trị như bản giấy {gốc}.',
    });

    const unsupported = '::M1:: Ghép nối {=Hà Nội -> Thủ đô =Huế}\n\n::E1:: Bài luận {}';
    const refused = await upload(course.quizId, Buffer.from(unsupported), 'x.gift').expect(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'rows.1.options',
        code: 'fits_question_type',
        message: expect.stringMatching(/needs its match/),
      },
      { field: 'rows.3.gift', code: 'gift_essay', message: expect.stringMatching(/essay/) },
    ]);
  });
});
