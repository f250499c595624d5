import { calendarDate } from '@dx/contracts';
import { MembershipEntity, OrgUnitEntity, UserEntity } from '@dx/db';
import { randomSuffix } from '@dx/db/testing';
import { Workbook } from 'exceljs';
import { In } from 'typeorm';
import { createTestApp, TestApp } from '../test/test-app';

type Cell = string | Date;

const HEADER = [
  'FullName',
  'username',
  'ORGUNITCODE',
  'dxRole',
  'dateOfBirth',
  'email',
  'jobTitle',
];

function toCsv(rows: Cell[][], { bom = true } = {}): Buffer {
  const quote = (c: Cell) => {
    const s = String(c);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
  return Buffer.from((bom ? '\uFEFF' : '') + text, 'utf8');
}

async function toXlsx(rows: Cell[][]): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('POST /api/users/import', () => {
  let t: TestApp;
  let units: Awaited<ReturnType<TestApp['make']['twoProvinces']>>;
  let hrA: string;
  let admin: string;
  let today: string;

  beforeAll(async () => {
    t = await createTestApp();
    units = await t.make.twoProvinces();
    hrA = await t.tokenFor((await t.make.user(units.a, { roles: ['hr'] })).username);
    admin = await t.tokenFor((await t.make.user(units.root, { roles: ['sysadmin'] })).username);
    today = calendarDate(t.config.reportsTimeZone);
  });
  afterAll(() => t.close());

  const upload = (token: string, file: Buffer, name = 'users.csv') =>
    t.http.post('/api/users/import').set('Authorization', token).attach('file', file, name);

  /** Valid and invalid rows mixed; the date of birth of the first row as given. */
  function sample(p: string, dob: Cell): Cell[][] {
    const a1 = units.a1.code;
    return [
      HEADER,
      [
        'Nguyễn Thị Hường',
        `${p}.huong`,
        a1,
        'Chuyên trách',
        dob,
        'huong@hanoi.gov.vn',
        'Chuyên viên',
      ], // 2
      [
        '  Trần Văn Minh '.normalize('NFD'),
        `${p}.MINH`,
        units.a.code.toLowerCase(),
        'KIÊM NHIỆM',
        '1985-12-01',
        '',
        '',
      ], // 3
      ['Lê Thị Lan', `${p}.lan`, a1, 'sometimes', '', '', ''], // 4: bad dxRole
      [], // 5: blank line
      ['Phạm Thị Hoa', `${p}.hoa`, a1, 'không', '31/02/1990', '', ''], // 6: no such date
      ['Đỗ Anh Tuấn', `${p}.tuan`, 'NO-SUCH-UNIT', 'none', '', '', ''], // 7: unknown unit
      ['Nguyễn Thị Hường', `${p}.huong`, a1, 'full_time', '', '', ''], // 8: same username again
      ['', `${p}.nam`, a1, 'none', '', '', ''], // 9: no full name
      ['Võ Thị Vy', `${p}.vy`, a1, 'part_time', '02/09/1995', '', 'Chuyên viên\nphòng CĐS'], // 10: two-line cell
      ['Bùi Khoa', `${p}.khoa`, a1, 'none', '', 'not-an-email', ''], // 11: bad e-mail
    ];
  }

  // Each refusal has a code (and the values its sentence names) for the web to translate.
  const SAMPLE_ERRORS = [
    {
      row: 4,
      field: 'dxRole',
      code: 'import_dx_role',
      message: expect.stringContaining('full_time'),
    },
    {
      row: 6,
      field: 'dateOfBirth',
      code: 'import_date_of_birth',
      message: expect.stringContaining('dd/mm/yyyy'),
    },
    {
      row: 7,
      field: 'orgUnitCode',
      code: 'unknown_org_unit',
      message: 'no org unit has this code',
    },
    {
      row: 8,
      field: 'username',
      code: 'repeated_in_file',
      message: 'appears more than once in the file (first on row 2)',
      params: { firstRow: 2 },
    },
    { row: 9, field: 'fullName', code: 'is_not_empty', message: 'fullName is required' },
    { row: 11, field: 'email', code: 'is_email', message: expect.any(String) },
  ];

  async function stored(usernames: string[]) {
    const users = await t.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where({ username: In(usernames) })
      .orderBy('u.username')
      .getMany();
    const memberships = await t.db.getRepository(MembershipEntity).find({
      where: { userId: In(users.map((u) => u.id)) },
      order: { userId: 'ASC', validFrom: 'ASC' },
    });
    return { users, memberships };
  }

  const profile = (u: UserEntity) => ({
    fullName: u.fullName,
    email: u.email,
    dateOfBirth: u.dateOfBirth,
    orgUnitId: u.orgUnitId,
    jobTitle: u.jobTitle,
    dxRole: u.dxRole,
    roles: u.roles,
    passwordHash: u.passwordHash,
  });

  describe('a CSV with a BOM, Vietnamese names and some bad rows', () => {
    const p = `imp${randomSuffix()}`;
    const file = () => toCsv(sample(p, '17/05/1990'));
    const names = ['huong', 'minh', 'vy'].map((n) => `${p}.${n}`);

    it('saves the valid rows and reports the others by spreadsheet row number', async () => {
      const res = await upload(hrA, file()).expect(200);
      expect(res.body).toEqual({ created: 3, updated: 0, errors: SAMPLE_ERRORS });

      const { users, memberships } = await stored(names);
      expect(users.map(profile)).toEqual([
        {
          fullName: 'Nguyễn Thị Hường',
          email: 'huong@hanoi.gov.vn',
          dateOfBirth: '1990-05-17',
          orgUnitId: units.a1.id,
          jobTitle: 'Chuyên viên',
          dxRole: 'full_time',
          roles: ['learner'],
          passwordHash: null,
        },
        {
          fullName: 'Trần Văn Minh', // trimmed and NFC
          email: null,
          dateOfBirth: '1985-12-01',
          orgUnitId: units.a.id,
          jobTitle: null,
          dxRole: 'part_time',
          roles: ['learner'],
          passwordHash: null,
        },
        expect.objectContaining({
          fullName: 'Võ Thị Vy',
          dateOfBirth: '1995-09-02',
          jobTitle: 'Chuyên viên\nphòng CĐS',
        }),
      ]);
      expect(users[1].fullName).toBe('Trần Văn Minh'.normalize('NFC'));
      expect(memberships).toHaveLength(3);
      for (const m of memberships) expect(m).toMatchObject({ validFrom: today, validTo: null });
      const invalid = await stored(['lan', 'hoa', 'tuan', 'nam', 'khoa'].map((n) => `${p}.${n}`));
      expect(invalid.users).toEqual([]);
    });

    it('changes nothing when the same file is imported again', async () => {
      const before = await stored(names);
      const res = await upload(hrA, file()).expect(200);
      expect(res.body).toEqual({ created: 0, updated: 0, errors: SAMPLE_ERRORS });
      expect(await stored(names)).toEqual(before);
    });

    it('reads an XLSX of the same rows, with a date cell, to the same result', async () => {
      const q = `imp${randomSuffix()}`;
      const xlsx = await toXlsx(sample(q, new Date(Date.UTC(1990, 4, 17))));
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
      // Named .csv on purpose: the content decides.
      const res = await upload(admin, xlsx, 'danh-sach.csv').expect(200);
      expect(res.body).toEqual({ created: 3, updated: 0, errors: SAMPLE_ERRORS });
      const fromXlsx = await stored(['huong', 'minh', 'vy'].map((n) => `${q}.${n}`));
      const fromCsv = await stored(names);
      expect(fromXlsx.users.map(profile)).toEqual(fromCsv.users.map(profile));
    });
  });

  it('saves a few thousand rows in bulk, each with its own unit and membership', async () => {
    const p = `bulk${randomSuffix()}`;
    const existing = await t.make.user(units.a, { fullName: 'Người Có Sẵn', dxRole: 'none' });
    const rows: Cell[][] = [
      ['fullName', 'username', 'orgUnitCode', 'dxRole', 'dateOfBirth', 'email'],
    ];
    for (let i = 0; i < 3_000; i++) {
      const unit = i % 3 ? units.a1 : units.a;
      const role = i % 500 === 7 ? 'sometimes' : ['full_time', 'part_time', 'none'][i % 3];
      const dob = i % 2 ? '17/05/1990' : '';
      rows.push([`Người ${i}`, `${p}.${i}`, unit.code, role, dob, `n${i}@x.vn`]);
    }
    rows.push(['Người Có Sẵn', existing.username, units.a1.code, 'none', '', '']);
    const file = toCsv(rows);
    const badRows = [7, 507, 1007, 1507, 2007, 2507].map((i) => i + 2);

    const res = await upload(hrA, file).expect(200);
    expect(res.body).toMatchObject({ created: 2_994, updated: 1 });
    expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(
      badRows.map((row) => [row, 'dxRole']),
    );

    const usernames = Array.from({ length: 3_000 }, (_, i) => `${p}.${i}`);
    const { users, memberships } = await stored(usernames);
    expect(users).toHaveLength(2_994);
    expect(memberships).toHaveLength(2_994);
    const byName = new Map(users.map((u) => [u.username, u]));
    const membershipOf = new Map(memberships.map((m) => [m.userId, m]));
    for (const i of [0, 1, 2, 1_234, 2_999]) {
      const user = byName.get(`${p}.${i}`) as UserEntity;
      const unit = i % 3 ? units.a1 : units.a;
      const dxRole = ['full_time', 'part_time', 'none'][i % 3];
      expect(profile(user)).toEqual({
        fullName: `Người ${i}`,
        email: `n${i}@x.vn`,
        dateOfBirth: i % 2 ? '1990-05-17' : null,
        orgUnitId: unit.id,
        jobTitle: null,
        dxRole,
        roles: ['learner'],
        passwordHash: null,
      });
      expect(membershipOf.get(user.id)).toMatchObject({
        orgUnitId: unit.id,
        dxRole,
        validFrom: today,
        validTo: null,
      });
    }
    expect(byName.has(`${p}.7`)).toBe(false);

    const again = await upload(hrA, file).expect(200);
    expect(again.body).toEqual({ created: 0, updated: 0, errors: res.body.errors });
    expect(await stored(usernames)).toEqual({ users, memberships });
  });

  it('moves an existing person to another unit through membership history', async () => {
    const person = await t.make.user(units.a, { fullName: 'Hoàng Văn Dũng', dxRole: 'full_time' });
    await t.db.getRepository(UserEntity).update(person.id, { email: 'dung@hanoi.gov.vn' });
    // email, dateOfBirth and jobTitle left out: stored values stay.
    const file = toCsv(
      [
        ['username', 'fullName', 'orgUnitCode', 'dxRole'],
        [person.username, 'Hoàng Văn Dũng', units.a1.code, 'full_time'],
      ],
      { bom: false },
    );
    const res = await upload(hrA, file).expect(200);
    expect(res.body).toEqual({ created: 0, updated: 1, errors: [] });

    const { users, memberships } = await stored([person.username]);
    expect(users[0]).toMatchObject({
      orgUnitId: units.a1.id,
      email: 'dung@hanoi.gov.vn',
      dxRole: 'full_time',
    });
    expect(memberships).toEqual([
      expect.objectContaining({ orgUnitId: units.a.id, validFrom: '2000-01-01', validTo: today }),
      expect.objectContaining({ orgUnitId: units.a1.id, validFrom: today, validTo: null }),
    ]);
  });

  it("keeps hr to their own subtree, row by row, without telling more about others' people", async () => {
    const p = `imp${randomSuffix()}`;
    const other = await t.make.user(units.b1, { fullName: 'Người Tỉnh B' });
    const closed = await t.make.unit(units.a, 'Phòng đã sáp nhập');
    await t.db.getRepository(OrgUnitEntity).update(closed.id, { validTo: '2020-01-01' });
    const file = toCsv([
      ['username', 'fullName', 'orgUnitCode', 'dxRole'],
      [`${p}.b`, 'Người Mới B', units.b1.code, 'none'],
      [`${p}.a`, 'Người Mới A', units.a1.code, 'none'],
      [other.username, 'Đổi Tên', units.a1.code, 'none'],
      [`${p}.c`, 'Người Đơn Vị Đóng', closed.code, 'none'],
    ]);
    const res = await upload(hrA, file).expect(200);
    expect(res.body).toEqual({
      created: 1,
      updated: 0,
      errors: [
        { row: 2, field: 'orgUnitCode', code: 'outside_scope', message: 'outside your scope' },
        { row: 4, field: 'username', code: 'already_used', message: 'already taken' },
        {
          row: 5,
          field: 'orgUnitCode',
          code: 'org_unit_closed',
          message: 'the org unit is closed',
        },
      ],
    });
    expect((await stored([`${p}.b`, `${p}.c`])).users).toEqual([]);
    const untouched = await stored([other.username]);
    expect(untouched.users[0]).toMatchObject({ fullName: 'Người Tỉnh B', orgUnitId: units.b1.id });
    expect(untouched.memberships).toHaveLength(1);
  });

  it('refuses a learner with 403', async () => {
    const learner = await t.tokenFor((await t.make.user(units.a1)).username);
    const file = toCsv([
      HEADER,
      ['Ai Đó', `imp${randomSuffix()}`, units.a1.code, 'none', '', '', ''],
    ]);
    await upload(learner, file).expect(403);
  });

  describe('refuses a file it cannot read with a 400 on the file', () => {
    const expectFileError = (res: { body: { errors: { field: string }[] } }, code: string) =>
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'file', code })]);

    it('without a file, as JSON, or empty', async () => {
      expectFileError(
        await t.http
          .post('/api/users/import')
          .set('Authorization', hrA)
          .field('note', 'no file')
          .expect(400),
        'file_missing',
      );
      expectFileError(
        await t.http
          .post('/api/users/import')
          .set('Authorization', hrA)
          .send({ file: 'x' })
          .expect(400),
        'file_missing',
      );
      expectFileError(await upload(hrA, Buffer.alloc(0)).expect(400), 'file_empty');
      expectFileError(await upload(hrA, Buffer.from('\uFEFF \r\n\r\n')).expect(400), 'file_empty');
    });

    it('when the content is neither UTF-8 CSV nor XLSX, whatever its name', async () => {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from('0000000d4948445200000001000000010806000000', 'hex'),
      ]);
      expectFileError(await upload(hrA, png, 'users.csv').expect(400), 'file_unreadable');
      const notXlsx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]);
      expectFileError(await upload(hrA, notXlsx, 'users.xlsx').expect(400), 'file_unreadable');
    });

    it('beyond 5 MB or 20,000 rows', async () => {
      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 'a');
      const tooLarge = await upload(hrA, big).expect(400);
      expectFileError(tooLarge, 'file_too_large');
      // The web's sentence names the limit: "Tệp quá lớn: tối đa 5 MB."
      expect(tooLarge.body.errors[0].params).toEqual({ maxMegabytes: 5 });
      const rows: Cell[][] = [HEADER];
      for (let i = 0; i <= 20_000; i++)
        rows.push(['Tên', `over.${i}`, units.a1.code, 'none', '', '', '']);
      const res = await upload(hrA, toCsv(rows)).expect(400);
      expectFileError(res, 'file_too_many_rows');
      expect(res.body.errors[0].message).toContain('20000');
      expect(res.body.errors[0].params).toEqual({ max: 20000 });
    });

    it('naming unknown and missing columns', async () => {
      const file = toCsv([
        ['username', 'fullName', 'Phone', 'dxRole'],
        ['x.y.z', 'Tên', '0912', 'none'],
      ]);
      const res = await upload(hrA, file).expect(400);
      expect(res.body.errors).toEqual([
        { field: 'Phone', code: 'unknown_column', message: 'unknown column' },
        { field: 'orgUnitCode', code: 'missing_column', message: 'required column is missing' },
      ]);
      expect(res.body.message).toContain('Phone');
    });
  });
});
