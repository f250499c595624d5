import type { AppConfig } from '@dx/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { ApiExceptionFilter } from './api-exception.filter';
import { refuseOtherBodyTypes } from './body-types';
import { requestContext } from './request-context';
import { buildOpenApiDocument } from './openapi-document';
import { createValidationPipe } from './validation.pipe';
import { serveWebApp } from './web-app';

/** Everything about the HTTP surface that main.ts and the integration tests share. */
export function configureHttp(app: NestExpressApplication, config: AppConfig): void {
  app.setGlobalPrefix('api');
  // Idle keep-alive connections are kept longer than a client or reverse proxy keeps them
  // (nginx and load balancers: 60 s). With Node's default of 5 s the server closed sockets
  // that clients were reusing at that moment: the exam-day bench lost a quiz start to
  // ECONNRESET after a learner's 5 s think time.
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000; // must exceed keepAliveTimeout

  app.useBodyParser('json', { limit: '1mb' });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Swagger UI needs inline styles; nothing needs inline scripts.
          'style-src': ["'self'", "'unsafe-inline'"],
          // Lesson markdown may show https images (the server's sanitiser allows them).
          'img-src': ["'self'", 'data:', 'https:'],
          // The only embeds: lesson videos from the hosts apps/web/src/learning/video-url.ts knows.
          'frame-src': ['https://www.youtube-nocookie.com', 'https://player.vimeo.com'],
        },
      },
    }),
  );
  // Exact origins only (no patterns): a browser page elsewhere cannot call the API.
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });
  // Before the url-encoded parser Nest adds at init: only JSON and multipart bodies get in.
  app.use(refuseOtherBodyTypes);
  app.use(requestContext);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });

  serveWebApp(app, config.webDistDir);
}
