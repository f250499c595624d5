import type { DxRole, Role } from '@dx/contracts';
import type { DemoUnitKind } from './demo-org-units.data';

/** The one password of every demo account (documented in the README; demo data only). */
export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoAccount {
  username: string;
  fullName: string;
  roles: Role[];
  orgUnitCode: string;
  dxRole: DxRole;
  jobTitle: string;
  dateOfBirth: string | null;
  /** What the account is for, in one line (README, login hints). */
  purpose: string;
}

/** Named accounts for trying the platform; all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    username: 'quantri',
    fullName: 'Quản trị hệ thống',
    roles: ['sysadmin', 'learner'],
    orgUnitCode: 'VN',
    dxRole: 'none',
    jobTitle: 'Quản trị hệ thống',
    dateOfBirth: null,
    purpose: 'sysadmin: everything, including org units and merges',
  },
  {
    username: 'daotao.hn',
    fullName: 'Trần Thị Thu Hà',
    roles: ['trainer', 'learner'],
    orgUnitCode: 'HN',
    dxRole: 'full_time',
    jobTitle: 'Chuyên viên chính phụ trách bồi dưỡng',
    dateOfBirth: '1984-03-12',
    purpose: 'trainer for Thành phố Hà Nội: authors and publishes courses',
  },
  {
    username: 'tccb.hn',
    fullName: 'Phạm Thị Hồng Nhung',
    roles: ['hr', 'learner'],
    orgUnitCode: 'HN',
    dxRole: 'part_time',
    jobTitle: 'Chuyên viên tổ chức cán bộ',
    dateOfBirth: '1979-10-02',
    purpose: 'hr for Thành phố Hà Nội: people and reports of Hà Nội',
  },
  {
    username: 'tccb.tq',
    fullName: 'Hoàng Văn Phúc',
    roles: ['hr', 'learner'],
    orgUnitCode: 'TQ',
    dxRole: 'part_time',
    jobTitle: 'Chuyên viên tổ chức cán bộ',
    dateOfBirth: '1981-06-25',
    purpose: 'hr for Tỉnh Tuyên Quang (which absorbed Hà Giang on 2025-07-01)',
  },
  {
    username: 'hocvien.hn',
    fullName: 'Nguyễn Thị Hường',
    roles: ['learner'],
    orgUnitCode: 'HN-SKHCN',
    dxRole: 'full_time',
    jobTitle: 'Chuyên viên',
    dateOfBirth: '1993-08-17',
    purpose: 'learner (full-time DX staff) in Sở Khoa học và Công nghệ thành phố Hà Nội',
  },
];

/** Family names weighted roughly by their share of the population. */
export const FAMILY_NAMES: readonly [string, number][] = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Hoàng', 4],
  ['Huỳnh', 2],
  ['Phan', 4],
  ['Vũ', 3],
  ['Võ', 2],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 2],
  ['Hồ', 1],
  ['Ngô', 1],
  ['Dương', 1],
  ['Lý', 1],
];

export const MIDDLE_NAMES = {
  male: ['Văn', 'Hữu', 'Minh', 'Đức', 'Quang', 'Thanh', 'Công', 'Xuân', 'Mạnh', 'Tiến'],
  female: ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Hồng', 'Thị Thu'],
} as const;

const words = (...lines: string[]) => lines.join(' ').split(' ');

export const GIVEN_NAMES: Record<'male' | 'female', readonly string[]> = {
  male: words(
    'Dũng Tuấn Phúc Quân Hùng Hải Long Nam Sơn Thắng Trung Cường',
    'Hiếu Khánh Kiên Lâm Toàn Vinh Đạt Thành Huy Bình Tùng Quyết',
  ),
  female: words(
    'Hường Lan Hạnh Thảo Nguyệt Hương Linh Mai Nhung Phương Quỳnh Trang',
    'Vân Yến Hà Huyền Loan Oanh Thủy Dung Giang Hằng Liên Thoa',
  ),
};

/**
 * Job titles by kind of unit: [title, weight, isLeader]. Leaders are born earlier; there is
 * at most a handful of them per unit thanks to the weights.
 */
export const JOB_TITLES: Record<DemoUnitKind, readonly [string, number, boolean][]> = {
  country: [['Chuyên viên', 1, false]],
  ministry: [['Chuyên viên', 1, false]],
  agency: [
    ['Chuyên viên', 8, false],
    ['Chuyên viên chính', 5, false],
    ['Chuyên viên cao cấp', 1, true],
    ['Phó Trưởng phòng', 2, true],
    ['Trưởng phòng', 1, true],
    ['Kỹ sư công nghệ thông tin', 2, false],
  ],
  province: [['Chuyên viên', 1, false]],
  department: [
    ['Chuyên viên', 8, false],
    ['Chuyên viên chính', 4, false],
    ['Phó Trưởng phòng', 2, true],
    ['Trưởng phòng', 1, true],
    ['Phó Giám đốc Sở', 1, true],
    ['Kế toán viên', 1, false],
  ],
  district: [
    ['Chuyên viên Phòng Nội vụ', 3, false],
    ['Chuyên viên Phòng Văn hóa và Thông tin', 3, false],
    ['Phó Trưởng phòng Nội vụ', 1, true],
  ],
  commune: [
    ['Công chức văn phòng – thống kê', 4, false],
    ['Công chức tư pháp – hộ tịch', 2, false],
    ['Công chức địa chính – xây dựng', 2, false],
    ['Công chức văn hóa – xã hội', 2, false],
    ['Công chức tài chính – kế toán', 2, false],
    ['Phó Chủ tịch Ủy ban nhân dân', 1, true],
  ],
};
