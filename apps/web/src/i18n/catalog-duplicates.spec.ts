import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/*
 * JSON.parse (and the bundler's JSON import) keeps the last of two equal keys without a word, so a
 * merge that adds a sentence under a key that already exists silently replaces the first one (it
 * happened: every too-large upload read the import's sentence). jsonc-parser's syntax tree keeps
 * every property, so duplicates can be seen. It comes with Nx and TypeScript.
 */
function duplicateKeys(text: string): string[] {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !root) {
    const first = errors[0];
    throw new Error(
      `not JSON: ${first ? `${printParseErrorCode(first.error)} at ${first.offset}` : 'empty'}`,
    );
  }
  const found: string[] = [];
  const walk = (node: Node, path: string) => {
    if (node.type !== 'object') return;
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      const key = String(keyNode?.value);
      const keyPath = path ? `${path}.${key}` : key;
      if (seen.has(key)) found.push(keyPath);
      seen.add(key);
      if (valueNode) walk(valueNode, keyPath);
    }
  };
  walk(root, '');
  return found;
}

describe('translation catalogues have no duplicate keys', () => {
  it.each(['vi.json', 'en.json'])('%s', (file) => {
    expect(duplicateKeys(readFileSync(join(__dirname, file), 'utf8'))).toEqual([]);
  });

  it('sees a duplicate that JSON.parse hides, at any depth', () => {
    const sample = '{"a": {"x": "1", "y": "2", "x": "3"}, "b": "4", "b": "5", "c": {"x": "6"}}';
    expect(JSON.parse(sample).a.x).toBe('3');
    expect(duplicateKeys(sample)).toEqual(['a.x', 'b']);
  });

  it('refuses text that is not strict JSON rather than passing it', () => {
    expect(() => duplicateKeys('{"a": "1",}')).toThrow(/not JSON/);
  });
});
