import type { Response } from 'supertest';
import type { FuzzRequest } from '../fuzz/fuzz-request';
import type { Caller, Side, SideName, World } from '../support/world';

/** An exact status, or any success (302: the sign-on routes a browser is sent through). */
export type Status = 200 | 201 | 202 | 204 | 302 | 400 | 401 | 403 | 404 | 409 | '2xx';

/** One status whatever the side, or `[inside, outside]`. */
export type PerCaller = Status | readonly [inside: Status, outside: Status];

export interface CheckContext {
  w: World;
  caller: Caller | 'anonymous';
  sideName: SideName;
  /** The province whose resources this check addresses. */
  side: Side;
}

export interface RequestSpec {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: object;
  file?: { field: string; content: Buffer; filename: string; contentType: string };
  /**
   * Where the status alone cannot tell success from refusal (a redirect either way), what
   * else an answer with the expected status must show: null, or what is wrong.
   */
  answer?: (res: Response) => string | null;
}

/**
 * What each role gets from one endpoint, for resources inside the callers' province and
 * outside it (a sibling province). Callers are a learner, a trainer and an hr officer of
 * the inside province and a sysadmin at the root.
 */
export interface AuthzRule {
  /** No resource in a subtree (lists of one's own, public pages): one check per caller. */
  unscoped?: true;
  /** Default 401. */
  anonymous?: Status;
  learner: PerCaller;
  trainer: PerCaller;
  hr: PerCaller;
  sysadmin: PerCaller;
  /**
   * Also checked against what the ministry above the callers' province owns: seen by its
   * learners, and for writes the contract's 403 (seen, not theirs to change).
   */
  above?: Record<Caller, Status>;
  /**
   * Path parameters, query and a minimal valid body, so the status reflects authorization
   * and not validation. Routes that change or use up what they address make it anew here.
   */
  request?: (c: CheckContext) => RequestSpec | Promise<RequestSpec>;
  /**
   * Bad input of this route's own kind for the fuzz, beyond what its OpenAPI entry yields
   * (a sign-on callback with a forged state, a replayed code…), built before it is sent.
   */
  badInput?: (c: CheckContext) => Promise<FuzzRequest[]>;
  /**
   * How a route a browser is sent to refuses, when not with a 4xx (the sign-on callback
   * redirects to a page that explains): the fuzz accepts such an answer as a refusal.
   */
  refusedBy?: (res: Response) => boolean;
}

/**
 * Keys are `METHOD /api/path/{param}` exactly as in the OpenAPI document, or that followed by
 * ` · what` for a variant: the same route with a request whose authorization differs (one
 * PATCH that edits, grants roles, transfers or deactivates). The fuzz suite sends malformed
 * requests to the route itself only; its schema is the same for every variant.
 */
export type RuleTable = Record<string, AuthzRule>;

const VARIANT = ' · ';

/** The OpenAPI key of a rule: `PATCH /api/users/{id} · transfer` → `PATCH /api/users/{id}`. */
export function routeOf(ruleKey: string): string {
  const at = ruleKey.indexOf(VARIANT);
  return at < 0 ? ruleKey : ruleKey.slice(0, at);
}

/** Seen and allowed inside, not seen (404) outside. */
export const inScope = (ok: Status): PerCaller => [ok, 404];

/** The same status for every signed-in caller. */
export const everyone = (s: PerCaller) => ({ learner: s, trainer: s, hr: s, sysadmin: s });

export function matches(expected: Status, actual: number): boolean {
  return expected === '2xx' ? actual >= 200 && actual < 300 : expected === actual;
}

export function expectedFor(rule: AuthzRule, caller: Caller | 'anonymous', side: SideName): Status {
  if (caller === 'anonymous') return rule.anonymous ?? 401;
  if (side === 'above') {
    if (!rule.above) throw new Error('no expectation for the ministry above');
    return rule.above[caller];
  }
  const per = rule[caller];
  return typeof per === 'object' ? per[side === 'inside' ? 0 : 1] : per;
}
