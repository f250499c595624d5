import type { SchemaObject } from '../support/openapi';
import { FuzzRequest, HUGE_STRING, OVERSIZED, UNICODE_WITH_NUL } from './fuzz-request';

type Json = Record<string, unknown>;
type Variant = [label: string, value: unknown];

/** Values of the wrong kind, out of range or unstorable for a property of this schema. */
export function badValues(s: SchemaObject, required: boolean): Variant[] {
  // null is refused only where the schema does not allow it (parentId: null = a top unit).
  const out: Variant[] = required && !s.nullable ? [['null', null]] : [];
  const type = s.type ?? (s.properties ? 'object' : undefined);
  if (type === 'string') {
    out.push(
      ['a number', 12345],
      ['a boolean', true],
      ['an array', ['a']],
      ['an object', { a: 1 }],
    );
    out.push(['a 100 KB string', HUGE_STRING], ['unicode with a NUL byte', UNICODE_WITH_NUL]);
    if (s.enum) {
      out.push(['not one of the enum', 'khong-hop-le']);
      // Only where case makes a difference: ',' in upper case is still the valid ','.
      const upper = String(s.enum[0]).toUpperCase();
      if (!s.enum.includes(upper)) out.push(['the enum in upper case', upper]);
    }
    if (s.format === 'uuid')
      out.push(
        ['not a UUID', 'not-a-uuid'],
        ['a UUID of Arabic digits', '٠٠٠٠٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠-٠٠٠٠٠٠٠٠٠٠٠٠'],
      );
  } else if (type === 'number' || type === 'integer') {
    out.push(['a numeric string', '12'], ['a boolean', true], ['an array', [1]], ['an object', {}]);
    out.push(
      ['negative', -1],
      ['huge', 1e308],
      ['past a 32-bit int', 2 ** 31],
      ['past 2^53', 2 ** 53 + 2],
    );
  } else if (type === 'boolean') {
    out.push(['the string "true"', 'true'], ['the number 1', 1], ['an array', [true]]);
  } else if (type === 'array') {
    const item = s.items as SchemaObject | undefined;
    out.push(['a string', 'x'], ['an object', { a: 1 }], ['an array of numbers', [1, 2]]);
    out.push(['an array of arrays', [['x']]]);
    if (item?.type === 'object' || item?.properties) out.push(['an array of empty objects', [{}]]);
    if (item?.type === 'string') out.push(['an array with a NUL string', [UNICODE_WITH_NUL]]);
  }
  return out;
}

const json = (label: string, value: unknown): FuzzRequest => ({
  label,
  path: '',
  contentType: 'application/json',
  payload: JSON.stringify(value),
});
const raw = (label: string, payload: string, contentType = 'application/json'): FuzzRequest => ({
  label,
  path: '',
  contentType,
  payload,
});

/**
 * Malformed JSON bodies for an endpoint, from its schema and a valid body: each would be
 * refused by a careful API (path filled in by the caller).
 */
