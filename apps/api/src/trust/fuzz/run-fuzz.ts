import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import type { TestApp } from '../../test/test-app';
import { routeOf, type CheckContext, type RuleTable } from '../authz/rule';
import { apiDocument, ApiOperation, fillPath, operations } from '../support/openapi';
import { createTrustApp, dropQueueKeys, TrustSuiteOptions } from '../support/trust-app';
import { TrustCounter } from '../support/trust-stats';
import { buildWorld, World } from '../support/world';
import { jsonBodyCases, multipartCases } from './body-cases';
import { FuzzRequest, queryString } from './fuzz-request';
import { pathCases, queryCases } from './query-path-cases';

/** Every table the API writes (all but the migrations' own). */
async function rowCounts(db: DataSource): Promise<Record<string, number>> {
  const tables: { tablename: string }[] = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`,
  );
  const [row] = await db.query(
    `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM "${t.tablename}") AS "${t.tablename}"`).join(', ')}`,
  );
  return row;
}

/** The malformed requests for one endpoint, from its OpenAPI entry and a valid request. */
export function fuzzRequests(
  op: ApiOperation,
  valid: Awaited<ReturnType<NonNullable<RuleTable[string]['request']>>>,
): FuzzRequest[] {
  const params = valid.params ?? {};
  const query = Object.fromEntries(
    Object.entries(valid.query ?? {}).map(([k, v]) => [k, String(v)]),
  );
  const basePath = fillPath(op.path, params);
  const qs = queryString(query);
  const withValidBody = (r: FuzzRequest): FuzzRequest =>
    valid.file
      ? { ...r, multipart: { files: [valid.file] } }
      : valid.body
        ? { ...r, contentType: 'application/json', payload: JSON.stringify(valid.body) }
        : r;
  const out: FuzzRequest[] = [];
  if (op.body?.contentType === 'application/json') {
    out.push(
      ...jsonBodyCases(op.body.schema, (valid.body ?? {}) as Record<string, unknown>).map((r) => ({
        ...r,
        path: `${basePath}${qs}`,
      })),
    );
  } else if (op.body) {
    out.push(
      ...multipartCases(valid.file?.field ?? 'file', valid.file?.filename ?? 'tep.bin').map(
        (r) => ({ ...r, path: `${basePath}${qs}` }),
      ),
    );
  }
  if (op.query.length) out.push(...queryCases(op, basePath, query).map(withValidBody));
  out.push(...pathCases(op, params, (p) => fillPath(op.path, p), qs).map(withValidBody));
  return out;
}

function send(t: TestApp, op: ApiOperation, token: string, r: FuzzRequest): Promise<Response> {
  let req = t.http[op.method](r.path).set('Authorization', token);
  if (r.multipart) {
    for (const [k, v] of Object.entries(r.multipart.fields ?? {})) req = req.field(k, v);
    for (const f of r.multipart.files ?? []) {
      req = req.attach(f.field, f.content, { filename: f.filename, contentType: f.contentType });
    }
  } else if (r.payload !== undefined) {
    req = req.set('Content-Type', r.contentType ?? 'application/json').send(r.payload);
  }
  return req;
}

/** What is wrong with an answer to a malformed request, or null. */
function verdict(res: Response, refusedBy?: (res: Response) => boolean): string | null {
  if (refusedBy?.(res)) return null;
  if (res.status < 400 || res.status >= 500)
    return `answered ${res.status} ${res.headers.location ?? ''}`.trim();
  const b = res.body as { statusCode?: unknown; message?: unknown; errors?: unknown };
  if (b?.statusCode !== res.status || typeof b.message !== 'string' || !Array.isArray(b.errors)) {
    return `${res.status} without the error shape: ${JSON.stringify(res.body ?? res.text).slice(0, 120)}`;
  }
  return null;
}

/**
 * One test per endpoint of `rules`: its malformed requests, sent as a sysadmin (so
 * authorization is never the reason), each answered 4xx in the contract's error shape,
 * and no table gains or loses a row. The spec runs on a database of its own, so the row
 * counts are not disturbed by specs running in parallel. With `service`, the API runs with
 * it switched on; a rule's `badInput` adds requests of its route's own kind.
 */
export function describeFuzz(
  group: string,
  rules: RuleTable,
  { service }: TrustSuiteOptions = {},
): void {
  describe(`bad-input fuzz — ${group}`, () => {
    let t: TestApp;
    let prefix: string;
    let databaseUrl: string;
    let w: World;
    let ops: Map<string, ApiOperation>;
    const counter = new TrustCounter('fuzz');

    beforeAll(async () => {
      databaseUrl = await createTestDatabase('dx_test_trust');
      const env = await service?.start();
      ({ t, prefix } = await createTrustApp({ ...env, DATABASE_URL: databaseUrl }));
      ops = new Map(operations(apiDocument(t.app)).map((o) => [o.key, o]));
      w = await buildWorld(t, prefix);
    }, 90_000);

    afterAll(async () => {
      counter.flush();
      await t?.close();
      if (t) await dropQueueKeys(t.config.redisUrl, prefix);
      if (databaseUrl) await dropTestDatabase(databaseUrl);
      await service?.stop();
    });

    // Variants share their route's schema: the route's own rule is fuzzed once.
    it.each(Object.keys(rules).filter((key) => routeOf(key) === key))(
      '%s',
      async (key) => {
        const op = ops.get(key);
        if (!op) throw new Error(`${key} is not in the OpenAPI document`);
        const ctx: CheckContext = { w, caller: 'sysadmin', sideName: 'inside', side: w.inside };
        const rule = rules[key];
        const valid = (await rule.request?.(ctx)) ?? {};
        // Built before the count: making them may sign someone in (a code to replay).
        const own = (await rule.badInput?.(ctx)) ?? [];
        const requests = [...fuzzRequests(op, valid), ...own];
        const before = await rowCounts(t.db);
        const problems: string[] = [];
        for (const r of requests) {
          const wrong = verdict(await send(t, op, w.adminToken, r), rule.refusedBy);
          if (!counter.count(!wrong)) problems.push(`${r.label}: ${wrong}`);
        }
        if (problems.length === 0 && requests.length) {
          const after = await rowCounts(t.db);
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          expect(changed.map((k) => `${k}: ${before[k]} → ${after[k]}`)).toEqual([]);
        }
        expect(problems).toEqual([]);
      },
      60_000,
    );
  });
}
