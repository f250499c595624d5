/**
 * The demo administrative tree, as it stood from 2020 and as the 2025 reform changed it:
 * the Ministry of Information and Communications merged into the Ministry of Science and
 * Technology (2025-03-01); on 2025-07-01 the district level was removed, wards were merged
 * into new ones and Hà Giang province merged into Tuyên Quang.
 *
 * Units carry `mergeInto` when the reform closed them; units formed by the reform start on
 * its date. Codes are permanent: a unit keeps its code when it changes parent.
 */

export const DEMO_HISTORY_START = '2020-01-01';
export const MINISTRY_MERGER_DATE = '2025-03-01';
export const REFORM_DATE = '2025-07-01';

export type DemoUnitKind =
  'country' | 'ministry' | 'agency' | 'province' | 'department' | 'district' | 'commune';

export interface DemoUnit {
  code: string;
  name: string;
  kind: DemoUnitKind;
  /** People generated for the unit (demo accounts come on top). */
  staff: number;
  /** Domain of the unit's e-mail addresses (reserved `.example` TLD: never delivered). */
  mailDomain?: string;
  validFrom?: string;
  mergeInto?: { code: string; on: string };
  children?: DemoUnit[];
}

type Opts = Partial<Pick<DemoUnit, 'staff' | 'validFrom' | 'mergeInto' | 'mailDomain'>>;

const unit =
  (kind: DemoUnitKind, defaultStaff: number) =>
  (code: string, name: string, opts: Opts = {}, children?: DemoUnit[]): DemoUnit => ({
    code,
    name,
    kind,
    staff: opts.staff ?? defaultStaff,
    ...opts,
    ...(children ? { children } : {}),
  });

const agency = unit('agency', 10);
const department = unit('department', 7);
const district = unit('district', 3);
const commune = unit('commune', 4);
const reformed = (code: string, on = REFORM_DATE) => ({ mergeInto: { code, on } });
const formedByReform = { validFrom: REFORM_DATE, staff: 0 };

/**
 * The Ministry's training institution: it issues the certificates of the national demo
 * courses, which the root owns so that every learner sees them.
 */
export const DEMO_TRAINING_INSTITUTION = 'TBD-KHCN';

/** How the institution signs its certificates (Decree 30/2020: the governing body above). */
export const DEMO_ISSUERS = [
  {
    unitCode: DEMO_TRAINING_INSTITUTION,
    bodyName: 'Trường Đào tạo, bồi dưỡng cán bộ khoa học và công nghệ',
    parentBodyName: 'Bộ Khoa học và Công nghệ',
    signerTitle: 'Hiệu trưởng',
    signerName: 'Trần Văn Thành',
    place: 'Hà Nội',
  },
];

