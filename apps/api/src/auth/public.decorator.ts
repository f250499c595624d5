import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_EXTENSION } from '../http/openapi-document';

export const IS_PUBLIC = 'isPublic';

/**
 * Opens a route to anonymous callers; every other route requires a valid token. The OpenAPI
 * document shows it as `security: []`.
 */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension(PUBLIC_EXTENSION, true));
