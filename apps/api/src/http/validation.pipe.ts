import { fieldCodeOfConstraint, type FieldError } from '@dx/contracts';
import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { InvalidInputException } from './invalid-input';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    // The constraint's name (isUuid, maxLength, whitelistValidation…) gives the field code.
    const own: FieldError[] = Object.entries(e.constraints ?? {}).map(([name, message]) => ({
      field,
      message,
      code: fieldCodeOfConstraint(name),
    }));
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
      out.push({
        field: path || 'value',
        message: 'must not contain NUL characters',
        code: 'nul_character',
      });
    }
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && depth < 32) {
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (PROTOTYPE_KEYS.has(key)) {
        out.push({ field, message: `property ${key} should not exist`, code: 'unknown_field' });
      } else unsafeInput((value as Record<string, unknown>)[key], field, out, depth + 1);
    }
  }
  return out;
}

/** Query strings of only string values, short enough to serve as a cache key. */
function queryKey(value: unknown): string | null {
  if (!value || typeof value !== 'object') return null;
  if (!Object.values(value).every((v) => typeof v === 'string')) return null;
  const key = JSON.stringify(value);
  return key.length <= 512 ? key : null;
}

/** A fresh copy of a validated DTO: handlers get their own object, with the class's getters. */
const copyOf = (dto: object): object =>
  Object.assign(Object.create(Object.getPrototypeOf(dto)), dto);

class ApiValidationPipe extends ValidationPipe {
  /**
   * Validated query DTOs by class and query string. Lists are asked for with the same few
   * queries all day (`?page=1`, nothing at all), and class-transformer + class-validator
   * cost more than the rest of a cached read (npm run bench). Only successes are kept.
   */
  private readonly validQueries = new Map<
    NonNullable<ArgumentMetadata['metatype']>,
    LRUCache<string, object>
  >();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const key = metadata.type === 'query' && metadata.metatype ? queryKey(value) : null;
    if (key === null || !metadata.metatype) return this.checked(value, metadata);
    let known = this.validQueries.get(metadata.metatype);
    if (!known) {
      known = new LRUCache({ max: 1_000 });
      this.validQueries.set(metadata.metatype, known);
    }
    const hit = known.get(key);
    if (hit) return copyOf(hit);
    const dto = await this.checked(value, metadata);
    if (!dto || typeof dto !== 'object') return dto;
    known.set(key, copyOf(dto));
    return dto;
  }

  private async checked(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = unsafeInput(value, metadata.data ?? '', []);
      if (errors.length) throw new InvalidInputException(errors);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every body, query and param DTO: unknown fields are refused, and failures
 * become a 400 with one `{field, code, message}` per problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new ApiValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => new InvalidInputException(flatten(errors)),
  });
}
