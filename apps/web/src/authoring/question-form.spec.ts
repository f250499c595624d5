import { optionDraft, optionsForType, toQuestionInput, toggleCorrect } from './question-form';

describe('question form', () => {
  it('keeps one correct option for single choice, several for multiple', () => {
    const opts = [optionDraft('A', true), optionDraft('B'), optionDraft('C')];
    const single = toggleCorrect(opts, opts[1].key, true, 'single');
    expect(single.map((o) => o.correct)).toEqual([false, true, false]);
    const multi = toggleCorrect(opts, opts[2].key, true, 'multiple');
    expect(multi.map((o) => o.correct)).toEqual([true, false, true]);
  });

  it('prefills true/false and trims to two options', () => {
    const empty = optionsForType([optionDraft(), optionDraft()], 'true_false', 'Đúng', 'Sai');
    expect(empty.map((o) => [o.text, o.correct])).toEqual([
      ['Đúng', true],
      ['Sai', false],
    ]);
    const typed = [optionDraft('X', true), optionDraft('Y'), optionDraft('Z')];
    expect(optionsForType(typed, 'true_false', 'Đúng', 'Sai')).toHaveLength(2);
  });

  it('builds the API body, dropping an empty explanation', () => {
    expect(toQuestionInput('single', ' Câu? ', [optionDraft(' A ', true)], ' ')).toEqual({
      type: 'single',
      text: 'Câu?',
      options: [{ text: 'A', correct: true, image: null }],
    });
  });

  it("sends an option's image with its alt text trimmed, and none for typed answers", () => {
    const image = { key: 'question-images/' + 'a'.repeat(32) + '.png', alt: ' Biểu tượng ' };
    const pictured = optionDraft('A', true, { image });
    expect(toQuestionInput('single', 'Câu?', [pictured], '').options[0].image).toEqual({
      key: image.key,
      alt: 'Biểu tượng',
    });
    expect(toQuestionInput('short_answer', 'Câu?', [pictured], '').options[0]).not.toHaveProperty(
      'image',
    );
  });
});

describe('question form, structured types', () => {
  it('sends matches, tolerances (decimal comma) and the text rule only where the type uses them', () => {
    const pair = optionDraft('VNeID', false, { match: 'Định danh' });
    expect(toQuestionInput('matching', 'Ghép', [pair], '').options).toEqual([
      { text: 'VNeID', correct: true, match: 'Định danh', image: null },
    ]);
    const value = optionDraft('3,5');
    value.tolerance = '0,1';
    expect(toQuestionInput('numeric', 'Số?', [value], '').options).toEqual([
      { text: '3,5', correct: true, tolerance: 0.1 },
    ]);
    expect(
      toQuestionInput('short_answer', 'Thủ đô?', [optionDraft('Hà Nội')], '', {
        ignoreCase: true,
        ignoreDiacritics: true,
      }),
    ).toMatchObject({ ignoreCase: true, ignoreDiacritics: true });
    expect(toQuestionInput('single', 'Câu?', [optionDraft('A', true)], '')).not.toHaveProperty(
      'ignoreCase',
    );
  });
});
