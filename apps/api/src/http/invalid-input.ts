import {
  calendarDate,
  type ErrorCode,
  type ErrorParams,
  type FieldError,
  type FieldErrorCode,
} from '@dx/contracts';
import { BadRequestException } from '@nestjs/common';

/** "Invalid input: a, b" naming each field once, the message every 400 of bad input carries. */
export function invalidInputMessage(errors: readonly FieldError[]): string {
  return `Invalid input: ${[...new Set(errors.map((e) => e.field))].join(', ')}`;
}

/**
 * The one way to refuse bad input: a 400 with code `invalid_input` (or a more precise one,
 * e.g. `not_publishable`) and one field error per problem (the exception filter gives each
 * field error without a code the code `invalid`).
 */
export class InvalidInputException extends BadRequestException {
  constructor(
    readonly fieldErrors: FieldError[],
    message = invalidInputMessage(fieldErrors),
    code: ErrorCode = 'invalid_input',
  ) {
    super({ code, message, errors: fieldErrors });
  }
}

/** A 400 about one field. */
export function invalidField(
  field: string,
  message: string,
  code?: FieldErrorCode,
  params?: ErrorParams,
): InvalidInputException {
  return new InvalidInputException([
    { field, message, ...(code && { code }), ...(params && { params }) },
  ]);
}

/**
 * Refuses a `year` field after the current year in `timeZone` (reports and exports are about
 * years that have begun): 400 `year_in_future` with `{currentYear}`.
 */
export function refuseFutureYear(year: number, timeZone: string): void {
  const currentYear = Number(calendarDate(timeZone).slice(0, 4));
  if (year > currentYear) {
    throw invalidField(
      'year',
      `must not be after the current year (${currentYear})`,
      'year_in_future',
      { currentYear },
    );
  }
}
