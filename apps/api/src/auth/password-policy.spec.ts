import { passwordProblem } from './password-policy';

describe('password policy (NIST SP 800-63B)', () => {
  it('accepts a long passphrase without any composition rule', () => {
    expect(passwordProblem('con mèo trèo cây cau')).toBeNull();
    expect(passwordProblem('sông hồng mùa thu')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting Vietnamese letters once each', () => {
    expect(passwordProblem('Abc!12345')).toMatchObject({
      code: 'password_too_short',
      params: { min: 10 },
    });
    expect(passwordProblem('x'.repeat(150) + 'y'.repeat(51))).toMatchObject({
      code: 'password_too_long',
      params: { max: 200 },
    });
    // "đường" is 5 letters however it is encoded (NFD has more code units).
    expect(passwordProblem('đườngđi123'.normalize('NFD'))).toBeNull();
  });

  it('refuses common passwords, also with a little decoration', () => {
    for (const p of [
      '1234567890',
      'qwertyuiop',
      'password123',
      'Password1!',
      'matkhau123',
      'Iloveyou!!!',
    ]) {
      expect(passwordProblem(p)?.code).toBe('password_too_common');
    }
  });

  it('refuses repeated and sequential characters', () => {
    expect(passwordProblem('aaaaaaaaaaaa')?.code).toBe('password_repetitive');
    expect(passwordProblem('abababababab')?.code).toBe('password_repetitive');
    expect(passwordProblem('klmnopqrstuv')?.code).toBe('password_repetitive');
  });

  it("refuses the person's username or full name, with or without diacritics", () => {
    const who = { username: 'huong.nt', fullName: 'Nguyễn Thị Hường' };
    expect(passwordProblem('huong.nt-2026!', who)?.code).toBe('password_contains_name');
    expect(passwordProblem('NguyenThiHuong99', who)?.code).toBe('password_contains_name');
    expect(passwordProblem('nguyễn thị hường 1', who)?.code).toBe('password_contains_name');
    expect(passwordProblem('trời xanh mây trắng', who)).toBeNull();
  });
});
