import { createTestDatabase, dropTestDatabase } from '@dx/db/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { catalogQuery, toPrefixTsQuery } from '@dx/db';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The catalog search stays an index search as courses pile up: 10,000 course versions
 * in a database of its own (so the shared test database's statistics are not skewed),
 * then the planner's choice for the exact SQL the service runs.
 */
describe('catalog search index', () => {
  let url: string;
  let db: Client;
  const root = randomUUID();
  const province = randomUUID();

  beforeAll(async () => {
    url = await createTestDatabase('dx_test_catalog');
    db = new Client({ connectionString: url });
    await db.connect();
    await db.query(
      `INSERT INTO org_unit (id, code, name, parent_id, path, depth)
       VALUES ($1, 'VN', 'Việt Nam', NULL, $3, 0), ($2, 'HN', 'Thành phố Hà Nội', $1, $4, 1)`,
      [root, province, `/${root}/`, `/${root}/${province}/`],
    );
    // 5,000 courses with two versions each (v1 superseded, v2 published); one in a
    // hundred is about "chuyển đổi số", the rest about other subjects.
    await db.query(
      `INSERT INTO course (code, owner_org_unit_id, status)
       SELECT 'KH-' || lpad(i::text, 5, '0'), CASE WHEN i % 2 = 0 THEN $1::uuid ELSE $2::uuid END, 'published'
         FROM generate_series(1, 5000) AS i`,
      [root, province],
    );
    await db.query(
      `INSERT INTO course_version (course_id, version, status, title, description, hours, search_text, published_at)
       SELECT c.id, v, CASE WHEN v = 1 THEN 'superseded' ELSE 'published' END, t.title, '', 4,
              lower(c.code) || ' ' || t.folded, now()
         FROM course c
         CROSS JOIN generate_series(1, 2) AS v
         CROSS JOIN LATERAL (
           SELECT CASE WHEN substr(c.code, 4)::int % 100 = 0
                       THEN 'Chuyển đổi số phần ' || substr(c.code, 4)
                       ELSE 'Nghiệp vụ ' || (ARRAY['kế toán', 'văn thư', 'lưu trữ', 'thanh tra', 'pháp chế'])[substr(c.code, 4)::int % 5 + 1] || ' ' || substr(c.code, 4)
                  END AS title,
                  CASE WHEN substr(c.code, 4)::int % 100 = 0
                       THEN 'chuyen doi so phan ' || substr(c.code, 4)
                       ELSE 'nghiep vu ' || (ARRAY['ke toan', 'van thu', 'luu tru', 'thanh tra', 'phap che'])[substr(c.code, 4)::int % 5 + 1] || ' ' || substr(c.code, 4)
                  END AS folded
         ) AS t`,
    );
    await db.query(
      `UPDATE course c SET published_version_id = cv.id
         FROM course_version cv WHERE cv.course_id = c.id AND cv.status = 'published'`,
    );
    await db.query('ANALYZE');
  }, 20_000);

  afterAll(async () => {
    await db?.end();
    if (url) await dropTestDatabase(url);
  });

  it('holds 10,000 course versions', async () => {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM course_version');
    expect(rows[0].n).toBe(10_000);
  });

  it.each([
    ['a learner of a province', () => [root, province]],
    ['a sysadmin', () => null],
  ])(
    'searches through idx_course_version_search, never scanning course_version (%s)',
    async (_, lineage) => {
      const query = catalogQuery({
        lineage: lineage(),
        tsquery: toPrefixTsQuery('Chuyển đổi số'),
        limit: 20,
        offset: 0,
      });
      for (const [sql, params] of [
        [query.sql, query.params],
        [query.countSql, query.params.slice(0, -2)],
      ] as const) {
        const { rows } = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`, params as unknown[]);
        const plan = nodes(rows[0]['QUERY PLAN'][0].Plan);
        expect(
          plan.filter(
            (n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'course_version',
          ),
        ).toEqual([]);
        expect(plan.map((n) => n['Index Name'])).toContain('idx_course_version_search');
      }
      const found = await db.query(query.sql, query.params as unknown[]);
      expect(found.rows).toHaveLength(20);
      expect(found.rows.every((r) => r.title.startsWith('Chuyển đổi số'))).toBe(true);
      const [{ total }] = (await db.query(query.countSql, query.params.slice(0, -2) as unknown[]))
        .rows;
      expect(total).toBe(50);
    },
  );
});
