import {
  COMMUNES,
  DEPARTMENTS,
  departmentMerged,
  departmentOfCommune,
  id,
  idText,
  MERGE_DATE,
  NS,
  PROVINCES,
  provinceMerged,
  provinceOfDepartment,
  unitId,
  unitKey,
  UNITS_FROM,
  userChangedRole,
  userDxRole,
  userJoined,
  userLevel,
  userRoles,
  userUnitNo,
  USERS,
} from './shape';

/**
 * The administrative tree of 2000 and the 2025 reform, as the merge service leaves it:
 * merged units closed with a successor, the edges of their children split at the merge
 * date, and today's parent/path pointing at the successor.
 *
 * A helper table lists every unit with its original parent and, for merged units, the
 * successor; the real tables are filled from it.
 */
export const UNIT_STEPS: string[] = [
  `CREATE TEMP TABLE bench_unit AS
   WITH lv AS (
     SELECT 0 AS level, 0 AS no, NULL::int AS parent_no
     UNION ALL SELECT 1, p, 0 FROM generate_series(1, ${PROVINCES}) p
     UNION ALL SELECT 2, d, ${provinceOfDepartment('d')} FROM generate_series(1, ${DEPARTMENTS}) d
     UNION ALL SELECT 3, c, ${departmentOfCommune('c')} FROM generate_series(1, ${COMMUNES}) c)
   SELECT level, no, parent_no,
          CASE WHEN level = 1 AND ${provinceMerged('no')} THEN no - 1
               WHEN level = 2 AND ${departmentMerged('no')} THEN no + ${PROVINCES} END AS successor_no
     FROM lv`,
  // Today's parent: the successor of the original parent when that parent was merged.
  `CREATE TEMP TABLE bench_unit_today AS
   SELECT u.level, u.no, u.parent_no, u.successor_no,
          coalesce(p.successor_no, u.parent_no) AS today_parent_no,
          p.successor_no IS NOT NULL AS reparented
     FROM bench_unit u LEFT JOIN bench_unit p ON p.level = u.level - 1 AND p.no = u.parent_no`,
  `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from, valid_to, successor_id, created_at, updated_at)
   SELECT ${unitId('u.level', 'u.no')},
          CASE u.level WHEN 0 THEN 'VN' WHEN 1 THEN 'T' || lpad(u.no::text, 2, '0')
                       WHEN 2 THEN 'H' || lpad(u.no::text, 3, '0') ELSE 'X' || lpad(u.no::text, 5, '0') END,
          CASE u.level WHEN 0 THEN 'Cả nước'
                       WHEN 1 THEN CASE WHEN u.no <= 48 THEN 'Tỉnh số ' ELSE 'Bộ số ' END || u.no
                       WHEN 2 THEN CASE WHEN u.no % 2 = 1 THEN 'Sở số ' ELSE 'Huyện số ' END || u.no
                       ELSE CASE WHEN u.no % 3 = 0 THEN 'Phường số ' ELSE 'Xã số ' END || u.no END,
          CASE WHEN u.level > 0 THEN ${unitId('u.level - 1', 'u.today_parent_no')} END,
          '/' || concat_ws('/', ${idText(NS.unit, unitKey(0, 0))},
            CASE u.level WHEN 1 THEN ${idText(NS.unit, unitKey(1, 'u.no'))}
                         WHEN 2 THEN ${idText(NS.unit, unitKey(1, 'u.today_parent_no'))}
                         WHEN 3 THEN ${idText(NS.unit, unitKey(1, 'tp.today_parent_no'))} END,
            CASE u.level WHEN 2 THEN ${idText(NS.unit, unitKey(2, 'u.no'))}
                         WHEN 3 THEN ${idText(NS.unit, unitKey(2, 'u.today_parent_no'))} END,
            CASE u.level WHEN 3 THEN ${idText(NS.unit, unitKey(3, 'u.no'))} END) || '/',
          u.level, date '${UNITS_FROM}',
          CASE WHEN u.successor_no IS NOT NULL THEN date '${MERGE_DATE}' END,
          CASE WHEN u.successor_no IS NOT NULL THEN ${unitId('u.level', 'u.successor_no')} END,
          timestamptz '${UNITS_FROM}', timestamptz '${MERGE_DATE}'
     FROM bench_unit_today u
     LEFT JOIN bench_unit_today tp ON u.level = 3 AND tp.level = 2 AND tp.no = u.today_parent_no`,
  // Edges valid from 2000: closed on the merge date for merged units and for children of
  // merged units, which get a second edge to the successor from that date.
  `INSERT INTO org_unit_edge (unit_id, parent_id, valid_from, valid_to)
   SELECT ${unitId('u.level', 'u.no')},
          CASE WHEN u.level > 0 THEN ${unitId('u.level - 1', 'u.parent_no')} END,
          date '${UNITS_FROM}',
          CASE WHEN u.successor_no IS NOT NULL OR u.reparented THEN date '${MERGE_DATE}' END
     FROM bench_unit_today u
   UNION ALL
   SELECT ${unitId('u.level', 'u.no')}, ${unitId('u.level - 1', 'u.today_parent_no')},
          date '${MERGE_DATE}', NULL
     FROM bench_unit_today u WHERE u.reparented`,
];

