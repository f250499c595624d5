import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_TABLES } from './authz/rules';

/** The rule tables each spec of this folder named `<prefix>-*.spec.ts` passes to `runner`. */
function tablesRunBy(prefix: string, runner: string): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(__dirname)) {
    if (!file.startsWith(`${prefix}-`) || !file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(__dirname, file), 'utf8');
    // The tables named from the call on (the imports above it name them too).
    const at = source.indexOf(`${runner}(`);
    if (at < 0) continue;
    for (const [name] of source.slice(at).matchAll(/\b[A-Z][A-Z_]*_RULES\b/g)) used.add(name);
  }
  return used;
}

/**
 * A rule table of RULE_TABLES gives the completeness check its routes, but its statuses and
 * bad input are only exercised by a spec that runs it: every table needs an authorization
 * matrix spec and a fuzz spec, or a new area's rules would pass without ever being sent.
 */
describe('trust suites', () => {
  const tables = Object.keys(RULE_TABLES);

  it('run every rule table through the authorization matrix', () => {
    const run = tablesRunBy('authz', 'describeAuthzMatrix');
    expect(tables.filter((name) => !run.has(name))).toEqual([]);
  });

  it('run every rule table through the bad-input fuzz', () => {
    const run = tablesRunBy('fuzz', 'describeFuzz');
    expect(tables.filter((name) => !run.has(name))).toEqual([]);
  });
});
