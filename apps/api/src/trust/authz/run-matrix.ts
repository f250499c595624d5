import type { TestApp } from '../../test/test-app';
import { apiDocument, ApiOperation, fillPath, operations } from '../support/openapi';
import { createTrustApp, dropQueueKeys, TrustSuiteOptions } from '../support/trust-app';
import { TrustCounter } from '../support/trust-stats';
import { buildWorld, CALLERS, Caller, callerToken, SideName, World } from '../support/world';
import { AuthzRule, CheckContext, expectedFor, matches, routeOf, RuleTable } from './rule';
import { AUTHZ_RULES, duplicateRules } from './rules';

interface Mismatch {
  caller: Caller | 'anonymous';
  side: SideName;
  expected: string;
  got: number;
  body: string;
}

/**
 * One test per endpoint of `rules`: every caller (anonymous, learner, trainer, hr,
 * sysadmin), against a resource inside and outside the callers' province, gets the
 * status its rule says. A mismatch names caller, side, expected and actual status. With
 * `service`, the API runs with it switched on (the single sign-on routes and their provider).
 */
export function describeAuthzMatrix(
  group: string,
  rules: RuleTable,
  { service }: TrustSuiteOptions = {},
): void {
  describe(`authorization matrix — ${group}`, () => {
    let t: TestApp;
    let prefix: string;
    let w: World;
    let ops: Map<string, ApiOperation>;
    const counter = new TrustCounter('authz');

    beforeAll(async () => {
      ({ t, prefix } = await createTrustApp(await service?.start()));
      ops = new Map(operations(apiDocument(t.app)).map((o) => [o.key, o]));
      w = await buildWorld(t, prefix);
    }, 60_000);

    afterAll(async () => {
      counter.flush();
      await t?.close();
      if (t) await dropQueueKeys(t.config.redisUrl, prefix);
      await service?.stop();
    });

    it('has a rule for every endpoint of the OpenAPI document, and none for a missing one', () => {
      const documented = [...ops.keys()];
      expect(documented.filter((k) => !(k in AUTHZ_RULES))).toEqual([]);
      expect(Object.keys(rules).filter((k) => !ops.has(routeOf(k)))).toEqual([]);
      expect(duplicateRules()).toEqual([]);
    });

    it.each(Object.keys(rules))('%s', async (key) => {
      const op = ops.get(routeOf(key));
      if (!op) throw new Error(`${key} has a rule but is not in the OpenAPI document`);
      const mismatches: Mismatch[] = [];
      for (const [caller, side] of checksOf(rules[key])) {
        const mismatch = await check(w, op, rules[key], caller, side);
        if (!counter.count(!mismatch)) mismatches.push(mismatch as Mismatch);
      }
      expect(mismatches).toEqual([]);
    });
  });
}

function checksOf(rule: AuthzRule): [Caller | 'anonymous', SideName][] {
  const sides: SideName[] = rule.unscoped ? ['inside'] : ['inside', 'outside'];
  if (rule.above) sides.push('above');
  return [
    ['anonymous', 'inside'],
    ...CALLERS.flatMap((c) => sides.map((s) => [c, s] as [Caller, SideName])),
  ];
}

async function check(
  w: World,
  op: ApiOperation,
  rule: AuthzRule,
  caller: Caller | 'anonymous',
  sideName: SideName,
): Promise<Mismatch | null> {
  const ctx: CheckContext = { w, caller, sideName, side: w[sideName] };
  const spec = rule.request ? await rule.request(ctx) : {};
  let req = w.t.http[op.method](fillPath(op.path, spec.params ?? {}));
  const token = callerToken(w, caller);
  if (token) req = req.set('Authorization', token);
  if (spec.query) req = req.query(spec.query);
  if (spec.file) {
    const { field, content, filename, contentType } = spec.file;
    req = req.attach(field, content, { filename, contentType });
  } else if (spec.body) {
    req = req.send(spec.body);
  }
  const res = await req;
  const expected = expectedFor(rule, caller, sideName);
  const wrong = matches(expected, res.status) ? (spec.answer?.(res) ?? null) : 'status';
  if (!wrong) return null;
  return {
    caller,
    side: sideName,
    expected: wrong === 'status' ? String(expected) : `${expected}: ${wrong}`,
    got: res.status,
    body: JSON.stringify(res.body ?? res.text).slice(0, 200),
  };
}
