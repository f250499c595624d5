import { ApiError } from '../api/api-error';
import vi from '../i18n/vi.json';
import { credentialsError } from './credentials-api';

describe('credentialsError', () => {
  it("shows the server's own Vietnamese reason for bad input, field message first", () => {
    const weak = new ApiError({
      statusCode: 400,
      message: 'Invalid input',
      errors: [
        { field: 'newPassword', code: 'invalid', message: 'Mật khẩu phải có ít nhất 10 ký tự.' },
      ],
    });
    expect(credentialsError(weak)).toEqual({ text: 'Mật khẩu phải có ít nhất 10 ký tự.' });
    const bare = new ApiError({
      statusCode: 400,
      message: 'Mã kích hoạt không đúng hoặc đã hết hạn.',
    });
    expect(credentialsError(bare)).toEqual({ text: 'Mã kích hoạt không đúng hoặc đã hết hạn.' });
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
