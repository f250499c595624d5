// Error codes of the API. Every error body carries one `code` (what went wrong, for programs
// and translations) beside its English `message` (for logs and people reading raw answers);
// every field error carries a field code. The web translates codes, never messages.

/** Codes of whole error answers. The default for a status is `ERROR_CODE_OF_STATUS`. */
export const ERROR_CODES = [
  'bad_request',
  'invalid_input',
  'not_publishable',
  'invalid_value',
  'invalid_date',
  'date_out_of_range',
  'value_too_long',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'already_exists',
  'still_referenced',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal',
  'unavailable',
  // The person's role needs a second factor: it cannot be switched off.
  'mfa_required',
  // Lesson pacing (course settings): params name what is missing.
  'lesson_locked',
  'lesson_time_not_reached',
  // Deleting a question bank or category that a draw rule or a current question still uses.
  'question_bank_in_use',
  'question_category_in_use',
  // Deleting them would remove question versions that attempts drew.
  'question_history_kept',
  // A file job's files were deleted after FILE_JOB_RETENTION_DAYS (410): ask for it again.
  'file_expired',
  // Sign-in and accounts. One code for every failed sign-in (unknown person, wrong password,
  // deactivated account): the answer must not tell which.
  'wrong_credentials',
  'sign_in_step_expired',
  'sso_code_invalid',
  'mfa_already_enabled',
  'mfa_enrolment_changed',
  // A background job (`error` of a job status): it failed in the worker. A job the queue lost
  // is queued again by the worker's sweep, so no status says "lost".
  'job_failed',
] as const;

/** The codes of a failed job's status (`errorCode` beside its English `error`). */
export const JOB_ERROR_CODES = ['job_failed'] as const satisfies readonly ErrorCode[];
export type JobErrorCode = (typeof JOB_ERROR_CODES)[number];

/** The codes of the sign-in and account refusals (whole answers and field errors). */
export const AUTH_ERROR_CODES = [
  'wrong_credentials',
  'sign_in_step_expired',
  'sso_code_invalid',
  'mfa_already_enabled',
  'mfa_enrolment_changed',
  'mfa_required',
] as const satisfies readonly ErrorCode[];
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes of field errors. The first group are class-validator's constraint names in snake
 * case (`isUuid` → `is_uuid`), so DTOs need nothing to get them; the rest are the API's own
 * checks. A field error without a more precise code is `invalid`.
 */
export const FIELD_ERROR_CODES = [
  'invalid',
  'unknown_field',
  'nul_character',
  'is_string',
  'is_int',
  'is_number',
  'is_boolean',
  'is_array',
  'is_uuid',
  'is_in',
  'is_enum',
  'is_email',
  'is_url',
  'is_date_string',
  'is_iso8601',
  'is_not_empty',
  'is_positive',
  'is_defined',
  'min',
  'max',
  'min_length',
  'max_length',
  'matches',
  'array_max_size',
  'array_min_size',
  'array_unique',
  'nested_validation',
  'max_utf8_bytes',
  'fits_question_type',
  // The API's own checks.
  'already_used',
  'unknown_org_unit',
  'org_unit_closed',
  'merge_into_itself',
  'merge_target_inside',
  'merge_target_closing',
  'merge_before_start',
  'merge_pending',
  'transfer_before_membership',
  'outside_scope',
  'not_in_course',
  'file_rejected',
  // An upload that is empty, larger than params {maxMegabytes}, or of a type not accepted.
  'file_empty',
  'file_too_large',
  'file_type_not_allowed',
  'course_not_usable',
  'publish_no_lesson',
  'publish_empty_module',
  'publish_text_no_content',
  'publish_file_missing',
  'publish_video_no_url',
  'publish_quiz_no_question',
  'publish_quiz_too_few_questions',
  'publish_final_pool_too_small',
  'publish_draw_exceeds_category',
  'not_in_bank',
  'category_not_visible',
  // A curriculum's courses cannot reach its hoursPerYear: params {hoursPerYear, courseHours, missingHours}.
  'curriculum_hours_short',
  // Publish warnings (200), same shape.
  'publish_final_pool_small',
  'publish_final_whole_bank',
  // Credentials. Wrong, expired and used codes or links share one code: no telling which.
  'activation_code_invalid',
  'reset_token_invalid',
  'current_password_wrong',
  'mfa_code_invalid',
  // The password policy (newPassword): params {min} / {max} for the length rules.
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_repetitive',
  'password_contains_name',
  'password_unchanged',
  // Dates and years: params name the bound ({currentYear}, {year}, {date}, {min}).
  'date_in_future',
  'date_too_early',
  'date_outside_year',
  'year_in_future',
  'unit_not_in_year',
  // A transfer's effectiveDate comes with the new orgUnitId.
  'effective_date_needs_unit',
  // Certificate re-issue: holderName only with a name correction, and a new name.
  'holder_name_not_allowed',
  'holder_name_unchanged',
  // A CSV-only option (the people export's separator) given with another format.
  'csv_only',
  // Import files (field `file`, or a header column): params {max}, {missing}.
  'file_missing',
  'file_unreadable',
  'file_save_as_utf8',
  // An XLSX that declares more unpacked data than one import takes (a "zip bomb").
  'file_unpacks_too_large',
  'file_too_many_rows',
  'file_no_question',
  'file_too_many_questions',
  'not_question_template',
  'unknown_column',
  'repeated_column',
  'missing_column',
  // Import rows: params {firstRow}, {max}, {option}, {value}.
  'repeated_in_file',
  'import_date_of_birth',
  'import_dx_role',
  'option_repeated',
  'correct_missing',
  'correct_out_of_range',
  'yes_or_no',
  'gift_title_unclosed',
  'gift_no_answer_block',
  'gift_essay',
  'gift_answer_prefix',
  'gift_matching_prefix',
  'gift_not_a_number',
  'gift_numeric_no_value',
] as const;

/** The field codes of credential refusals (activation, reset, change, second factor). */
export const AUTH_FIELD_ERROR_CODES = [
  'activation_code_invalid',
  'reset_token_invalid',
  'current_password_wrong',
  'mfa_code_invalid',
  'password_too_short',
  'password_too_long',
  'password_too_common',
  'password_repetitive',
  'password_contains_name',
  'password_unchanged',
] as const satisfies readonly FieldErrorCode[];
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** Values a translation may interpolate (`{{title}}`, `{{count}}`…). */
export type ErrorParams = Record<string, string | number>;

export const ERROR_CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  500: 'internal',
  503: 'unavailable',
};

/** The code an error of this status has when its thrower gave none. */
export function errorCodeOfStatus(status: number): ErrorCode {
  return ERROR_CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}

const CONSTRAINT_ALIASES: Readonly<Record<string, FieldErrorCode>> = {
  whitelistValidation: 'unknown_field',
  isIso8601: 'is_iso8601',
  isISO8601: 'is_iso8601',
  isUUID: 'is_uuid',
};

export function isFieldErrorCode(value: unknown): value is FieldErrorCode {
  return typeof value === 'string' && (FIELD_ERROR_CODES as readonly string[]).includes(value);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The field code of a class-validator constraint name; `invalid` for one not listed. */
export function fieldCodeOfConstraint(name: string): FieldErrorCode {
  const snake = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const code = CONSTRAINT_ALIASES[name] ?? snake;
  return isFieldErrorCode(code) ? code : 'invalid';
}
