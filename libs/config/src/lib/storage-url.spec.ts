import { loadAppConfig } from './app-config';
import { parseStorageUrl } from './storage-url';

const secret = 'x'.repeat(40);

describe('STORAGE_URL', () => {
  it('reads bucket, prefix, region, endpoint and keys of a self-hosted store (path style)', () => {
    expect(
      parseStorageUrl(
        's3://AK:s%2Fk@dx-files/prod/hn?region=ap-southeast-1&endpoint=https://minio.gov.vn:9000',
      ),
    ).toEqual({
      bucket: 'dx-files',
      prefix: 'prod/hn/',
      region: 'ap-southeast-1',
      endpoint: 'https://minio.gov.vn:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AK', secretAccessKey: 's/k' },
    });
  });

  it('leaves credentials to the SDK chain and virtual-host style to AWS itself', () => {
    expect(parseStorageUrl('s3://dx-files')).toMatchObject({
      prefix: '',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it.each([
    ['http://dx-files', /must be an s3:\/\/ URL/],
    ['s3://DX_Files', /bucket/],
    ['s3://dx-files:9000', /port/],
    ['s3://dx-files?endpoint=ftp://x', /endpoint/],
    ['s3://dx-files?pathstyle=true', /unknown parameter pathstyle/],
    ['s3://AK@dx-files', /both the access key and the secret key/],
    ['s3://dx-files/a%2F..%2Fb', /prefix/],
  ])('refuses %s', (url, message) => {
    expect(() => parseStorageUrl(url)).toThrow(message);
  });

  it('stops the start with one line that names the variable and never the secret key', () => {
    let message = '';
    try {
      loadAppConfig({ JWT_SECRET: secret, STORAGE_URL: 's3://AK:TopSecret@Bad_Bucket' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: STORAGE_URL must name a bucket/);
    expect(message).not.toContain('TopSecret');
    expect(message).not.toContain('\n');
  });

  it('is optional: without it files stay on the local disk', () => {
    expect(loadAppConfig({ JWT_SECRET: secret }).s3Storage).toBeNull();
  });
});
