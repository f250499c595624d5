import type { AppConfig } from '@dx/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureHttp } from './http/configure-http';

/** Builds the API exactly as production runs it; integration tests use the same path. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const levels = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: levels.slice(
      0,
      levels.indexOf(config.logLevel) + 1,
    ) as unknown as (typeof levels)[number][],
  });
  // Whose X-Forwarded-For is believed: throttles and the audit log key on the client address.
  app.set('trust proxy', config.trustProxy);
  configureHttp(app, config);
  await app.init();
  return app;
}
