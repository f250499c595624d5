import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built web app at `/` from the same port as the API. Unknown non-API paths
 * get `index.html`, so deep links such as `/verify/CDS-2026-000001` load the SPA.
 */
export function serveWebApp(app: NestExpressApplication, distDir: string): void {
  const index = join(distDir, 'index.html');
  if (!existsSync(index)) {
    new Logger('WebApp').log(`No web build at ${distDir}: only the API is served`);
    return;
  }
  app.useStaticAssets(distDir, {
    index: false,
    // Vite puts a content hash in asset names, so they can be cached for good.
    setHeaders: (res, path) => {
      if (path.includes(`${join(distDir, 'assets')}`)) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
