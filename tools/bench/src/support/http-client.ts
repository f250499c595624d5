import { Agent, request } from 'node:http';

export interface TimedResponse {
  status: number;
  body: string;
  /** From `since` (the moment the request was due) to the last byte of the answer. */
  ms: number;
}

/**
 * A keep-alive HTTP client over at most `maxSockets` connections: the bound on how many
 * requests are in flight. A request waiting for a free socket is already late, and its
 * latency says so (it is timed from when it was due, not from when it left).
 */
export class BoundedClient {
  private readonly agent: Agent;

  constructor(
    private readonly baseUrl: string,
    maxSockets: number,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  send(
    method: 'GET' | 'POST',
    path: string,
    token: string,
    body?: unknown,
    since = performance.now(),
  ): Promise<TimedResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve) => {
      const req = request(
        `${this.baseUrl}${path}`,
        {
          method,
          agent: this.agent,
          timeout: 30_000,
          headers: {
            // No token: a request made before signing in (the sign-in itself).
            ...(token && { authorization: `Bearer ${token}` }),
            ...(payload && {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(payload),
            }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - since,
            }),
          );
        },
      );
      // A network error or timeout is answered as status 0: the caller counts it as an error.
      const fail = (err: Error) =>
        resolve({ status: 0, body: err.message, ms: performance.now() - since });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', fail);
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
