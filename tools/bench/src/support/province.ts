import { randomUUID } from 'node:crypto';

/** A unit as the file jobs record it (subtree path, code and name for the file). */
export interface BenchUnit {
  id: string;
  path: string;
  code: string;
  name: string;
}

type Query = (sql: string, params?: unknown[]) => Promise<unknown>;

/**
 * A province and `communes` communes under it, in force since 2000 with their tree edges
 * (as the 2025 reform left the country: a province and its communes). Commune `i` has the
 * code `<code>-XA-<i>`, zero-padded so that ordering by code is ordering by `i`.
 */
export async function seedProvince(
  query: Query,
  province: { code: string; name: string; communes: number },
): Promise<BenchUnit> {
  const id = randomUUID();
  const unit = { id, path: `/${id}/`, code: province.code, name: province.name };
  await query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from)
     VALUES ($1, $2, $3, NULL, $4, 0, '2000-01-01')`,
    [unit.id, unit.code, unit.name, unit.path],
  );
  await query(
    `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from)
     SELECT g.id, $3 || '-XA-' || lpad(g.i::text, 4, '0'), 'Ủy ban nhân dân xã Thử Nghiệm Số ' || g.i,
            $1, $2 || g.id || '/', 1, '2000-01-01'
       FROM (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $4::int) i) g`,
    [unit.id, unit.path, unit.code, province.communes],
  );
  await query(
    `INSERT INTO org_unit_edge (unit_id, parent_id, valid_from)
     SELECT id, parent_id, '2000-01-01' FROM org_unit WHERE path LIKE $1`,
    [`${unit.path}%`],
  );
  return unit;
}

/**
 * A Vietnamese full name with diacritics for person number `i` (an SQL integer
 * expression): 480 distinct names, so files and PDFs carry realistic text.
 */
export const fullNameSql = (i: string) =>
  `(ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Vũ','Đặng','Bùi'])[1 + ${i} % 8] || ' ' ||
   (ARRAY['Thị','Văn','Hữu','Minh','Ngọc'])[1 + ${i} % 5] || ' ' ||
   (ARRAY['An','Bình','Cường','Dũng','Hằng','Hương','Khánh','Lan','Phúc','Thảo','Tùng','Yến'])[1 + ${i} % 12]`;
