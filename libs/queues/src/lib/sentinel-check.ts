import type { AppConfig } from '@dx/config';
import Redis from 'ioredis';

/**
 * With REDIS_SENTINELS set, asks the sentinels (each within `timeoutMs`) which server is the
 * master of REDIS_SENTINEL_NAME. None answering, or none knowing the name, is a setup
 * mistake: the process stops with one line instead of retrying for ever in silence.
 * Later outages are ioredis's to ride out.
 */
export async function checkSentinelsAtStart(
  config: Pick<AppConfig, 'redisSentinel'>,
  timeoutMs = 3_000,
): Promise<void> {
  const setup = config.redisSentinel;
  if (!setup) return;
  const problems: string[] = [];
  for (const { host, port } of setup.sentinels) {
    const sentinel = new Redis({
      host,
      port,
      lazyConnect: true,
      connectTimeout: timeoutMs,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    let cause: Error | undefined; // ioredis reports the socket's error here, and only "closed" below
    sentinel.on('error', (err: Error) => (cause ??= err));
    try {
      await sentinel.connect();
      const master = (await sentinel.call('SENTINEL', 'get-master-addr-by-name', setup.name)) as
        string[] | null;
      if (master) return;
      problems.push(`${host}:${port} does not monitor ${setup.name}`);
    } catch (err) {
      problems.push(`${host}:${port} ${(cause ?? (err as Error)).message}`);
    } finally {
      sentinel.disconnect();
    }
  }
  throw new Error(
    `REDIS_SENTINELS: no sentinel names a master for ${setup.name} (${problems.join('; ')})`,
  );
}
