import type { BankQuestionView } from '@dx/contracts';
import { giftCandidates } from '../question-import/gift.parser';
import { checkCandidate } from '../question-import/question-row';
import { bankGift } from './bank-gift-export';

type Option = Omit<BankQuestionView['options'][number], 'id'>;

let n = 0;
/** A bank question whose texts hold every character GIFT reserves, and a line break. */
function q(
  over: Partial<Omit<BankQuestionView, 'options'>> & {
    type: BankQuestionView['type'];
    options: Option[];
  },
): BankQuestionView {
  n += 1;
  return {
    id: `q${n}`,
    key: `k${n}`,
    version: 1,
    categoryId: 'c1',
    text: `Câu ${n}: {khó} a=b #1 \\ ~ : xuống\ndòng`,
    explanation: `Giải thích ${n}: #### {x}`,
    externalId: `CDS:${n}`,
    tags: ['chính phủ số', 'thẻ [a]'],
    ignoreCase: true,
    ignoreDiacritics: false,
    image: null,
    ...over,
    options: over.options.map((o, i) => ({ ...o, id: `o${i}` })),
  };
}

const EXPRESSIBLE: BankQuestionView[] = [
  q({
    type: 'single',
    options: [
      { text: 'Đúng = {1}', correct: false },
      { text: 'Phương án ~B#', correct: true },
      { text: 'C: 10/10', correct: false },
    ],
  }),
  q({
    type: 'multiple',
    options: [
      { text: 'Chính phủ số', correct: true },
      { text: 'Kinh tế số', correct: true },
      { text: 'Xã hội số', correct: true },
      { text: 'Du lịch', correct: false },
    ],
  }),
  q({
    type: 'multiple',
    explanation: null,
    options: [
      { text: 'A', correct: true },
      { text: 'B', correct: false },
    ],
  }),
  q({
    type: 'true_false',
    options: [
      { text: 'Đúng', correct: false },
      { text: 'Sai', correct: true },
    ],
  }),
  q({
    type: 'matching',
    options: [
      { text: 'VNeID', correct: true, match: 'Định danh = điện tử' },
      { text: 'Cổng DVC', correct: true, match: 'Nộp hồ sơ' },
    ],
  }),
  q({
    type: 'short_answer',
    externalId: null,
    options: [
      { text: 'Hà Nội', correct: true },
      { text: 'Thủ đô Hà Nội', correct: true },
    ],
  }),
  q({
    type: 'numeric',
    tags: [],
    options: [
      { text: '80,5', correct: true, tolerance: 0.5 },
      { text: '3', correct: true },
    ],
  }),
];

/** What the import compares: type, texts, options, explanation, category, tags. */
const essence = (x: {
  type: string;
  text: string;
  externalId: string | null;
  explanation?: string | null;
  tags: string[];
  options: { text: string; correct: boolean; match?: string | null; tolerance?: number | null }[];
}) => ({
  type: x.type,
  text: x.text,
  externalId: x.externalId,
  explanation: x.explanation || null,
  tags: x.tags,
  options: x.options.map((o) => ({
    text: x.type === 'numeric' ? Number(o.text.replace(',', '.')) : o.text,
    correct: o.correct,
    match: o.match ?? null,
    tolerance: o.tolerance || 0,
  })),
});

describe('bank export as GIFT', () => {
  const names = new Map([
    ['c1', 'Chương 1: cơ bản'],
    ['c2', 'Chương 2'],
  ]);

  it('reads back through the GIFT import to the same questions, for every type GIFT expresses', async () => {
    const questions = [
      ...EXPRESSIBLE,
      { ...EXPRESSIBLE[0], id: 'x', externalId: 'C2', categoryId: 'c2' },
    ];
    const { text, skipped } = bankGift(questions, names);
    expect(skipped).toBe(0);
    const read = giftCandidates(text);
    expect(read.errors).toEqual([]);
    const checked = await Promise.all(read.candidates.map(checkCandidate));
    expect(checked.flatMap((c) => c.errors)).toEqual([]);
    const back = checked.flatMap((c) => (c.question ? [c.question] : []));
    expect(back.map(essence)).toEqual(questions.map(essence));
    expect(back.map((b) => b.category)).toEqual([
      ...EXPRESSIBLE.map(() => 'Chương 1: cơ bản'),
      'Chương 2',
    ]);
    expect(back.find((b) => b.type === 'short_answer')).toMatchObject({
      ignoreCase: true,
      ignoreDiacritics: false,
    });
  });

  it('leaves out what GIFT cannot express, each named on a comment line, and counts them', () => {
    const out = [
      q({
        type: 'ordering',
        externalId: 'TT-1',
        options: [
          { text: 'Một', correct: true },
          { text: 'Hai', correct: true },
        ],
      }),
      q({
        type: 'short_answer',
        externalId: 'SA-1',
        ignoreCase: false,
        options: [{ text: 'VNeID', correct: true }],
      }),
      q({
        type: 'true_false',
        externalId: 'TF-1',
        options: [
          { text: 'Có', correct: true },
          { text: 'Không', correct: false },
        ],
      }),
      q({
        type: 'single',
        externalId: 'AR-1',
        options: [
          { text: 'A -> B', correct: true },
          { text: 'C', correct: false },
        ],
      }),
    ];
    const { text, skipped } = bankGift([...out, EXPRESSIBLE[0]], names);
    expect(skipped).toBe(4);
    for (const id of ['TT-1', 'SA-1', 'TF-1', 'AR-1'])
      expect(text).toMatch(new RegExp(`^// Bỏ qua "${id}"`, 'm'));
    const read = giftCandidates(text);
    expect(read.errors).toEqual([]);
    expect(read.candidates.map((c) => c.externalId)).toEqual([EXPRESSIBLE[0].externalId]);
  });
});
