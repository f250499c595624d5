import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids must be UUIDs: anything else is a 400 naming the parameter, never a DB error. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({
        message: `Invalid input: ${field}`,
        errors: [{ field, message: `${field} must be a UUID` }],
      }),
  });
