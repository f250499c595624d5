import { load, LoadResult } from './load';
import { freePort, startService, stopService, waitForHttp } from '@dx/testing';
import { cpuSeconds } from './processes';

export type Adapter = 'express' | 'fastify';

/**
 * The bare NestJS "hello" route (hello-app.ts) in its own process, under the same load as the
 * API routes: 2 s warm-up, then `seconds` at `connections`.
 */
export async function measureHello(
  adapter: Adapter,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const port = await freePort();
  const hello = startService(
    `hello:${adapter}`,
    ['-r', '@swc-node/register', 'tools/bench/src/hello-app.ts'],
    {
      SWC_NODE_PROJECT: 'tools/bench/tsconfig.json',
      NODE_ENV: 'production',
      HELLO_ADAPTER: adapter,
      PORT: String(port),
    },
  );
  try {
    const url = `http://127.0.0.1:${port}/hello`;
    await waitForHttp(url, hello);
    await load({ url, connections, duration: 2 });
    return await load({ url, connections, duration: seconds }, () =>
      cpuSeconds(hello.child.pid ?? 0),
    );
  } finally {
    await stopService(hello);
  }
}