export const DEMO_TREE: DemoUnit = unit('country', 0)('VN', 'Việt Nam', {}, [
  unit('ministry', 0)('BKHCN', 'Bộ Khoa học và Công nghệ', { mailDomain: 'mst.example' }, [
    agency('BKHCN-TCCB', 'Vụ Tổ chức cán bộ', { staff: 8 }),
    agency('BKHCN-VP', 'Văn phòng Bộ', { staff: 6 }),
    agency('BKHCN-TTCNTT', 'Trung tâm Công nghệ thông tin'),
    agency(DEMO_TRAINING_INSTITUTION, 'Trường Đào tạo, bồi dưỡng cán bộ khoa học và công nghệ', {
      staff: 5,
    }),
  ]),
  unit('ministry', 0)(
    'BTTTT',
    'Bộ Thông tin và Truyền thông',
    { mailDomain: 'mic.example', ...reformed('BKHCN', MINISTRY_MERGER_DATE) },
    [
      agency('BKHCN-CDS', 'Cục Chuyển đổi số quốc gia'),
      agency('BTTTT-TCCB', 'Vụ Tổ chức cán bộ (Bộ Thông tin và Truyền thông)', {
        staff: 5,
        ...reformed('BKHCN-TCCB', MINISTRY_MERGER_DATE),
      }),
    ],
  ),
  unit('province', 0)('HN', 'Thành phố Hà Nội', { mailDomain: 'hanoi.example' }, [
    department('HN-SKHCN', 'Sở Khoa học và Công nghệ thành phố Hà Nội', { staff: 9 }),
    department('HN-SNV', 'Sở Nội vụ thành phố Hà Nội'),
    department('HN-VPUB', 'Văn phòng Ủy ban nhân dân thành phố Hà Nội', { staff: 6 }),
    commune('HN-BADINH', 'Phường Ba Đình', formedByReform),
    commune('HN-HOANKIEM', 'Phường Hoàn Kiếm', formedByReform),
    district('HN-Q-BADINH', 'Quận Ba Đình', reformed('HN'), [
      commune('HN-PHUCXA', 'Phường Phúc Xá', reformed('HN-BADINH')),
      commune('HN-TRUCBACH', 'Phường Trúc Bạch', reformed('HN-BADINH')),
      commune('HN-QUANTHANH', 'Phường Quán Thánh', reformed('HN-BADINH')),
    ]),
    district('HN-Q-HOANKIEM', 'Quận Hoàn Kiếm', reformed('HN'), [
      commune('HN-HANGBAC', 'Phường Hàng Bạc', reformed('HN-HOANKIEM')),
      commune('HN-HANGTRONG', 'Phường Hàng Trống', reformed('HN-HOANKIEM')),
    ]),
    district('HN-H-BAVI', 'Huyện Ba Vì', reformed('HN'), [
      commune('HN-BAVI', 'Xã Ba Vì', { staff: 6 }),
    ]),
  ]),
  unit('province', 0)('TQ', 'Tỉnh Tuyên Quang', { mailDomain: 'tuyenquang.example' }, [
    department('TQ-SKHCN', 'Sở Khoa học và Công nghệ tỉnh Tuyên Quang'),
    department('TQ-SNV', 'Sở Nội vụ tỉnh Tuyên Quang', { staff: 6 }),
    department('TQ-VPUB', 'Văn phòng Ủy ban nhân dân tỉnh Tuyên Quang', { staff: 5 }),
    commune('TQ-HAGIANG1', 'Phường Hà Giang 1', formedByReform),
    district('TQ-TP', 'Thành phố Tuyên Quang', reformed('TQ'), [
      commune('TQ-MINHXUAN', 'Phường Minh Xuân', { staff: 6 }),
      commune('TQ-PHANTHIET', 'Phường Phan Thiết', reformed('TQ-MINHXUAN')),
    ]),
    district('TQ-H-NAHANG', 'Huyện Na Hang', reformed('TQ'), [
      commune('TQ-THUONGLAM', 'Xã Thượng Lâm', { staff: 4 }),
    ]),
  ]),
  unit('province', 0)('HG', 'Tỉnh Hà Giang', { mailDomain: 'hagiang.example', ...reformed('TQ') }, [
    department('HG-SKHCN', 'Sở Khoa học và Công nghệ tỉnh Hà Giang', {
      staff: 6,
      ...reformed('TQ-SKHCN'),
    }),
    department('HG-SNV', 'Sở Nội vụ tỉnh Hà Giang', { staff: 5, ...reformed('TQ-SNV') }),
    district('HG-TP', 'Thành phố Hà Giang', reformed('HG'), [
      commune('HG-MINHKHAI', 'Phường Minh Khai', reformed('TQ-HAGIANG1')),
      commune('HG-NGUYENTRAI', 'Phường Nguyễn Trãi', reformed('TQ-HAGIANG1')),
    ]),
    district('HG-H-DONGVAN', 'Huyện Đồng Văn', reformed('HG'), [
      commune('HG-LUNGCU', 'Xã Lũng Cú', { staff: 4 }),
    ]),
  ]),
  unit('province', 0)('LC', 'Tỉnh Lào Cai', { mailDomain: 'laocai.example' }, [
    department('LC-SKHCN', 'Sở Khoa học và Công nghệ tỉnh Lào Cai'),
    department('LC-SNV', 'Sở Nội vụ tỉnh Lào Cai', { staff: 6 }),
    department('LC-VPUB', 'Văn phòng Ủy ban nhân dân tỉnh Lào Cai', { staff: 5 }),
    commune('LC-LAOCAI', 'Phường Lào Cai', formedByReform),
    district('LC-TP', 'Thành phố Lào Cai', reformed('LC'), [
      commune('LC-COCLEU', 'Phường Cốc Lếu', reformed('LC-LAOCAI')),
      commune('LC-DUYENHAI', 'Phường Duyên Hải', reformed('LC-LAOCAI')),
    ]),
    district('LC-TX-SAPA', 'Thị xã Sa Pa', reformed('LC'), [
      commune('LC-SAPA', 'Phường Sa Pa', { staff: 6 }),
    ]),
    district('LC-H-BATXAT', 'Huyện Bát Xát', reformed('LC'), [
      commune('LC-YTY', 'Xã Y Tý', { staff: 4 }),
    ]),
  ]),
]);

export interface FlatDemoUnit extends DemoUnit {
  parentCode: string | null;
  depth: number;
  mailDomain: string;
}

/** The tree in pre-order (parents before children), each unit with its parent's code. */
export function flattenDemoTree(root: DemoUnit = DEMO_TREE): FlatDemoUnit[] {
  const out: FlatDemoUnit[] = [];
  const walk = (u: DemoUnit, parent: FlatDemoUnit | null) => {
    const flat: FlatDemoUnit = {
      ...u,
      parentCode: parent?.code ?? null,
      depth: (parent?.depth ?? -1) + 1,
      mailDomain: u.mailDomain ?? parent?.mailDomain ?? 'gov.example',
    };
    out.push(flat);
    u.children?.forEach((c) => walk(c, flat));
  };
  walk(root, null);
  return out;
}
