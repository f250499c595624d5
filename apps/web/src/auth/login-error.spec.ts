import { ApiError } from '../api/api-error';
import vi from '../i18n/vi.json';
import { loginErrorKey } from './login-error';

const apiError = (statusCode: number) => new ApiError({ statusCode, message: 'x' });

describe('loginErrorKey', () => {
  it('maps 401 to the wrong-credentials message', () => {
    expect(loginErrorKey(apiError(401))).toBe('login.errors.invalid');
    expect(vi.login.errors.invalid).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('maps 429 to the throttled message', () => {
    expect(loginErrorKey(apiError(429))).toBe('login.errors.throttled');
    expect(vi.login.errors.throttled).toBe('Bạn đã thử quá nhiều lần, vui lòng thử lại sau');
  });

  it('tells a network failure apart from a server failure', () => {
    expect(loginErrorKey(apiError(0))).toBe('common.networkError');
    expect(loginErrorKey(apiError(500))).toBe('login.errors.generic');
    expect(loginErrorKey(new Error('boom'))).toBe('login.errors.generic');
  });
});