export function jsonBodyCases(schema: SchemaObject, base: Json): FuzzRequest[] {
  const required = schema.required ?? [];
  const props = (schema.properties ?? {}) as Record<string, SchemaObject>;
  const out: FuzzRequest[] = [];
  const encoded = JSON.stringify(base);

  out.push(raw('broken JSON', '{"title": "Chuyển đổi số",'));
  out.push(raw('JSON with a trailing comma', encoded.replace(/}$/, ',}')));
  out.push(raw('a JSON string instead of an object', '"Chuyển đổi số"'));
  out.push(raw('JSON null', 'null'));
  out.push(json('the valid body inside an array', [base]));
  out.push(raw('the body as text/plain', encoded, 'text/plain; charset=utf-8'));
  out.push(raw('the body as form-urlencoded', formOf(base), 'application/x-www-form-urlencoded'));
  out.push(raw('XML', '<course><title>Chuyển đổi số</title></course>', 'application/xml'));
  out.push(json('an extra field', { ...base, extra: 1 }));
  out.push(json('an extra field with a unicode name', { ...base, 'trường lạ 🎓 עברית': 'x' }));
  out.push(raw('a __proto__ field', encoded.replace(/^{/, '{"__proto__":{"roles":["sysadmin"]},')));
  out.push(
    json('a constructor field', { ...base, constructor: { prototype: { roles: ['sysadmin'] } } }),
  );
  out.push(json('a body over the 1 MB limit', { ...base, padding: OVERSIZED }));
  if (required.length) out.push(json('an empty object', {}));
  for (const field of required) {
    const { [field]: _dropped, ...rest } = base;
    out.push(json(`${field} missing`, rest));
  }
  for (const [field, s] of Object.entries(props)) {
    for (const [what, value] of badValues(s, required.includes(field))) {
      out.push(json(`${field}: ${what}`, { ...base, [field]: value }));
    }
    const item = s.items as SchemaObject | undefined;
    const first = Array.isArray(base[field]) ? (base[field] as unknown[])[0] : undefined;
    if (item?.properties && first && typeof first === 'object') {
      out.push(...nestedCases(field, item, base, first as Json));
    }
    if (s.type === 'array') {
      const many = Array.from({ length: 1000 }, () => first ?? 'x');
      out.push(json(`${field}: 1,000 items`, { ...base, [field]: many }));
    }
  }
  return out;
}

/** One level down: the first item of an array of objects, each property made bad. */
function nestedCases(field: string, item: SchemaObject, base: Json, first: Json): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const list = base[field] as Json[];
  const props = item.properties as Record<string, SchemaObject>;
  for (const [prop, s] of Object.entries(props)) {
    for (const [what, value] of badValues(s, (item.required ?? []).includes(prop)).slice(0, 6)) {
      const items = [{ ...first, [prop]: value }, ...list.slice(1)];
      out.push(json(`${field}[0].${prop}: ${what}`, { ...base, [field]: items }));
    }
  }
  out.push(
    json(`${field}[0]: an extra field`, {
      ...base,
      [field]: [{ ...first, extra: 1 }, ...list.slice(1)],
    }),
  );
  return out;
}

function formOf(base: Json): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(base)) {
    if (Array.isArray(v)) v.forEach((x) => params.append(`${k}[]`, String(x)));
    else params.append(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return params.toString();
}

/** Malformed uploads: no file, the wrong field, two files, unreadable content, not multipart. */
export function multipartCases(field: string, filename: string): FuzzRequest[] {
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
  const file = (content: Buffer, name = filename, as = field) => ({
    field: as,
    content,
    filename: name,
    contentType: 'application/octet-stream',
  });
  return [
    {
      label: 'multipart without a file',
      path: '',
      multipart: { fields: { note: 'không có tệp' } },
    },
    {
      label: 'the file in another field',
      path: '',
      multipart: { files: [file(garbage, filename, 'upload')] },
    },
    { label: 'two files', path: '', multipart: { files: [file(garbage), file(garbage)] } },
    { label: 'an empty file', path: '', multipart: { files: [file(Buffer.alloc(0))] } },
    {
      label: 'binary garbage under the expected name',
      path: '',
      multipart: { files: [file(garbage)] },
    },
    {
      label: 'a file name with a NUL byte and RTL text',
      path: '',
      multipart: { files: [file(garbage, `tệp\u0000‏עברית‏.exe`)] },
    },
    raw('JSON instead of multipart', JSON.stringify({ file: 'x' })),
    raw('text/plain instead of multipart', 'tệp', 'text/plain'),
    raw(
      'a multipart body whose boundary never appears',
      '--other\r\nContent-Disposition: form-data; name="file"\r\n\r\nx',
      'multipart/form-data; boundary=dx-trust',
    ),
    raw('multipart without a boundary', 'x', 'multipart/form-data'),
  ];
}
