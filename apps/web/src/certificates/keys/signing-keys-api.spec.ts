import type { PublicSigningKey } from '@dx/contracts';
import { signingKeyStatus, startOfVietnamDay, todayInVietnam } from './signing-keys-api';

const key = (over: Partial<PublicSigningKey>): PublicSigningKey => ({
  kid: 'k1',
  publicKeyMultibase: 'z6Mk',
  jwk: {},
  validFrom: '2026-01-01T00:00:00.000Z',
  validTo: null,
  revokedAt: null,
  ...over,
});

describe('signing keys on the sysadmin page', () => {
  it('tells the key in use, a rotated one and a compromised one apart', () => {
    expect(signingKeyStatus(key({}))).toBe('active');
    expect(signingKeyStatus(key({ validTo: '2026-06-01T00:00:00.000Z' }))).toBe('retired');
    // Compromised wins over retired: that is what a verifier must hear.
    expect(
      signingKeyStatus(
        key({ validTo: '2026-06-01T00:00:00.000Z', revokedAt: '2026-05-01T00:00:00.000Z' }),
      ),
    ).toBe('compromised');
  });

  it('starts a compromise at midnight in Vietnam of the day named', () => {
    expect(startOfVietnamDay('2026-12-01')).toBe('2026-11-30T17:00:00.000Z');
  });

  it('knows today in Vietnam, which is already tomorrow from 17:00 UTC', () => {
    expect(todayInVietnam(new Date('2026-12-07T16:59:00Z'))).toBe('2026-12-07');
    expect(todayInVietnam(new Date('2026-12-07T17:00:00Z'))).toBe('2026-12-08');
  });
});
