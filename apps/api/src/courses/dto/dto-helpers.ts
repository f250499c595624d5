import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/** Text as people typed it: trimmed, and composed (NFC) so "ế" is one code point. */
export const TrimNfc = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value));

/** Absent is fine; `null` is not (for fields that cannot be cleared). */
export const OptionalNotNull = () => ValidateIf((_, value) => value !== undefined);

/** Size limit in UTF-8 bytes (Vietnamese letters take two or three). */
export const MaxUtf8Bytes = (max: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'maxUtf8Bytes',
      constraints: [max],
      validator: {
        validate: (value) => typeof value !== 'string' || Buffer.byteLength(value, 'utf8') <= max,
        defaultMessage: (args) => `${args?.property} must be at most ${Math.round(max / 1024)} KB`,
      },
    },
    options,
  );
