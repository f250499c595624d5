import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies, validRange } from 'semver';

// The README and the root package.json promise a Node version (CI and the Docker image run
// Node 20); a dependency whose `engines.node` excludes it may break at run time or on `npm ci
// --engine-strict`. The lock file records every installed package's engines, so this check
// needs no network and sees transitive packages too.
const root = join(__dirname, '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

interface LockEntry {
  version?: string;
  engines?: { node?: string } | string[];
}

describe('Node engines', () => {
  const promised: string = readJson('package.json').engines.node;
  const oldest = minVersion(promised)?.version;

  it('the root package.json names a Node range that the bootstrap checks', () => {
    expect(validRange(promised)).not.toBeNull();
    expect(oldest).toBeDefined();
    expect(readFileSync(join(root, 'tools/scripts/dev-env.mjs'), 'utf8')).toContain(
      `install Node ${oldest?.split('.').slice(0, 2).join('.')} or newer`,
    );
  });

  it('every installed package accepts the oldest promised Node', () => {
    const packages: Record<string, LockEntry> = readJson('package-lock.json').packages;
    const refused = Object.entries(packages).flatMap(([path, entry]) => {
      const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!path || !range || !validRange(range)) return [];
      return satisfies(oldest as string, range, { includePrerelease: true })
        ? []
        : [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants node ${range}`];
    });
    expect(refused).toEqual([]);
  });
});
