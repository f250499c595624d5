import { Client } from 'pg';
import { isDatabaseUnavailable } from './api-exception.filter';

describe('isDatabaseUnavailable', () => {
  it('recognises what node-postgres reports when the server goes away', async () => {
    // A real refused connection, not a made-up error object.
    const refused = await new Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 2_000 })
      .connect()
      .then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(refused)).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ code: '57P01', message: 'terminating connection' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006' })).toBe(true);
    expect(isDatabaseUnavailable({ driverError: { code: '53300' } })).toBe(true);
  });

  it('leaves request and programming errors alone', () => {
    expect(isDatabaseUnavailable({ code: '23505', message: 'duplicate key' })).toBe(false);
    expect(isDatabaseUnavailable({ code: '42P01', message: 'relation does not exist' })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
