import { loadAppConfig } from './app-config';

const secret = 'x'.repeat(40);

describe('loadAppConfig', () => {
  it('applies development defaults', () => {
    const config = loadAppConfig({ JWT_SECRET: secret });
    expect(config.port).toBe(3000);
    expect(config.queuePrefix).toBe('dx');
    expect(config.reportsTimeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });

  it('believes X-Forwarded-For from loopback by default, and from the peers TRUST_PROXY names', () => {
    expect(loadAppConfig({ JWT_SECRET: secret }).trustProxy).toEqual(['loopback']);
    const named = loadAppConfig({ JWT_SECRET: secret, TRUST_PROXY: 'loopback, 10.0.0.0/8' });
    expect(named.trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadAppConfig({ JWT_SECRET: secret, TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadAppConfig({ JWT_SECRET: secret, TRUST_PROXY: 'everyone' })).toThrow(
      /TRUST_PROXY/,
    );
  });

  it('names a missing secret in one line', () => {
    expect(() => loadAppConfig({})).toThrow(/^Invalid configuration: JWT_SECRET is required$/);
  });

  it('names every bad variable', () => {
    expect(() =>
      loadAppConfig({
        JWT_SECRET: secret,
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        TZ_REPORTS: 'Mars/Base',
      }),
    ).toThrow(/PORT must be a number.*DATABASE_URL.*TZ_REPORTS/);
  });

  it('requires a password when an admin username is given', () => {
    expect(() => loadAppConfig({ JWT_SECRET: secret, ADMIN_USERNAME: 'root' })).toThrow(
      /ADMIN_PASSWORD/,
    );
  });

  it('never derives the signing key from JWT_SECRET (the key ring keeps one), and requires one in production', () => {
    expect(loadAppConfig({ JWT_SECRET: secret }).certSigningKeyPem).toBeNull();
    const pem =
      '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----';
    expect(
      loadAppConfig({ JWT_SECRET: secret, CERT_SIGNING_KEY: pem }).certSigningKeyPem,
    ).toContain('\nMC4C');
    expect(() => loadAppConfig({ JWT_SECRET: secret, NODE_ENV: 'production' })).toThrow(
      /CERT_SIGNING_KEY/,
    );
  });

  it('requires PUBLIC_BASE_URL in production, where a QR code must not point at localhost', () => {
    const key = {
      CERT_SIGNING_KEY:
        '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----',
    };
    const prod = { JWT_SECRET: secret, NODE_ENV: 'production', ...key };
    expect(() => loadAppConfig(prod)).toThrow(/PUBLIC_BASE_URL/);
    expect(
      loadAppConfig({ ...prod, PUBLIC_BASE_URL: 'https://hocvien.example.gov.vn/' }).publicBaseUrl,
    ).toBe('https://hocvien.example.gov.vn');
    expect(loadAppConfig({ JWT_SECRET: secret, PORT: '3100' }).publicBaseUrl).toBe(
      'http://localhost:3100',
    );
  });

  it('asks a second factor of sysadmin and hr in production only, unless MFA_REQUIRED_ROLES says otherwise', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\\nMC4CAQAwBQYDK2VwBCIEIA==\\n-----END PRIVATE KEY-----';
    const production = {
      JWT_SECRET: secret,
      NODE_ENV: 'production',
      CERT_SIGNING_KEY: pem,
      PUBLIC_BASE_URL: 'https://dx.example.vn',
    };
    expect(loadAppConfig(production).accounts.mfaRequiredRoles).toEqual(['sysadmin', 'hr']);
    expect(loadAppConfig({ JWT_SECRET: secret }).accounts.mfaRequiredRoles).toEqual([]);
    expect(
      loadAppConfig({ ...production, MFA_REQUIRED_ROLES: 'none' }).accounts.mfaRequiredRoles,
    ).toEqual([]);
    expect(
      loadAppConfig({ JWT_SECRET: secret, MFA_REQUIRED_ROLES: 'sysadmin,trainer' }).accounts
        .mfaRequiredRoles,
    ).toEqual(['sysadmin', 'trainer']);
    expect(() => loadAppConfig({ JWT_SECRET: secret, MFA_REQUIRED_ROLES: 'admin' })).toThrow(
      /MFA_REQUIRED_ROLES/,
    );
  });

  it('turns single sign-on on with an issuer, its client and secret, and keeps the secret out of errors', () => {
    expect(loadAppConfig({ JWT_SECRET: secret }).oidc).toBeNull();
    expect(
      loadAppConfig({
        JWT_SECRET: secret,
        OIDC_ISSUER: 'https://sso.example.gov.vn',
        OIDC_CLIENT_ID: 'dx',
        OIDC_CLIENT_SECRET: 'client-secret',
      }).oidc,
    ).toEqual({
      issuer: 'https://sso.example.gov.vn',
      clientId: 'dx',
      clientSecret: 'client-secret',
      linkClaim: 'preferred_username',
      linkField: 'username',
    });
    expect(() =>
      loadAppConfig({ JWT_SECRET: secret, OIDC_ISSUER: 'https://sso.example.gov.vn' }),
    ).toThrow(/OIDC_CLIENT_ID is required.*OIDC_CLIENT_SECRET is required/);

    // Linking by the national ID number (a claim of the provider's choosing); nothing else.
    const sso = {
      JWT_SECRET: secret,
      OIDC_ISSUER: 'https://sso.example.gov.vn',
      OIDC_CLIENT_ID: 'dx',
      OIDC_CLIENT_SECRET: 'client-secret',
      OIDC_LINK_CLAIM: 'citizen_id',
    };
    expect(loadAppConfig({ ...sso, OIDC_LINK_FIELD: 'national_id' }).oidc).toMatchObject({
      linkClaim: 'citizen_id',
      linkField: 'national_id',
    });
    expect(() => loadAppConfig({ ...sso, OIDC_LINK_FIELD: 'phone' })).toThrow(/OIDC_LINK_FIELD/);
  });
});
