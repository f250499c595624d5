import 'reflect-metadata';
import { AppConfig, loadAppConfig, LogLevel } from '@dx/config';
import { QueueName } from '@dx/contracts';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from './worker.module';

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

async function bootstrap(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
    // Reject instead of process.abort(), so a failed start exits with code 1.
    abortOnError: false,
  }).catch(() => {
    // Nest's ExceptionHandler has already logged why (one line for the start-up checks that
    // throw without a stack, e.g. a bad CERT_PDF_P12): saying it again would only repeat it.
    process.exit(1);
  });
  app.enableShutdownHooks();
  new Logger('Worker').log(
    `Ready: processing queues ${Object.values(QueueName).join(', ')} (prefix "${config.queuePrefix}")`,
  );
}

bootstrap().catch((err: Error) => {
  new Logger('Worker').error(`Failed to start: ${err.stack ?? err.message}`);
  process.exit(1);
});
