import Joi from 'joi';
import { parseStorageUrl } from './storage-url';

/**
 * Every environment variable the API and the worker read. Defaults suit development;
 * production must set the secrets. `.env.example` documents each one.
 */
export const envSchema = Joi.object({
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  PORT: Joi.number().port().default(3000),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .default('postgres://postgres@127.0.0.1:5432/dx_academy'),
  REDIS_URL: Joi.string()
    .uri({ scheme: ['redis', 'rediss'] })
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: Joi.string()
    .pattern(/^[A-Za-z0-9_.-]+$/)
    .default('dx'),
  // How long a worker's lock on a job lasts: a crashed worker's jobs go to another after this.
  QUEUE_LOCK_DURATION_MS: Joi.number().integer().min(1_000).default(30_000),
  STORAGE_DIR: Joi.string().default('.local/storage'),
  /** Printed in QR codes and mailed links: production must say where it is reached. */
  PUBLIC_BASE_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    .when('NODE_ENV', { is: 'production', then: Joi.required() }),
  ADMIN_USERNAME: Joi.string().min(3).max(64),
  ADMIN_PASSWORD: Joi.string().min(10).max(200).when('ADMIN_USERNAME', {
    is: Joi.exist(),
    then: Joi.required(),
  }),
  SEED_DEMO: Joi.boolean().default(false),
  TZ_REPORTS: Joi.string()
    .custom((value: string) => {
      // Throws RangeError for an unknown IANA zone.
      new Intl.DateTimeFormat('en', { timeZone: value });
      return value;
    }, 'IANA time zone')
    .default('Asia/Ho_Chi_Minh'),
  JWT_SECRET: Joi.string().min(32).required(),
  /** PKCS#8 PEM of the Ed25519 key that signs certificates ("\n" escapes allowed). */
  CERT_SIGNING_KEY: Joi.string()
    .pattern(/BEGIN PRIVATE KEY/)
    .when('NODE_ENV', { is: 'production', then: Joi.required() }),
  /**
   * Path of the PKCS#12 file whose key digitally signs certificate PDFs (PAdES). Unset: a
   * self-signed one is made and kept, outside production only (the worker refuses to start
   * without it in production; the API does not sign PDFs and ignores it).
   */
  CERT_PDF_P12: Joi.string(),
  CERT_PDF_P12_PASSWORD: Joi.string().allow('').default(''),
  /** Access-token lifetime; short, because refresh tokens keep a session going. */
  JWT_TTL: Joi.string()
    .pattern(/^\d+[smhd]$/)
    .default('15m'),
  /** Former JWT_SECRETs, comma-separated: tokens they signed still verify until they expire. */
  JWT_PREVIOUS_SECRETS: Joi.string()
    .allow('')
    .custom((value: string) => {
      if (value.split(',').some((s) => s.trim().length < 32)) throw new Error('too short');
      return value;
    }, 'secrets of at least 32 characters')
    .messages({ 'any.custom': '{{#label}} must list secrets of at least 32 characters each' })
    .default(''),
  JWT_REFRESH_TTL_DAYS: Joi.number().integer().min(1).max(365).default(30),
  USER_IMPORT_MAX: Joi.number().integer().min(1).default(10),
  USER_IMPORT_WINDOW_SECONDS: Joi.number().integer().min(1).default(600),
  /** Public certificate endpoints: requests per client address and window (then 429). */
  PUBLIC_RATE_LIMIT_MAX: Joi.number().integer().min(1).default(60),
  PUBLIC_RATE_LIMIT_WINDOW_SECONDS: Joi.number().integer().min(1).default(60),
  LOGIN_MAX_FAILURES: Joi.number().integer().min(1).default(5),
  LOGIN_FAILURE_WINDOW_SECONDS: Joi.number().integer().min(1).default(900),
  CORS_ORIGINS: Joi.string().allow('').default(''),
  /**
   * Which peers' X-Forwarded-For the API believes, in Express' `trust proxy` terms: a hop
   * count, or names and subnets (loopback, linklocal, uniquelocal, CIDR). Behind a Kubernetes
   * Ingress or a compose nginx the proxy is on a private network, not on loopback.
   */
  TRUST_PROXY: Joi.alternatives(
    Joi.number().integer().min(0).max(10),
    Joi.string().pattern(
      /^\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?))*\s*$/,
      'proxy names or subnets',
    ),
  ).default('loopback'),
  WEB_DIST_DIR: Joi.string().default('dist/apps/web'),
  /** Mail server; unset means no mail is sent (said once at start). */
  SMTP_URL: Joi.string().uri({ scheme: ['smtp', 'smtps'] }),
  MAIL_FROM: Joi.string().default('DX Academy <no-reply@dx-academy.local>'),
  /** Sending limit of all workers together (a BullMQ limiter). */
  MAIL_RATE_PER_SECOND: Joi.number().integer().min(1).default(10),
  /** Longest wait between two tries of one mail while the mail server is away. */
  MAIL_RETRY_MAX_SECONDS: Joi.number().integer().min(1).default(300),
  /** How long an activation code issued by HR works. */
  ACTIVATION_CODE_TTL_DAYS: Joi.number().integer().min(1).max(90).default(14),
  /** Days the files of file jobs (exports, activation slips) are kept after they are made. */
  FILE_JOB_RETENTION_DAYS: Joi.number().integer().min(1).max(365).default(7),
  /**
   * Roles whose sign-in needs a second factor (TOTP), comma-separated, or `none`. Production
   * asks it of sysadmin and hr (they handle personal data); elsewhere nobody is forced, so a
   * demo or a test signs in with a password alone. Anyone may still enrol.
   */
  MFA_REQUIRED_ROLES: Joi.string()
    .pattern(/^(none|(learner|trainer|hr|sysadmin)(,(learner|trainer|hr|sysadmin))*)$/)
    .when('NODE_ENV', {
      is: 'production',
      then: Joi.string().default('sysadmin,hr'),
      otherwise: Joi.string().default('none'),
    }),
  /** OpenID Connect single sign-on; off when OIDC_ISSUER is unset. */
  OIDC_ISSUER: Joi.string().uri({ scheme: ['http', 'https'] }),
  OIDC_CLIENT_ID: Joi.string().when('OIDC_ISSUER', { is: Joi.exist(), then: Joi.required() }),
  OIDC_CLIENT_SECRET: Joi.string().when('OIDC_ISSUER', { is: Joi.exist(), then: Joi.required() }),
  /**
   * The ID-token claim that names the person, and the account field it must equal
   * (national_id: the 12-digit citizen identity number HR recorded).
   */
  OIDC_LINK_CLAIM: Joi.string()
    .pattern(/^[A-Za-z0-9_.:-]+$/)
    .default('preferred_username'),
  OIDC_LINK_FIELD: Joi.string().valid('username', 'email', 'national_id').default('username'),
  LOG_LEVEL: Joi.string().valid('error', 'warn', 'log', 'debug', 'verbose').default('log'),
  /** s3://… object store shared by every process; unset = files under STORAGE_DIR. */
  STORAGE_URL: Joi.string()
    .custom((value: string) => (parseStorageUrl(value), value), 'S3 storage URL')
    .messages({ 'any.custom': '{{#label}} {{#error.message}}' }),
  /** Streaming replica for heavy reads (reports, exports, catalog); unset = all on the primary. */
  DATABASE_REPLICA_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  /** Oldest data (seconds behind the primary) an ordinary replica read accepts. */
  DATABASE_REPLICA_MAX_LAG_SECONDS: Joi.number().integer().min(0).default(30),
  /** How long a report waits for a lagging replica to pass its cut-off before using the primary. */
  DATABASE_REPLICA_WAIT_MS: Joi.number().integer().min(0).default(5_000),
  /** direct = DATABASE_URL is PostgreSQL itself; transaction = a PgBouncer in transaction mode. */
  DATABASE_POOL_MODE: Joi.string().valid('direct', 'transaction').default('direct'),
  /** PostgreSQL itself, for what a transaction pooler cannot carry (LISTEN, migrations' lock). */
  DATABASE_DIRECT_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  /** Redis Sentinel addresses host:port,host:port; set = REDIS_URL's host is ignored. */
  REDIS_SENTINELS: Joi.string().pattern(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/),
  /** Name of the monitored master (sentinel monitor <name> …). */
  REDIS_SENTINEL_NAME: Joi.string()
    .pattern(/^[A-Za-z0-9_.-]+$/)
    .when('REDIS_SENTINELS', { is: Joi.exist(), then: Joi.required() }),
}).unknown(true);

