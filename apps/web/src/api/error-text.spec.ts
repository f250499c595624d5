import {
  AUTH_ERROR_CODES,
  AUTH_FIELD_ERROR_CODES,
  ERROR_CODES,
  FIELD_ERROR_CODES,
  JOB_ERROR_CODES,
  type ImportRowError,
} from '@dx/contracts';
import i18next from 'i18next';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { ApiError, networkError } from './api-error';
import { apiErrorText, fieldErrorText, fieldErrorTexts, jobErrorText } from './error-text';

type Texts = Record<string, string | undefined>;

describe('translations of API error codes', () => {
  it.each([
    ['vi', vi],
    ['en', en],
  ])('every error code and field error code has a %s sentence', (_lang, catalogue) => {
    const codes = catalogue.apiErrors.codes as Texts;
    const fields = catalogue.apiErrors.fields as Texts;
    expect(ERROR_CODES.filter((c) => !codes[c]?.trim())).toEqual([]);
    expect(FIELD_ERROR_CODES.filter((c) => !fields[c]?.trim())).toEqual([]);
    // …and no sentence for a code the API does not have any more.
    expect(
      Object.keys(codes).filter((c) => !(ERROR_CODES as readonly string[]).includes(c)),
    ).toEqual([]);
    expect(
      Object.keys(fields).filter((c) => !(FIELD_ERROR_CODES as readonly string[]).includes(c)),
    ).toEqual([]);
  });

  it('gives each sign-in and account refusal its own sentence, translated in vi', () => {
    const viTexts = { ...vi.apiErrors.codes, ...vi.apiErrors.fields } as Texts;
    const enTexts = { ...en.apiErrors.codes, ...en.apiErrors.fields } as Texts;
    const auth = [...AUTH_ERROR_CODES, ...AUTH_FIELD_ERROR_CODES];
    expect(auth.filter((c) => !viTexts[c]?.trim() || !enTexts[c]?.trim())).toEqual([]);
    // Not the English sentence left in the Vietnamese catalogue, not the generic fallback.
    expect(auth.filter((c) => viTexts[c] === enTexts[c])).toEqual([]);
    expect(auth.filter((c) => viTexts[c] === vi.apiErrors.fields.invalid)).toEqual([]);
    expect(new Set(auth.map((c) => viTexts[c])).size).toBe(auth.length);
  });
});

describe('apiErrorText / fieldErrorText', () => {
  const i18n = i18next.createInstance();
  beforeAll(() =>
    i18n.init({
      lng: 'vi',
      resources: { vi: { translation: vi }, en: { translation: en } },
      interpolation: { escapeValue: false },
    }),
  );

  const refused = new ApiError({
    statusCode: 400,
    code: 'not_publishable',
    message: 'Cannot publish: Quiz "Cuối khóa" has no question',
    errors: [
      {
        field: 'quizzes.q1.questions',
        code: 'publish_quiz_no_question',
        message: 'x',
        params: { title: 'Cuối khóa' },
      },
      { field: 'quizzes.q1.questions', code: 'invalid', message: 'second one' },
      { field: 'hours', code: 'max', message: 'hours must not be greater than 500' },
    ],
  });

  it('speaks the reader language, never the English API message', async () => {
    await i18n.changeLanguage('vi');
    expect(apiErrorText(i18n.t, refused)).toBe(vi.apiErrors.codes.not_publishable);
    expect(fieldErrorText(i18n.t, refused.errors[0])).toBe(
      'Bài kiểm tra “Cuối khóa” chưa có câu hỏi nào.',
    );
    expect(fieldErrorTexts(i18n.t, refused)).toEqual({
      'quizzes.q1.questions': 'Bài kiểm tra “Cuối khóa” chưa có câu hỏi nào.',
      hours: vi.apiErrors.fields.max,
    });
    await i18n.changeLanguage('en');
    expect(fieldErrorText(i18n.t, refused.errors[0])).toBe('Quiz “Cuối khóa” has no question yet.');
  });

  it('names the wait of a throttled answer (the TOTP step, imports…), in minutes rounded up', async () => {
    const throttled = (params?: { retryAfterSeconds: number }) =>
      new ApiError({ statusCode: 429, code: 'too_many_requests', message: 'x', params });
    await i18n.changeLanguage('vi');
    expect(apiErrorText(i18n.t, throttled({ retryAfterSeconds: 290 }))).toBe(
      'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau 5 phút.',
    );
    expect(apiErrorText(i18n.t, throttled({ retryAfterSeconds: 1 }))).toBe(
      'Bạn thao tác quá nhiều lần. Vui lòng thử lại sau 1 phút.',
    );
    // An answer without the wait (an older API) keeps the general sentence.
    expect(apiErrorText(i18n.t, throttled())).toBe(vi.apiErrors.codes.too_many_requests);
    await i18n.changeLanguage('en');
    expect(apiErrorText(i18n.t, throttled({ retryAfterSeconds: 600 }))).toBe(
      'Too many attempts. Please try again in 10 min.',
    );
  });

  it('says what is wrong with an import row in the reader language, with the values it names', async () => {
    const row = (
      code: ImportRowError['code'],
      params?: ImportRowError['params'],
    ): ImportRowError => ({
      row: 8,
      field: 'username',
      code,
      message: 'appears more than once in the file (first on row 2)',
      ...(params && { params }),
    });
    await i18n.changeLanguage('vi');
    expect(fieldErrorText(i18n.t, row('repeated_in_file', { firstRow: 2 }))).toBe(
      'Trùng với dòng 2 của tệp.',
    );
    expect(fieldErrorText(i18n.t, row('gift_not_a_number', { value: 'ba' }))).toBe(
      '“ba” không phải là số.',
    );
    expect(fieldErrorText(i18n.t, row('correct_out_of_range', { max: 4 }))).toBe(
      'Cột correct chỉ được ghi số thứ tự đáp án từ 1 đến 4.',
    );
    await i18n.changeLanguage('en');
    expect(fieldErrorText(i18n.t, row('repeated_in_file', { firstRow: 2 }))).toBe(
      'Repeats row 2 of the file.',
    );
  });

  it('says why a report job failed, never its English reason', async () => {
    await i18n.changeLanguage('vi');
    const failed = { errorCode: 'job_failed' as const, error: 'connect ECONNREFUSED' };
    expect(jobErrorText(i18n.t, failed)).toBe(vi.apiErrors.codes.job_failed);
    // An answer without a code (an older API) is a failure all the same.
    expect(jobErrorText(i18n.t, {})).toBe(vi.apiErrors.codes.job_failed);
    const sentences = JOB_ERROR_CODES.map((c) => jobErrorText(i18n.t, { errorCode: c }));
    expect(new Set(sentences).size).toBe(JOB_ERROR_CODES.length);
    expect(sentences.filter((s) => s === vi.apiErrors.codes.internal)).toEqual([]);
  });

  it('covers what is not an API answer: offline, a thrown bug', async () => {
    await i18n.changeLanguage('vi');
    expect(apiErrorText(i18n.t, networkError(new TypeError('Failed to fetch')))).toBe(
      vi.common.networkError,
    );
    expect(apiErrorText(i18n.t, new TypeError('x is undefined'))).toBe(vi.common.error);
    expect(fieldErrorTexts(i18n.t, new TypeError('x'))).toEqual({});
  });
});
