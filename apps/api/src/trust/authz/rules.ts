import { ACCOUNT_RULES } from './rules-accounts';
import { ADMIN_RULES } from './rules-admin';
import { COURSE_RULES } from './rules-courses';
import { LEARNING_RULES } from './rules-learning';
import { MFA_RULES } from './rules-mfa';
import { NOTIFICATION_RULES } from './rules-notifications';
import { OIDC_RULES } from './rules-oidc';
import { QUESTION_BANK_RULES } from './rules-question-banks';
import { TRAINING_RULES } from './rules-training';
import type { RuleTable } from './rule';

/**
 * The tables by area, under their export names (one authorization spec file each, so they
 * run in parallel; `rule-tables.spec.ts` checks each is run by a matrix and a fuzz spec).
 */
export const RULE_TABLES: Record<string, RuleTable> = {
  ADMIN_RULES,
  COURSE_RULES,
  LEARNING_RULES,
  NOTIFICATION_RULES,
  ACCOUNT_RULES,
  MFA_RULES,
  OIDC_RULES,
  TRAINING_RULES,
  QUESTION_BANK_RULES,
};

/**
 * Every endpoint of the API with what each role may do with it. The authorization spec
 * fails for an endpoint of the OpenAPI document missing here: a new route needs a rule.
 */
export const AUTHZ_RULES: RuleTable = Object.assign({}, ...Object.values(RULE_TABLES));

/** Endpoints with a rule in more than one table (the later one would silently win). */
export function duplicateRules(): string[] {
  const keys = Object.values(RULE_TABLES).flatMap((table) => Object.keys(table));
  return keys.filter((k, i) => keys.indexOf(k) !== i);
}
