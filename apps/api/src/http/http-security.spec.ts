import { createTestApp, TestApp } from '../test/test-app';

const ALLOWED = 'https://hoctap.chuyendoiso.gov.vn';

describe('HTTP surface: security headers, CORS and size limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: `${ALLOWED}, https://quantri.chuyendoiso.gov.vn` });
  });
  afterAll(() => t.close());

  it('sends helmet headers: a CSP without inline scripts, no sniffing, no framing by others, no X-Powered-By', async () => {
    const res = await t.http.get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    // What lessons legitimately embed, and nothing broader.
    expect(csp).toContain('frame-src https://www.youtube-nocookie.com https://player.vimeo.com');
    expect(csp).toContain("img-src 'self' data: https:");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sends the same headers on errors', async () => {
    const res = await t.http.get('/api/me').expect(401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers CORS only to origins of CORS_ORIGINS', async () => {
    const allowed = await t.http.get('/api/health').set('Origin', ALLOWED);
    expect(allowed.headers['access-control-allow-origin']).toBe(ALLOWED);
    const other = await t.http.get('/api/health').set('Origin', 'https://evil.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    // A look-alike is not the same origin.
    const lookalike = await t.http.get('/api/health').set('Origin', `${ALLOWED}.evil.example.com`);
    expect(lookalike.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a preflight for an allowed origin, and gives nothing to another', async () => {
    const preflight = (origin: string) =>
      t.http
        .options('/api/auth/login')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'content-type,authorization');
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(ok.headers['access-control-allow-methods']).toContain('POST');
    const refused = await preflight('https://evil.example.com');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('gives no CORS headers at all when CORS_ORIGINS is empty', async () => {
    const closed = await createTestApp({ CORS_ORIGINS: '' });
    try {
      const res = await closed.http.get('/api/health').set('Origin', ALLOWED);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await closed.close();
    }
  });

  it('refuses a JSON body over 1 MB with 413 in the contract shape, before any handler', async () => {
    const huge = JSON.stringify({ username: 'a'.repeat(1024 * 1024 + 10), password: 'x' });
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'payload_too_large',
      message: expect.any(String),
      errors: [],
    });
  });

  it('accepts a JSON body just under the limit (then validates it: 400)', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(900 * 1024), password: 'x' });
    const res = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(big);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'username' })]);
  });

  it('refuses a url-encoded body with 415 (JSON only) and broken JSON with 400, never 500', async () => {
    const form = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`username=${'a'.repeat(200 * 1024)}&password=x`);
    expect(form.status).toBe(415);
    expect(form.body).toEqual({
      statusCode: 415,
      code: 'unsupported_media_type',
      message: expect.any(String),
      errors: [],
    });
    const broken = await t.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "a", ');
    expect(broken.status).toBe(400);
    expect(broken.body).toEqual({
      statusCode: 400,
      code: 'bad_request',
      message: expect.any(String),
      errors: [],
    });
  });
});
