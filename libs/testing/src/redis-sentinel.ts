import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort, stopped } from './processes';

const MASTER_NAME = 'dxmaster';

function redisServer(args: string[]): ChildProcess {
  return spawn('redis-server', args, { stdio: 'ignore' });
}

async function until(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A real Redis failover group on loopback ports: a master, its replica, and three
 * redis-sentinel processes (Debian's redis-sentinel) with quorum 2 that declare the master
 * down after 1 s. Nothing is persisted; killMaster() is a SIGKILL, as a lost machine.
 */
export class RedisSentinelTestGroup {
  private readonly children = new Map<string, ChildProcess>();
  private readonly dir = mkdtempSync(join(tmpdir(), 'dx-sentinel-'));

  private constructor(
    readonly masterPort: number,
    readonly replicaPort: number,
    readonly sentinelPorts: number[],
  ) {}

  static async start(): Promise<RedisSentinelTestGroup> {
    const ports = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
    const group = new RedisSentinelTestGroup(ports[0], ports[1], ports.slice(2));
    // --dir: a replica's full sync makes the master write an RDB file; keep it out of the repo.
    const common = ['--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', group.dir];
    group.children.set('master', redisServer(['--port', String(group.masterPort), ...common]));
    group.children.set(
      'replica',
      redisServer([
        '--port',
        String(group.replicaPort),
        ...common,
        '--replicaof',
        '127.0.0.1',
        String(group.masterPort),
      ]),
    );
    for (const [i, port] of group.sentinelPorts.entries()) {
      // Sentinel rewrites its configuration file: each one needs its own, writable.
      const file = join(group.dir, `sentinel-${i}.conf`);
      writeFileSync(
        file,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `dir ${group.dir}`,
          `sentinel monitor ${MASTER_NAME} 127.0.0.1 ${group.masterPort} 2`,
          `sentinel down-after-milliseconds ${MASTER_NAME} 1000`,
          `sentinel failover-timeout ${MASTER_NAME} 10000`,
          `sentinel parallel-syncs ${MASTER_NAME} 1`,
          '',
        ].join('\n'),
      );
      group.children.set(`sentinel-${i}`, spawn('redis-sentinel', [file], { stdio: 'ignore' }));
    }
    await until(
      async () => (await group.replicationLink()) === 'up',
      15_000,
      'the replica to sync',
    );
    await until(
      async () => (await group.knownReplicas()) >= 1,
      15_000,
      'the sentinels to see the replica',
    );
    return group;
  }

  get sentinelsEnv(): { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string } {
    return {
      REDIS_SENTINELS: this.sentinelPorts.map((p) => `127.0.0.1:${p}`).join(','),
      REDIS_SENTINEL_NAME: MASTER_NAME,
    };
  }

  /** The port the sentinels name as master now. */
  async currentMasterPort(): Promise<number> {
    const sentinel = new Redis({
      port: this.sentinelPorts[0],
      host: '127.0.0.1',
      lazyConnect: true,
    });
    try {
      await sentinel.connect();
      const [, port] = (await sentinel.call(
        'SENTINEL',
        'get-master-addr-by-name',
        MASTER_NAME,
      )) as string[];
      return Number(port);
    } finally {
      sentinel.disconnect();
    }
  }

  async killMaster(): Promise<void> {
    const master = this.children.get('master');
    master?.kill('SIGKILL');
    if (master) await stopped(master);
  }

  /** Resolves when the sentinels have promoted the replica. */
  async waitForPromotion(timeoutMs = 30_000): Promise<void> {
    await until(
      async () => (await this.currentMasterPort()) === this.replicaPort,
      timeoutMs,
      'the failover',
    );
  }

  async stop(): Promise<void> {
    for (const child of this.children.values()) child.kill('SIGKILL');
    await Promise.all([...this.children.values()].map(stopped));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async replicationLink(): Promise<string> {
    const replica = new Redis({ port: this.replicaPort, host: '127.0.0.1', lazyConnect: true });
    try {
      await replica.connect();
      return /master_link_status:(\w+)/.exec(await replica.info('replication'))?.[1] ?? '';
    } finally {
      replica.disconnect();
    }
  }

  private async knownReplicas(): Promise<number> {
    const sentinel = new Redis({
      port: this.sentinelPorts[0],
      host: '127.0.0.1',
      lazyConnect: true,
    });
    try {
      await sentinel.connect();
      return ((await sentinel.call('SENTINEL', 'replicas', MASTER_NAME)) as unknown[]).length;
    } finally {
      sentinel.disconnect();
    }
  }
}
