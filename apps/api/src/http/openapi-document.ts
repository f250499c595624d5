import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type {
  OpenAPIObject,
  OperationObject,
  ResponsesObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** Marks an operation opened by @Public(); replaced by `security: []` in the document. */
export const PUBLIC_EXTENSION = 'x-dx-public';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const ERROR_SCHEMA = { $ref: '#/components/schemas/ApiErrorBody' };

/**
 * The OpenAPI document /api/docs-json serves. Every route needs a bearer token unless it is
 * @Public(); the 4xx answers every operation can give (the global guard, validation pipe and
 * exception filter give them, not the controllers) are added here in one place, with the one
 * error body they all share, so the document lints clean with Redocly's `recommended` rules.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('dx-academy API')
    .setDescription('Self-study platform for digital-transformation staff. Contract v1.')
    .setVersion('1')
    .addServer('/', 'The server that serves this document')
    .addBearerAuth()
    .addSecurityRequirements('bearer')
    .build();
  // package.json says UNLICENSED: the code is not open source.
  config.info.license = { name: 'UNLICENSED' };
  const doc = SwaggerModule.createDocument(app, config);
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, ApiErrorBody: API_ERROR_BODY },
  };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) completeOperation(op, method, path);
    }
  }
  return doc;
}

function completeOperation(op: OperationObject, method: string, path: string): void {
  const extended = op as OperationObject & Record<string, unknown>;
  const isPublic = extended[PUBLIC_EXTENSION] === true;
  delete extended[PUBLIC_EXTENSION];
  if (isPublic) op.security = [];
  const takesInput = path.includes('{') || !!op.requestBody || (op.parameters ?? []).length > 0;
  const answers: ResponsesObject = {};
  if (takesInput) answers['400'] = error('Invalid input: `errors` names each field');
  if (!isPublic) {
    answers['401'] = error('No valid access token');
    answers['403'] = error('The caller may not do this');
  }
  if (path.includes('{')) answers['404'] = error('Not found, or not in the caller’s scope');
  // Every route refuses a body that is neither JSON nor multipart (http/body-types.ts): the
  // one 4xx a public route without input (the health check) can give.
  if (Object.keys(answers).length === 0) answers['415'] = error('A body that is not JSON');
  // A route with an error decorator but no success one: Nest's default status, as Nest
  // documents it for routes without any response decorator.
  const success = Object.keys(op.responses ?? {}).some((s) => s.startsWith('2'));
  if (!success) answers[method === 'post' ? '201' : '200'] = { description: 'Success' };
  op.responses = { ...answers, ...op.responses };
}

function error(description: string) {
  return { description, content: { 'application/json': { schema: ERROR_SCHEMA } } };
}

const API_ERROR_BODY = {
  type: 'object',
  description: 'Error body of every non-2xx answer (ApiErrorBody in @dx/contracts).',
  required: ['statusCode', 'code', 'message', 'errors'],
  properties: {
    statusCode: { type: 'integer' },
    code: { type: 'string', description: 'ErrorCode: what went wrong, for translations' },
    message: { type: 'string', description: 'English, for logs' },
    params: { type: 'object', additionalProperties: true },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message', 'code'],
        properties: {
          field: { type: 'string' },
          message: { type: 'string' },
          code: { type: 'string' },
          params: { type: 'object', additionalProperties: true },
        },
      },
    },
  },
};
