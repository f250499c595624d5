import { passwordProblem } from './password-policy';

describe('password policy (NIST SP 800-63B)', () => {
  it('accepts a long passphrase without any composition rule', () => {
    expect(passwordProblem('con mèo trèo cây cau')).toBeNull();
    expect(passwordProblem('sông hồng mùa thu')).toBeNull();
  });

  it('refuses fewer than 10 characters, counting Vietnamese letters once each', () => {
    expect(passwordProblem('Abc!12345')).toBe('Mật khẩu phải có ít nhất 10 ký tự.');
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
      expect(passwordProblem(p)).toMatch(/quá phổ biến|lặp lại hoặc liên tiếp/);
    }
  });

  it('refuses repeated and sequential characters', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/lặp lại hoặc liên tiếp/);
    expect(passwordProblem('abababababab')).toMatch(/lặp lại hoặc liên tiếp/);
    expect(passwordProblem('klmnopqrstuv')).toMatch(/lặp lại hoặc liên tiếp/);
  });

  it("refuses the person's username or full name, with or without diacritics", () => {
    const who = { username: 'huong.nt', fullName: 'Nguyễn Thị Hường' };
    expect(passwordProblem('huong.nt-2026!', who)).toBe(
      'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.',
    );
    expect(passwordProblem('NguyenThiHuong99', who)).toBe(
      'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.',
    );
    expect(passwordProblem('nguyễn thị hường 1', who)).toBe(
      'Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn.',
    );
    expect(passwordProblem('trời xanh mây trắng', who)).toBeNull();
  });
});
