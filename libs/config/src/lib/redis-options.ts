import type { RedisOptions } from 'ioredis';

/** ioredis options from a `redis://[:password@]host:port[/db]` (or `rediss://`) URL. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * ioredis options for this installation: the URL's server, or — with REDIS_SENTINELS — the
 * current master as the sentinels name it. ioredis asks the sentinels again after a
 * failover, and on a READONLY reply (a demoted master) reconnects to the new one.
 */
export function redisConnectionOptions(config: {
  redisUrl: string;
  redisSentinel: { sentinels: { host: string; port: number }[]; name: string } | null;
}): Omit<RedisOptions, 'retryStrategy'> {
  const fromUrl = redisOptionsFromUrl(config.redisUrl);
  if (!config.redisSentinel) return fromUrl;
  const { host: _host, port: _port, ...auth } = fromUrl;
  return {
    ...auth,
    sentinels: config.redisSentinel.sentinels,
    name: config.redisSentinel.name,
    // A master demoted by a failover answers writes with READONLY: reconnect, don't fail the job.
    reconnectOnError: (err) => err.message.startsWith('READONLY'),
  };
}
