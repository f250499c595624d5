import { Client } from 'pg';

/**
 * A pg client for a PgBouncer in transaction mode older than 1.21 (Debian 12 ships 1.18):
 * the pooler hands each transaction to any server connection, so a statement prepared
 * under a name on one is unknown on the next. This client sends named statements
 * unnamed (parsed with their parameters every time, still one round trip), and nothing
 * else changes. With PgBouncer ≥ 1.21 and `max_prepared_statements` set, it is not needed.
 */
export class TransactionPoolerClient extends Client {}

const query = Client.prototype.query as (...args: unknown[]) => unknown;
TransactionPoolerClient.prototype.query = function (
  this: Client,
  config: unknown,
  ...rest: unknown[]
) {
  if (config && typeof config === 'object' && 'name' in config) {
    const { name: _name, ...unnamed } = config as { name?: string };
    return query.call(this, unnamed, ...rest);
  }
  return query.call(this, config, ...rest);
} as Client['query'];
