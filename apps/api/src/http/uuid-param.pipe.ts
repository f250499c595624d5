import { ParseUUIDPipe } from '@nestjs/common';
import { invalidField } from './invalid-input';

/** Path ids must be UUIDs: anything else is a 400 naming the parameter, never a DB error. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalidField(field, `${field} must be a UUID`, 'is_uuid'),
  });
