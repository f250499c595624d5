import { resolve } from 'node:path';
import { validateEnv } from './env.schema';
import { parseStorageUrl, S3StorageConfig } from './storage-url';

export type LogLevel = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

/** Typed, validated view of the environment, shared by the API and the worker. */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  queueLockDurationMs: number;
  storageDir: string;
  /** Set (STORAGE_URL) = files in an S3-protocol object store instead of storageDir. */
  s3Storage: S3StorageConfig | null;
  database: {
    /** DATABASE_URL is a PgBouncer in transaction mode: no named prepared statements. */
    poolMode: 'direct' | 'transaction';
    /** PostgreSQL itself, for LISTEN and the migrations' session lock (= databaseUrl by default). */
    directUrl: string;
    replica: { url: string; maxLagSeconds: number; waitMs: number } | null;
  };
  /** Set = Redis through Sentinel (the host of redisUrl is ignored, its password/db kept). */
  redisSentinel: { sentinels: { host: string; port: number }[]; name: string } | null;
  publicBaseUrl: string;
  admin: { username: string; password: string } | null;
  seedDemo: boolean;
  reportsTimeZone: string;
  jwt: {
    secret: string;
    ttl: string;
    /** Still accepted when verifying, never used to sign. */
    previousSecrets: string[];
    refreshTtlDays: number;
  };
  /** Per-user limits of expensive endpoints: at most `max` calls per window. */
  rateLimits: {
    userImport: { max: number; windowSeconds: number };
    /** Per client address, on the public certificate endpoints (verify, credential, keys). */
    publicLookup: { max: number; windowSeconds: number };
    /**
     * Per client address, on the public password-reset request: it must not become a way to
     * probe usernames or to send mail in bulk. Fixed, not an environment variable.
     */
    passwordResetRequest: { max: number; windowSeconds: number };
  };
  /**
   * Ed25519 private key (PKCS#8 PEM) that signs certificates; null outside production when
   * unset: the certificate key ring then generates a key once and keeps it in the database.
   */
  certSigningKeyPem: string | null;
  /**
   * PKCS#12 that signs certificate PDFs; `p12Path` null when unset: the worker then makes a
   * self-signed one once and keeps it in storage (and warns in production).
   */
  certPdf: { p12Path: string | null; password: string };
  login: { maxFailures: number; failureWindowSeconds: number };
  corsOrigins: string[];
  /** Express `trust proxy`: hops, or the proxies' names/subnets (TRUST_PROXY). */
  trustProxy: number | string[];
  webDistDir: string;
  logLevel: LogLevel;
  /** Days the files of file jobs are kept after they are made (FILE_JOB_RETENTION_DAYS). */
  fileJobRetentionDays: number;
  /** `smtpUrl` null: mail is recorded but never sent. */
  accounts: {
    activationCodeTtlDays: number;
    /** Roles (MFA_REQUIRED_ROLES) that must sign in with a second factor. */
    mfaRequiredRoles: Array<'learner' | 'trainer' | 'hr' | 'sysadmin'>;
  };
  /** Single sign-on; null when OIDC_ISSUER is unset. */
  oidc: {
    issuer: string;
    clientId: string;
    clientSecret: string;
    linkClaim: string;
    linkField: 'username' | 'email' | 'national_id';
  } | null;
  mail: { smtpUrl: string | null; from: string; ratePerSecond: number; retryMaxSeconds: number };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadAppConfig(env: Record<string, unknown> = process.env): AppConfig {
  const v = validateEnv(env) as Record<string, never>;
  const port = v.PORT as number;
  return {
    nodeEnv: v.NODE_ENV,
    port,
    databaseUrl: v.DATABASE_URL,
    redisUrl: v.REDIS_URL,
    queuePrefix: v.QUEUE_PREFIX,
    queueLockDurationMs: v.QUEUE_LOCK_DURATION_MS,
    storageDir: resolve(v.STORAGE_DIR),
    s3Storage: v.STORAGE_URL ? parseStorageUrl(v.STORAGE_URL) : null,
    database: {
      poolMode: v.DATABASE_POOL_MODE,
      directUrl: v.DATABASE_DIRECT_URL ?? v.DATABASE_URL,
      replica: v.DATABASE_REPLICA_URL
        ? {
            url: v.DATABASE_REPLICA_URL,
            maxLagSeconds: v.DATABASE_REPLICA_MAX_LAG_SECONDS,
            waitMs: v.DATABASE_REPLICA_WAIT_MS,
          }
        : null,
    },
    redisSentinel: v.REDIS_SENTINELS
      ? {
          sentinels: splitList(v.REDIS_SENTINELS).map((s) => {
            const [host, port] = s.split(':');
            return { host, port: Number(port) };
          }),
          name: v.REDIS_SENTINEL_NAME,
        }
      : null,
    publicBaseUrl: String(v.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    admin: v.ADMIN_USERNAME ? { username: v.ADMIN_USERNAME, password: v.ADMIN_PASSWORD } : null,
    seedDemo: v.SEED_DEMO,
    reportsTimeZone: v.TZ_REPORTS,
    jwt: {
      secret: v.JWT_SECRET,
      ttl: v.JWT_TTL,
      previousSecrets: splitList(v.JWT_PREVIOUS_SECRETS),
      refreshTtlDays: v.JWT_REFRESH_TTL_DAYS,
    },
    rateLimits: {
      userImport: { max: v.USER_IMPORT_MAX, windowSeconds: v.USER_IMPORT_WINDOW_SECONDS },
      publicLookup: {
        max: v.PUBLIC_RATE_LIMIT_MAX,
        windowSeconds: v.PUBLIC_RATE_LIMIT_WINDOW_SECONDS,
      },
      passwordResetRequest: { max: 20, windowSeconds: 3_600 },
    },
    certSigningKeyPem: v.CERT_SIGNING_KEY ? String(v.CERT_SIGNING_KEY).replace(/\\n/g, '\n') : null,
    certPdf: {
      p12Path: v.CERT_PDF_P12 ? resolve(v.CERT_PDF_P12) : null,
      password: v.CERT_PDF_P12_PASSWORD,
    },
    login: {
      maxFailures: v.LOGIN_MAX_FAILURES,
      failureWindowSeconds: v.LOGIN_FAILURE_WINDOW_SECONDS,
    },
    corsOrigins: splitList(v.CORS_ORIGINS),
    trustProxy: typeof v.TRUST_PROXY === 'number' ? v.TRUST_PROXY : splitList(v.TRUST_PROXY),
    webDistDir: resolve(v.WEB_DIST_DIR),
    logLevel: v.LOG_LEVEL,
    fileJobRetentionDays: v.FILE_JOB_RETENTION_DAYS,
    accounts: {
      activationCodeTtlDays: v.ACTIVATION_CODE_TTL_DAYS,
      // The schema allowed only these role names.
      mfaRequiredRoles: (v.MFA_REQUIRED_ROLES === 'none'
        ? []
        : splitList(v.MFA_REQUIRED_ROLES)) as AppConfig['accounts']['mfaRequiredRoles'],
    },
    oidc: v.OIDC_ISSUER
      ? {
          issuer: v.OIDC_ISSUER,
          clientId: v.OIDC_CLIENT_ID,
          clientSecret: v.OIDC_CLIENT_SECRET,
          linkClaim: v.OIDC_LINK_CLAIM,
          linkField: v.OIDC_LINK_FIELD,
        }
      : null,
    mail: {
      smtpUrl: v.SMTP_URL ?? null,
      from: v.MAIL_FROM,
      ratePerSecond: v.MAIL_RATE_PER_SECOND,
      retryMaxSeconds: v.MAIL_RETRY_MAX_SECONDS,
    },
  };
}

function splitList(value: unknown): string[] {
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
