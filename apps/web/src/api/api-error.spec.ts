import {
  ApiError,
  isApiError,
  networkError,
  NETWORK_ERROR_STATUS,
  parseApiError,
} from './api-error';

describe('parseApiError', () => {
  it('keeps the contract body: statusCode, code, message and field errors', () => {
    const body = JSON.stringify({
      statusCode: 400,
      code: 'invalid_input',
      message: 'Dữ liệu không hợp lệ',
      errors: [{ field: 'username', code: 'is_not_empty', message: 'Bắt buộc' }],
    });
    const error = parseApiError(400, 'Bad Request', body);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error.statusCode).toBe(400);
    expect(error.message).toBe('Dữ liệu không hợp lệ');
    expect(error.code).toBe('invalid_input');
    expect(error.errors).toEqual([
      { field: 'username', code: 'is_not_empty', message: 'Bắt buộc' },
    ]);
    expect(error.fieldError('username')).toBe('Bắt buộc');
    expect(error.fieldError('password')).toBeUndefined();
  });

  it('joins a NestJS-style message array', () => {
    const body = JSON.stringify({ statusCode: 400, message: ['a is required', 'b too long'] });
    expect(parseApiError(400, 'Bad Request', body).message).toBe('a is required; b too long');
  });

  it('falls back to the HTTP status when the body is empty', () => {
    const error = parseApiError(401, 'Unauthorized', '');
    expect(error.statusCode).toBe(401);
    expect(error.message).toBe('Unauthorized');
    expect(error.errors).toEqual([]);
  });

  it('uses the HTTP status when the body has no usable statusCode', () => {
    expect(
      parseApiError(429, '', JSON.stringify({ message: 'Too Many Requests' })).statusCode,
    ).toBe(429);
    expect(parseApiError(503, '', JSON.stringify({ statusCode: 'x' })).statusCode).toBe(503);
  });

  it('does not show an HTML error page as the message', () => {
    const error = parseApiError(502, 'Bad Gateway', '<html><body>nginx</body></html>');
    expect(error.statusCode).toBe(502);
    expect(error.message).toBe('Bad Gateway');
  });

  it('keeps a short plain-text body as the message', () => {
    expect(parseApiError(500, '', 'upstream timeout').message).toBe('upstream timeout');
    expect(parseApiError(500, '', '').message).toBe('HTTP 500');
  });

  it('ignores malformed field errors', () => {
    const body = JSON.stringify({
      statusCode: 400,
      message: 'x',
      errors: [null, 'y', { field: 'a' }],
    });
    expect(parseApiError(400, '', body).errors).toEqual([
      { field: 'a', message: '', code: 'invalid' },
    ]);
  });

  it('falls back to the status code when the code is missing or unknown', () => {
    expect(parseApiError(404, '', JSON.stringify({ message: 'x' })).code).toBe('not_found');
    const odd = JSON.stringify({
      statusCode: 409,
      code: 'made_up',
      message: 'x',
      params: { n: 1 },
    });
    expect(parseApiError(409, '', odd)).toMatchObject({ code: 'conflict', params: { n: 1 } });
    expect(parseApiError(502, 'Bad Gateway', '').code).toBe('internal');
  });
});

describe('networkError', () => {
  it('is an ApiError with status 0', () => {
    const error = networkError(new TypeError('Failed to fetch'));
    expect(isApiError(error)).toBe(true);
    expect(error.statusCode).toBe(NETWORK_ERROR_STATUS);
    expect(error.message).toBe('Failed to fetch');
  });
});