/** Variables whose values must never appear in an error message (Joi quotes some values). */
const SECRET_VARIABLES = new Set([
  'JWT_SECRET',
  'JWT_PREVIOUS_SECRETS',
  'CERT_SIGNING_KEY',
  'CERT_PDF_P12_PASSWORD',
  'ADMIN_PASSWORD',
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'OIDC_CLIENT_SECRET',
  'STORAGE_URL',
  'DATABASE_REPLICA_URL',
  'DATABASE_DIRECT_URL',
]);

/**
 * Validates `process.env`-like input. On failure throws one Error whose message names
 * every bad variable on a single line, so a misconfigured process stops with a clear cause.
 */
export function validateEnv(raw: Record<string, unknown>): Record<string, unknown> {
  // An empty variable (`FOO=` in a compose file) means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ''));
  const { value, error } = envSchema.validate(given, { abortEarly: false, convert: true });
  if (error) {
    const problems = error.details
      .map((d) => {
        const key = String(d.path[0]);
        // "…with value <the secret> fails to match…" must not reach a log.
        if (
          SECRET_VARIABLES.has(key) &&
          d.context?.value !== undefined &&
          d.message.includes(String(d.context.value))
        )
          return `${key} is invalid`;
        return d.message.replace(/"/g, '');
      })
      .join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return value;
}
