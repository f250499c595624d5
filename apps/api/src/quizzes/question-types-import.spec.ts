import { createTestApp, TestApp } from '../test/test-app';
import { FIRST_COLUMNS, questionSheet, uploadQuestionFile } from './question-import.fixtures';

const HEADER = [
  ...FIRST_COLUMNS,
  'match1',
  'match2',
  'match3',
  'correct',
  'tolerance',
  'ignoreDiacritics',
  'category',
];

const xlsx = (rows: string[][]) => questionSheet(HEADER, rows);

const ROWS = [
  [
    'T-1',
    'matching',
    'Ghép nền tảng',
    'VNeID',
    'DVC',
    '',
    'Định danh',
    'Dịch vụ công',
    '',
    '',
    '',
    '',
    'Chương 1',
  ],
  ['T-2', 'ordering', 'Sắp xếp', 'Bước 1', 'Bước 2', 'Bước 3', '', '', '', '', '', '', 'Chương 1'],
  [
    'T-3',
    'short_answer',
    'Thủ đô?',
    'Hà Nội',
    'Thủ đô Hà Nội',
    '',
    '',
    '',
    '',
    '',
    '',
    'có',
    'Chương 1',
  ],
  ['T-4', 'numeric', 'Tỷ lệ?', '80,5', '', '', '', '', '', '', '0,5', '', 'Chương 1'],
];

describe('importing matching, ordering, short-answer and numeric questions', () => {
  let t: TestApp;
  let trainer: string;
  let bankId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const { a } = await t.make.twoProvinces();
    trainer = await t.tokenFor((await t.make.user(a, { roles: ['trainer'] })).username);
    bankId = (
      await t.http
        .post('/api/question-banks')
        .set('Authorization', trainer)
        .send({ title: 'Ngân hàng nhập' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const importBank = (file: Buffer, name: string) =>
    uploadQuestionFile(t, trainer, `/api/question-banks/${bankId}/import`, file, name);
  const bankQuestions = async () =>
    (await t.http.get(`/api/question-banks/${bankId}`).set('Authorization', trainer).expect(200))
      .body.questions;

  it('reads the XLSX columns of each type; the same file again changes nothing', async () => {
    const file = await xlsx(ROWS);
    await importBank(file, 'a.xlsx').expect(200, { created: 4, updated: 0, unchanged: 0 });
    await importBank(file, 'a.xlsx').expect(200, { created: 0, updated: 0, unchanged: 4 });
    const byId = Object.fromEntries(
      (await bankQuestions()).map((q: { externalId: string }) => [q.externalId, q]),
    );
    expect(byId['T-1'].options).toEqual([
      expect.objectContaining({ text: 'VNeID', match: 'Định danh' }),
      expect.objectContaining({ text: 'DVC', match: 'Dịch vụ công' }),
    ]);
    expect(byId['T-2'].options.map((o: { text: string }) => o.text)).toEqual([
      'Bước 1',
      'Bước 2',
      'Bước 3',
    ]);
    expect(byId['T-3']).toMatchObject({ type: 'short_answer', ignoreDiacritics: true });
    expect(byId['T-4'].options).toEqual([
      expect.objectContaining({ text: '80,5', tolerance: 0.5 }),
    ]);
  });

  it('reads GIFT matching, short-answer and numeric forms', async () => {
    const gift = [
      '$CATEGORY: $course$/top/Chương 2',
      '::G-1:: Ghép {=VNeID -> Định danh =DVC -> Dịch vụ công}',
      '',
      '::G-2:: Thủ đô? {=Hà Nội =%50%Hà Nôi =Thủ đô Hà Nội#Đúng}',
      '',
      '::G-3:: Số pi? {#3.14:0.01}',
      '',
      '::G-4:: Từ 1 đến 5? {#1..5}',
    ].join('\n');
    await importBank(Buffer.from(gift), 'b.gift').expect(200, {
      created: 4,
      updated: 0,
      unchanged: 0,
    });
    const byId = Object.fromEntries(
      (await bankQuestions()).map((q: { externalId: string }) => [q.externalId, q]),
    );
    expect(byId['G-1']).toMatchObject({ type: 'matching' });
    expect(byId['G-1'].options[1]).toMatchObject({ text: 'DVC', match: 'Dịch vụ công' });
    expect(byId['G-2'].options.map((o: { text: string }) => o.text)).toEqual([
      'Hà Nội',
      'Thủ đô Hà Nội',
    ]);
    expect(byId['G-3'].options[0]).toMatchObject({ text: '3.14', tolerance: 0.01 });
    expect(byId['G-4'].options[0]).toMatchObject({ text: '3', tolerance: 2 });
  });

  it('names the row of a matching item without its pair or a value that is no number; nothing is written', async () => {
    const before = (await bankQuestions()).length;
    const bad = [
      ['B-1', 'matching', 'Ghép', 'A', 'B', '', 'a', '', '', '', '', '', 'Chương 1'],
      ['B-2', 'numeric', 'Số?', 'tám', '', '', '', '', '', '', '', '', 'Chương 1'],
      ['B-3', 'numeric', 'Số?', '8', '', '', '', '', '', '', 'một', '', 'Chương 1'],
    ];
    const res = await importBank(await xlsx(bad), 'c.xlsx').expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'rows.2.options',
      'rows.3.options',
      'rows.4.tolerance',
    ]);
    expect(await bankQuestions()).toHaveLength(before);
  });
});
