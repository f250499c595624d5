import type { ApiOperation, SchemaObject } from '../support/openapi';
import { FuzzRequest, LONG_QUERY_VALUE, queryString, UNICODE_WITH_NUL } from './fuzz-request';

type Query = Record<string, string | string[]>;

/** Bad values for one query parameter, by its declared type. */
function badQueryValues(s: SchemaObject): [string, string | string[]][] {
  const out: [string, string | string[]][] = [['given twice', ['1', '2']]];
  if (s.type === 'number' || s.type === 'integer') {
    out.push(['a word', 'mười'], ['negative', '-1'], ['zero', '0'], ['a fraction', '1.5']);
    out.push(['huge', '1e308'], ['past 2^64', '99999999999999999999999'], ['hex', '0x10']);
  } else if (s.type === 'boolean') {
    out.push(['neither true nor false', 'có lẽ']);
  } else {
    out.push(
      ['unicode with a NUL byte', UNICODE_WITH_NUL],
      ['1,200 Vietnamese letters', LONG_QUERY_VALUE],
    );
    if (s.enum) out.push(['not one of the enum', 'khong-hop-le']);
    if (s.format === 'uuid') out.push(['not a UUID', "1' OR '1'='1"]);
  }
  return out;
}

/** Malformed query strings, each from the valid query with one thing wrong. */
export function queryCases(op: ApiOperation, basePath: string, base: Query): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const at = (label: string, q: Query): FuzzRequest => ({
    label,
    path: `${basePath}${queryString(q)}`,
  });
  out.push(at('an unknown query parameter', { ...base, extra: '1' }));
  out.push(at('a query parameter named with unicode', { ...base, 'tham_số 🎓': 'x' }));
  for (const p of op.query) {
    const schema = (p.schema ?? {}) as SchemaObject;
    if (p.required) {
      const { [p.name]: _dropped, ...rest } = base;
      out.push(at(`${p.name} missing`, rest));
    }
    for (const [what, value] of badQueryValues(schema)) {
      out.push(at(`${p.name}: ${what}`, { ...base, [p.name]: value }));
    }
  }
  return out;
}

/** Path segments that are not ids, each in place of one path parameter. */
const BAD_SEGMENTS: [string, string][] = [
  ['a word', 'khong-phai-uuid'],
  ['a number', '12345'],
  ['SQL', "1' OR '1'='1"],
  ['Vietnamese and emoji', 'khóa-học-🎓'],
  ['right-to-left text', '‏عربي‏'],
  ['a NUL byte', 'a\u0000b'],
  ['a traversal', '../../etc/passwd'],
  ['3,000 characters', 'x'.repeat(3000)],
  ['a UUID with a bad letter', '00000000-0000-4000-8000-00000000000g'],
  ['the nil UUID', '00000000-0000-0000-0000-000000000000'],
];

export function pathCases(
  op: ApiOperation,
  params: Record<string, string>,
  fill: (p: Record<string, string>) => string,
  query: string,
): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  for (const name of op.pathParams) {
    for (const [what, value] of BAD_SEGMENTS) {
      out.push({
        label: `{${name}}: ${what}`,
        path: `${fill({ ...params, [name]: value })}${query}`,
      });
    }
    // Percent-encoding that does not decode: the router itself must answer in our shape.
    const marker = 'TRUST-MARKER';
    const broken = fill({ ...params, [name]: marker }).replace(marker, '%E0%A4%A');
    out.push({ label: `{${name}}: broken percent-encoding`, path: `${broken}${query}` });
  }
  return out;
}
