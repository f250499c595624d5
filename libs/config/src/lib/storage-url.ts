/**
 * Where files go when they must be shared by processes on different machines: an
 * S3-protocol object store (cloud S3, MinIO, Ceph RGW…), named by one URL:
 *
 *   s3://[ACCESS_KEY:SECRET_KEY@]bucket[/prefix]?region=…&endpoint=https://host:port&pathStyle=true
 *
 * Without credentials in the URL the AWS SDK's usual chain applies (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY, a web-identity token on Kubernetes…).
 */
export interface S3StorageConfig {
  bucket: string;
  /** Key prefix inside the bucket ('' or ending in '/'), so one bucket can hold several installs. */
  prefix: string;
  region: string;
  /** Custom endpoint of a non-AWS server; undefined = AWS itself. */
  endpoint?: string;
  /** Path-style addressing (`host/bucket/key`), which MinIO and most self-hosted servers want. */
  forcePathStyle: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const REGION = /^[a-z0-9-]{2,32}$/;
const KNOWN_PARAMS = new Set(['region', 'endpoint', 'pathStyle']);

/** Parses STORAGE_URL; throws an Error whose message says what is wrong (never the secret). */
export function parseStorageUrl(value: string): S3StorageConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('must be an s3:// URL');
  }
  if (url.protocol !== 's3:') throw new Error('must be an s3:// URL');
  const bucket = url.hostname;
  if (!BUCKET.test(bucket))
    throw new Error('must name a bucket of 3-63 lowercase letters, digits, dots or dashes');
  if (url.port) throw new Error('must not carry a port: give the server in ?endpoint=');
  const path = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
  if (path && (!PREFIX.test(path) || path.includes('..') || path.includes('//')))
    throw new Error('has an invalid key prefix');
  for (const key of url.searchParams.keys()) {
    if (!KNOWN_PARAMS.has(key))
      throw new Error(`has an unknown parameter ${key} (known: region, endpoint, pathStyle)`);
  }
  const region = url.searchParams.get('region') ?? 'us-east-1';
  if (!REGION.test(region)) throw new Error('has an invalid region');
  const endpoint = url.searchParams.get('endpoint') ?? undefined;
  if (endpoint !== undefined) {
    let e: URL;
    try {
      e = new URL(endpoint);
    } catch {
      throw new Error('has an endpoint that is not an http(s) URL');
    }
    if (e.protocol !== 'http:' && e.protocol !== 'https:')
      throw new Error('has an endpoint that is not an http(s) URL');
  }
  const pathStyle = url.searchParams.get('pathStyle');
  if (pathStyle !== null && pathStyle !== 'true' && pathStyle !== 'false')
    throw new Error('has pathStyle other than true or false');
  if (Boolean(url.username) !== Boolean(url.password))
    throw new Error('must give both the access key and the secret key, or neither');
  return {
    bucket,
    prefix: path ? `${path}/` : '',
    region,
    endpoint,
    // Self-hosted servers rarely have wildcard DNS for virtual-host buckets.
    forcePathStyle: pathStyle === null ? endpoint !== undefined : pathStyle === 'true',
    credentials: url.username
      ? {
          accessKeyId: decodeURIComponent(url.username),
          secretAccessKey: decodeURIComponent(url.password),
        }
      : undefined,
  };
}