/** Start unit of user i (level, number) and its successor number when it was merged. */
const USER_UNIT = `
  SELECT ${userLevel('i')} AS level, ${userUnitNo('i')} AS no, ${userDxRole('i')} AS role,
         ${userJoined('i')} AS joined, ${userChangedRole('i')} AS changed`;
const SUCCESSOR = (level: string, no: string) =>
  `(CASE WHEN ${level} = 1 AND ${provinceMerged(no)} THEN ${no} - 1
         WHEN ${level} = 2 AND ${departmentMerged(no)} THEN ${no} + ${PROVINCES} END)`;

const FIRST_NAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE_NAMES = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Hữu', 'Thanh', 'Xuân'];
const GIVEN_NAMES = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Hoa',
  'Hùng',
  'Hương',
  'Huy',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Ngân',
  'Nhung',
  'Phong',
  'Phúc',
  'Phương',
  'Quân',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Thắng',
  'Thủy',
  'Trang',
  'Trung',
  'Tuấn',
  'Tú',
  'Vân',
  'Việt',
  'Yến',
];
const sqlArray = (xs: string[]) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]`;

/** Users: one row each, in the unit they belong to today, with Vietnamese names. */
export const USERS_SQL = `
  INSERT INTO app_user (id, username, password_hash, full_name, email, date_of_birth, org_unit_id,
                        job_title, dx_role, roles, created_at, updated_at)
  SELECT ${id(NS.user, 'i')}, 'cb' || lpad(i::text, 7, '0'), NULL,
         (${sqlArray(FIRST_NAMES)})[i % ${FIRST_NAMES.length} + 1] || ' ' ||
         (${sqlArray(MIDDLE_NAMES)})[(i / ${FIRST_NAMES.length}) % ${MIDDLE_NAMES.length} + 1] || ' ' ||
         (${sqlArray(GIVEN_NAMES)})[(i / ${FIRST_NAMES.length * MIDDLE_NAMES.length}) % ${GIVEN_NAMES.length} + 1],
         NULL, date '1965-01-01' + ((i::bigint * 13) % 14000)::int,
         ${unitId('u.level', `coalesce(${SUCCESSOR('u.level', 'u.no')}, u.no)`)},
         NULL, u.role, ${userRoles('i')}, u.joined, u.joined
    FROM generate_series(1, ${USERS}) i CROSS JOIN LATERAL (${USER_UNIT}) u`;

/**
 * Memberships: one open row per person, split where something changed — on 2024-03-01
 * for the 2% who became DX staff then, and on the merge date for people of merged units
 * (before: the merged unit; from then: its successor), exactly as the services write them.
 */
export const MEMBERSHIPS_SQL = `
  INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from, valid_to)
  SELECT ${id(NS.user, 'i')},
         ${unitId('u.level', `CASE WHEN s.successor IS NOT NULL AND seg.valid_from >= date '${MERGE_DATE}' THEN s.successor ELSE u.no END`)},
         CASE WHEN s.role_change AND seg.valid_from < date '2024-03-01' THEN 'none' ELSE u.role END,
         seg.valid_from, seg.valid_to
    FROM generate_series(1, ${USERS}) i
    CROSS JOIN LATERAL (${USER_UNIT}) u
    CROSS JOIN LATERAL (
      SELECT ${SUCCESSOR('u.level', 'u.no')} AS successor,
             u.changed AND u.role <> 'none' AND u.joined < date '2024-03-01' AS role_change) s
    CROSS JOIN LATERAL (
      SELECT array_remove(ARRAY[
               CASE WHEN s.role_change THEN date '2024-03-01' END,
               CASE WHEN s.successor IS NOT NULL AND u.joined < date '${MERGE_DATE}' THEN date '${MERGE_DATE}' END
             ], NULL) AS cuts) c
    CROSS JOIN LATERAL unnest(ARRAY[u.joined] || c.cuts, c.cuts || NULL::date) AS seg(valid_from, valid_to)`;
