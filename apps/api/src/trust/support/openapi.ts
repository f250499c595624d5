import type { INestApplication } from '@nestjs/common';
import { buildOpenApiDocument } from '../../http/openapi-document';
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export type { OpenAPIObject, SchemaObject };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof METHODS)[number];

/** One endpoint of the OpenAPI document, named like the rule tables: `POST /api/x/{id}`. */
export interface ApiOperation {
  key: string;
  method: HttpMethod;
  path: string;
  op: OperationObject;
  pathParams: string[];
  query: ParameterObject[];
  /** Content type and schema (refs resolved) of the request body, if any. */
  body?: { contentType: string; schema: SchemaObject };
}

/** The document exactly as /api/docs-json serves it, built from the running app's routes. */
export function apiDocument(app: INestApplication): OpenAPIObject {
  return buildOpenApiDocument(app);
}

export function operations(doc: OpenAPIObject): ApiOperation[] {
  const out: ApiOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      const params = (op.parameters ?? []).map((p) => resolve(doc, p) as ParameterObject);
      const content =
        op.requestBody &&
        (
          resolve(doc, op.requestBody) as {
            content: Record<string, { schema?: SchemaObject | ReferenceObject }>;
          }
        ).content;
      const contentType = content && Object.keys(content)[0];
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        op,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query'),
        body:
          contentType && content[contentType].schema
            ? { contentType, schema: deref(doc, content[contentType].schema as SchemaObject) }
            : undefined,
      });
    }
  }
  return out;
}

/** `/api/courses/{id}` with `{id: 'x'}` → `/api/courses/x` (values URI-encoded). */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} of ${path}`);
    return encodeURIComponent(value);
  });
}

function resolve(doc: OpenAPIObject, obj: object): object {
  const ref = (obj as ReferenceObject).$ref;
  if (!ref) return obj;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, doc as never);
  return resolve(doc, target);
}

/** The schema with every $ref replaced by its target (the DTOs are not recursive). */
export function deref(doc: OpenAPIObject, schema: SchemaObject | ReferenceObject): SchemaObject {
  const s = resolve(doc, schema) as SchemaObject;
  const out: SchemaObject = { ...s };
  if (s.properties) {
    out.properties = Object.fromEntries(
      Object.entries(s.properties).map(([k, v]) => [k, deref(doc, v)]),
    );
  }
  if (s.items) out.items = deref(doc, s.items);
  return out;
}
