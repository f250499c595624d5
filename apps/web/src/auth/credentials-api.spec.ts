import type { ErrorParams, FieldErrorCode } from '@dx/contracts';
import i18next from 'i18next';
import { ApiError } from '../api/api-error';
import { fieldErrorText } from '../api/error-text';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { credentialsError } from './credentials-api';

describe('credentialsError', () => {
  it('translates each credential refusal by its field code, never the API message', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'vi',
      resources: { vi: { translation: vi }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const refusal = (field: string, code: FieldErrorCode, params?: ErrorParams) =>
      new ApiError({
        statusCode: 400,
        message: `Invalid input: ${field}`,
        errors: [{ field, code, message: 'English text for logs', ...(params && { params }) }],
      });
    const shown = (error: ApiError) => {
      const problem = credentialsError(error);
      if (!('field' in problem)) throw new Error(`no field error: ${JSON.stringify(problem)}`);
      return fieldErrorText(i18n.t, problem.field);
    };
    const cases: [string, FieldErrorCode, ErrorParams | undefined, string, string][] = [
      [
        'code',
        'activation_code_invalid',
        undefined,
        'Mã kích hoạt không đúng hoặc đã hết hạn.',
        'The activation code is wrong or has expired.',
      ],
      [
        'token',
        'reset_token_invalid',
        undefined,
        'Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.',
        'The password reset link is invalid or has expired.',
      ],
      [
        'currentPassword',
        'current_password_wrong',
        undefined,
        'Mật khẩu hiện tại không đúng.',
        'The current password is wrong.',
      ],
      [
        'newPassword',
        'password_too_short',
        { min: 10 },
        'Mật khẩu phải có ít nhất 10 ký tự.',
        'The password must have at least 10 characters.',
      ],
      [
        'newPassword',
        'password_too_long',
        { max: 200 },
        'Mật khẩu không được dài quá 200 ký tự.',
        'The password must not be longer than 200 characters.',
      ],
      [
        'newPassword',
        'password_too_common',
        undefined,
        'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác.',
        'This password is too common and easy to guess. Choose another one.',
      ],
      [
        'newPassword',
        'password_repetitive',
        undefined,
        'Mật khẩu không được là một chuỗi ký tự lặp lại hoặc liên tiếp.',
        'The password must not be a repeated or sequential run of characters.',
      ],
      [
        'newPassword',
        'password_contains_name',
        undefined,
        'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.',
        'The password must not contain your username or full name.',
      ],
      [
        'newPassword',
        'password_unchanged',
        undefined,
        'Mật khẩu mới phải khác mật khẩu hiện tại.',
        'The new password must differ from the current one.',
      ],
      [
        'code',
        'mfa_code_invalid',
        undefined,
        'Mã xác thực không đúng hoặc đã được dùng.',
        'The verification code is wrong or was already used.',
      ],
    ];
    for (const [field, code, params, viText, enText] of cases) {
      await i18n.changeLanguage('vi');
      expect(shown(refusal(field, code, params))).toBe(viText);
      await i18n.changeLanguage('en');
      expect(shown(refusal(field, code, params))).toBe(enText);
    }
    // A 400 without field errors is translated by its code too.
    const bare = new ApiError({ statusCode: 400, message: 'Bad request' });
    expect(credentialsError(bare)).toEqual({ key: 'apiErrors.codes.bad_request' });
  });

  it("translates the validator's refusals (English messages) by their field code", () => {
    const empty = new ApiError({
      statusCode: 400,
      message: 'Invalid input',
      errors: [
        {
          field: 'username',
          code: 'min_length',
          message: 'username must be longer than or equal to 1 characters',
        },
      ],
    });
    const problem = credentialsError(empty);
    expect(problem).toEqual({ field: empty.errors[0] });
    expect(vi.apiErrors.fields.min_length).toBe('Quá ngắn.');
  });

  it('maps throttling, network and other failures to translated messages', () => {
    expect(credentialsError(new ApiError({ statusCode: 429, message: 'x' }))).toEqual({
      key: 'login.errors.throttled',
    });
    // Activation and reset are throttled like sign-in: the form names the wait the API sent.
    const throttled = new ApiError({
      statusCode: 429,
      message: 'x',
      params: { retryAfterSeconds: 61 },
    });
    expect(credentialsError(throttled)).toEqual({
      key: 'login.errors.throttledFor',
      params: { minutes: 2 },
    });
    expect(credentialsError(new ApiError({ statusCode: 0, message: 'x' }))).toEqual({
      key: 'common.networkError',
    });
    expect(credentialsError(new ApiError({ statusCode: 500, message: 'x' }))).toEqual({
      key: 'account.errors.generic',
    });
    expect(credentialsError(new Error('boom'))).toEqual({ key: 'account.errors.generic' });
    expect(vi.account.errors.generic).toBe('Không thực hiện được lúc này, vui lòng thử lại sau');
  });
});
