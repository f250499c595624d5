import 'reflect-metadata';
import { AppConfig, loadAppConfig } from '@dx/config';
import { Logger } from '@nestjs/common';
import { createApiApp } from './create-api-app';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadAppConfig(process.env);
  } catch (err) {
    // One clear line, no stack: the operator has a variable to fix.
    console.error((err as Error).message);
    process.exit(1);
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  new Logger('Api').log(`Listening on http://localhost:${config.port} (docs at /api/docs)`);
}

main().catch((err) => {
  new Logger('Api').error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
