import type { FieldError } from '@dx/contracts';
import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return own.concat(flatten(e.children ?? [], field));
  });
}

/** Keys class-transformer drops without a word: refused like any other unknown field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What no DTO can take yet slips past class-validator: a NUL character (PostgreSQL cannot
 * store one in text, so it would surface as a 500) and prototype keys (silently dropped
 * instead of refused). Found by the trust suite's fuzz (apps/api/src/trust).
 */
function unsafeInput(value: unknown, path: string, out: FieldError[], depth = 0): FieldError[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      out.push({ field: path || 'value', message: 'must not contain NUL characters' });
    }
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && depth < 32) {
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) out.push({ field, message: `property ${key} should not exist` });
      else unsafeInput((value as Record<string, unknown>)[key], field, out, depth + 1);
    }
  }
  return out;
}

class ApiValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = unsafeInput(value, metadata.data ?? '', []);
      if (errors.length) {
        throw new BadRequestException({
          message: `Invalid input: ${errors.map((e) => e.field).join(', ')}`,
          errors,
        });
      }
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every body, query and param DTO: unknown fields are refused, and failures
 * become a 400 with one `{field, message}` per problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fieldErrors = flatten(errors);
      return new BadRequestException({
        message: `Invalid input: ${fieldErrors.map((e) => e.field).join(', ')}`,
        errors: fieldErrors,
      });
    },
  });
}
