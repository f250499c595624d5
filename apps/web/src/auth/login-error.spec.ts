import i18next from 'i18next';
import { ApiError } from '../api/api-error';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { loginError } from './login-error';

const refusal = (statusCode: number, code?: ApiError['code'], params?: ApiError['params']) =>
  new ApiError({ statusCode, message: 'English text for logs', code, params });

describe('loginError: the login form picks its sentence from the API’s code', () => {
  const shown = async (error: unknown, lng: 'vi' | 'en' = 'vi') => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng,
      resources: { vi: { translation: vi }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
    const { key, params } = loginError(error);
    return i18n.t(key, params ?? {});
  };

  it('says "wrong username or password" for wrong_credentials (a deactivated account gets the same)', async () => {
    expect(await shown(refusal(401, 'wrong_credentials'))).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
    // An empty or malformed field refused by the validator reads the same.
    expect(await shown(refusal(400, 'invalid_input'))).toBe(
      'Tên đăng nhập hoặc mật khẩu không đúng',
    );
  });

  it('goes by the code, not the status: a 401 without it is not "wrong password"', async () => {
    expect(loginError(refusal(401, 'unauthenticated')).key).toBe('login.errors.generic');
  });

  it('says a second factor is required for mfa_required', async () => {
    expect(await shown(refusal(409, 'mfa_required'))).toBe(vi.apiErrors.codes.mfa_required);
  });

  it('tells how many minutes to wait when the API says, and just "later" when not', async () => {
    expect(await shown(refusal(429, 'too_many_requests', { retryAfterSeconds: 290 }))).toBe(
      'Bạn đã thử quá nhiều lần, vui lòng thử lại sau 5 phút',
    );
    expect(await shown(refusal(429, 'too_many_requests', { retryAfterSeconds: 30 }), 'en')).toBe(
      'Too many attempts, please try again in 1 min',
    );
    expect(await shown(refusal(429))).toBe('Bạn đã thử quá nhiều lần, vui lòng thử lại sau');
  });

  it('tells a network failure apart from a server failure', async () => {
    expect(loginError(refusal(0)).key).toBe('common.networkError');
    expect(await shown(refusal(500))).toBe('Không đăng nhập được lúc này, vui lòng thử lại sau');
    expect(loginError(new Error('boom')).key).toBe('login.errors.generic');
  });
});
