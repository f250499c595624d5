import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

interface WebFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  etag: string;
  /** Vite puts a content hash in asset names, so they can be cached for good. */
  immutable: boolean;
}

/**
 * Serves the built web app at `/` from the same port as the API. The build is small and
 * never changes while the process runs, so it is held in memory and compressed once: on a
 * slow mobile link the initial JavaScript is ~3× smaller with gzip and a little smaller
 * again with brotli (prepared in the background). Unknown non-API paths get `index.html`,
 * so deep links such as `/verify/CDS-2026-000001` load the SPA (which shows its own 404 page
 * for routes it does not know); unknown paths that name a file get a plain 404. API requests pass through
 * untouched (no file-system lookup per API call).
 */
export function serveWebApp(app: NestExpressApplication, distDir: string): void {
  if (!existsSync(join(distDir, 'index.html'))) {
    new Logger('WebApp').log(`No web build at ${distDir}: only the API is served`);
    return;
  }
  const files = loadBuild(distDir);
  const index = files.get('/index.html') as WebFile;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/api')) return next();
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      path = req.path;
    }
    const file = files.get(path);
    if (file) return send(req, res, file);
    // A missing file (an old hashed chunk, a mistyped robots.txt or image) is a 404, never
    // the app's HTML: a browser would try to run the page as a script, a crawler read it as rules.
    if (path.startsWith('/assets/') || extname(path) !== '') {
      res.status(404).type('text/plain; charset=utf-8').setHeader('Cache-Control', 'no-cache');
      res.end(req.method === 'HEAD' ? undefined : 'Không tìm thấy / Not found\n');
      return;
    }
    send(req, res, index);
  });
}

function loadBuild(distDir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const ext = extname(name).toLowerCase();
      const body = readFileSync(full);
      const urlPath = `/${relative(distDir, full).split(sep).join('/')}`;
      const file: WebFile = {
        type: TYPES[ext] ?? 'application/octet-stream',
        body,
        etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
        immutable: urlPath.startsWith('/assets/'),
      };
      if (COMPRESSIBLE.has(ext) && body.length > 512) {
        file.gzip = gzipSync(body, { level: 9 });
        // Brotli at its best quality takes a second for the largest chunk: off the event loop.
        void promisify(brotliCompress)(body, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
        }).then((br) => (file.br = br));
      }
      files.set(urlPath, file);
    }
  };
  walk(distDir);
  return files;
}

function send(req: Request, res: Response, file: WebFile): void {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const [encoding, body] =
    file.br && /\bbr\b/.test(accepted)
      ? ['br', file.br]
      : file.gzip && /\bgzip\b/.test(accepted)
        ? ['gzip', file.gzip]
        : [null, file.body];
  res.setHeader('Content-Type', file.type);
  res.setHeader('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  res.setHeader('ETag', file.etag);
  if (file.gzip) res.setHeader('Vary', 'Accept-Encoding');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304).end();
    return;
  }
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}
