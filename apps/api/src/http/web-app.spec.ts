import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestApp, TestApp } from '../test/test-app';

/** A stand-in for `vite build`: an index.html and one hashed asset, both worth compressing. */
function fakeBuild(): { dir: string; html: string; js: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dx-web-dist-'));
  mkdirSync(join(dir, 'assets'));
  const html = `<!doctype html><html lang="vi"><head><title>Học viện CĐS</title></head><body><div id="root"></div>${'<!-- đệm -->'.repeat(80)}</body></html>`;
  const js = `export const lời_chào = "Xin chào";\n${'console.log("chuyển đổi số");\n'.repeat(200)}`;
  writeFileSync(join(dir, 'index.html'), html);
  writeFileSync(join(dir, 'assets', 'index-AbC123.js'), js);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  return { dir, html, js };
}

/** The answer as sent on the wire (supertest would decompress it for us). */
async function onTheWire(
  server: Server,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('Web app served by the API', () => {
  let t: TestApp;
  const build = fakeBuild();

  beforeAll(async () => {
    t = await createTestApp({ WEB_DIST_DIR: build.dir });
  });
  afterAll(() => t.close());

  it('sends a hashed asset gzipped to a browser that accepts it, cacheable for good', async () => {
    const res = await onTheWire(t.app.getHttpServer(), '/assets/index-AbC123.js', {
      'Accept-Encoding': 'gzip, deflate',
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body.length).toBeLessThan(Buffer.byteLength(build.js) / 5);
    expect(gunzipSync(res.body).toString('utf8')).toBe(build.js);
  });

  it('sends the plain file to a client that accepts no compression', async () => {
    const res = await t.http.get('/assets/index-AbC123.js').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.text).toBe(build.js);
  });

  it('answers deep links with index.html, never cached without revalidation', async () => {
    const res = await t.http.get('/verify/CDS-2026-000001').set('Accept-Encoding', 'identity').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(build.html);
    // Security headers apply to the page too.
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves robots.txt as text, and a plain 404 for files that are not in the build', async () => {
    const robots = await t.http.get('/robots.txt').expect(200);
    expect(robots.headers['content-type']).toMatch(/^text\/plain/);
    expect(robots.text).toContain('User-agent: *');
    for (const missing of ['/assets/index-Old999.js', '/favicon.ico', '/sitemap.xml']) {
      const res = await t.http.get(missing).expect(404);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).not.toContain('<html');
    }
  });

  it('answers 304 when the browser already has this version', async () => {
    const first = await t.http.get('/').expect(200);
    await t.http.get('/').set('If-None-Match', first.headers.etag).expect(304);
  });

  it('leaves API paths to the API: an unknown API route is a JSON 404, not the web page', async () => {
    const res = await t.http.get('/api/khong-ton-tai').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.body.statusCode).toBe(404);
  });

  it('serves nothing for writes outside the API', async () => {
    await t.http.post('/courses').send({}).expect(404);
  });
});
