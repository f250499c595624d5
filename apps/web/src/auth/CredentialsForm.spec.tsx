import type { FieldErrorCode } from '@dx/contracts';
import i18next, { type i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { ApiError } from '../api/api-error';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import { credentialsProblem } from './credentials-api';
import {
  CredentialInput,
  credentialsBoxText,
  CredentialsFormView,
  NewPasswordField,
} from './CredentialsForm';

const refusal = (...errors: [string, FieldErrorCode][]) =>
  new ApiError({
    statusCode: 400,
    message: 'Invalid input',
    errors: errors.map(([field, code]) => ({ field, code, message: 'English text for logs' })),
  });

describe('credentialsProblem: what goes beside the inputs, what stays in the alert', () => {
  const activation = ['username', 'code', 'newPassword'];

  it('puts the refusal of an input of the form beside it, and nothing in the alert', () => {
    const error = refusal(['code', 'activation_code_invalid']);
    expect(credentialsProblem(error, activation)).toEqual({
      beside: { code: error.errors[0] },
      box: null,
    });
  });

  it('keeps the first refusal of each input, for several inputs at once', () => {
    const error = refusal(
      ['newPassword', 'password_too_short'],
      ['newPassword', 'password_too_common'],
      ['username', 'min_length'],
    );
    expect(credentialsProblem(error, activation)).toEqual({
      beside: { newPassword: error.errors[0], username: error.errors[2] },
      box: null,
    });
  });

  it('leaves in the alert what no input of the form can show (the reset link’s token)', () => {
    const error = refusal(['token', 'reset_token_invalid'], ['newPassword', 'password_too_short']);
    expect(credentialsProblem(error, ['newPassword'])).toEqual({
      beside: { newPassword: error.errors[1] },
      box: { field: error.errors[0] },
    });
  });

  it('keeps throttling, network and other failures in the alert', () => {
    expect(credentialsProblem(new ApiError({ statusCode: 429, message: 'x' }), activation)).toEqual(
      { beside: {}, box: { key: 'login.errors.throttled' } },
    );
    expect(credentialsProblem(new ApiError({ statusCode: 0, message: 'x' }), activation)).toEqual({
      beside: {},
      box: { key: 'common.networkError' },
    });
    expect(credentialsProblem(null, activation)).toEqual({ beside: {}, box: null });
  });
});

describe('credential inputs with their refusal under them', () => {
  let i18n: I18n;
  beforeAll(async () => {
    i18n = i18next.createInstance();
    await i18n.init({
      lng: 'vi',
      resources: { vi: { translation: vi }, en: { translation: en } },
      interpolation: { escapeValue: false },
    });
  });
  const html = (node: ReactElement) =>
    renderToStaticMarkup(<I18nextProvider i18n={i18n}>{node}</I18nextProvider>);
  const dom = (markup: string, id: string) => {
    const input = new RegExp(`<input[^>]*id="${id}"[^>]*>`).exec(markup)?.[0] ?? '';
    const line = new RegExp(`<p id="${id}-error"[^>]*>([^<]*)</p>`).exec(markup)?.[1];
    return { input, line };
  };

  it('marks the input invalid and points it at the Vietnamese refusal under it', () => {
    const markup = html(
      <CredentialInput
        id="activate-code"
        label="Mã kích hoạt"
        value="x"
        onValue={() => undefined}
        error="Mã kích hoạt không đúng hoặc đã hết hạn."
      />,
    );
    const { input, line } = dom(markup, 'activate-code');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="activate-code-error"');
    expect(line).toBe('Mã kích hoạt không đúng hoặc đã hết hạn.');
  });

  it('the new password points at its policy hint until refused, then at the refusal and the hint', () => {
    const fine = html(
      <NewPasswordField id="p" value="" onValue={() => undefined} error={undefined} />,
    );
    expect(dom(fine, 'p').input).toContain('aria-describedby="p-hint"');
    expect(dom(fine, 'p').input).not.toContain('aria-invalid');
    expect(dom(fine, 'p').line).toBeUndefined();

    const refused = html(
      <NewPasswordField
        id="p"
        value=""
        onValue={() => undefined}
        error="Mật khẩu phải có ít nhất 10 ký tự."
      />,
    );
    expect(dom(refused, 'p').input).toContain('aria-describedby="p-error p-hint"');
    expect(dom(refused, 'p').input).toContain('aria-invalid="true"');
    expect(dom(refused, 'p').line).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
    // The hint still shows, in Vietnamese.
    expect(refused).toContain(vi.account.passwordHint);
  });

  it('tells a throttled activation or reset how many minutes to wait, in Vietnamese', () => {
    const throttled = new ApiError({
      statusCode: 429,
      code: 'too_many_requests',
      message: 'Too many attempts; try again later',
      params: { retryAfterSeconds: 840 },
    });
    const { box } = credentialsProblem(throttled, ['username', 'code', 'newPassword']);
    expect(box && credentialsBoxText(i18n.t, box)).toBe(
      'Bạn đã thử quá nhiều lần, vui lòng thử lại sau 14 phút',
    );
  });

  it('draws no alert when every refusal is beside its input, and one when it is not', () => {
    const view = (box: string | null) =>
      html(
        <CredentialsFormView
          id="reset"
          title="Đặt lại mật khẩu"
          submitLabel="Lưu"
          pending={false}
          box={box}
        >
          <span />
        </CredentialsFormView>,
      );
    expect(view(null)).not.toContain('role="alert"');
    expect(view('Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.')).toContain(
      '<p class="alert alert--error" role="alert" id="reset-error">Liên kết đặt lại mật khẩu không hợp lệ hoặc đã hết hạn.</p>',
    );
  });
});
