import { foldForSearch } from '@dx/contracts';
import type { Pool } from 'pg';
import { PasswordHasher } from '@dx/db';

/** Every bench learner's password; their one shared hash is computed once per seed. */
export const BENCH_PASSWORD = 'Bench!2026-dx-academy';
const PROVINCES = 10;
const COMMUNES_PER_PROVINCE = 10;

export interface SeededCourse {
  courseId: string;
  versionId: string;
  lessonIds: string[];
  finalQuizId: string;
}

export interface BenchData {
  rootUnitId: string;
  /** Usernames of the learners, in order (hv00001, hv00002, …). */
  usernames: string[];
  /** The course every learner is enrolled in (3 modules × 4 lessons, final quiz drawing 10 of a 30-question bank category of every type). */
  course: SeededCourse;
}

const CATALOG_TITLES = [
  'Chuyển đổi số trong cơ quan nhà nước',
  'An toàn thông tin cho cán bộ, công chức',
  'Chính phủ số và dịch vụ công trực tuyến',
  'Kỹ năng khai thác dữ liệu số',
  'Văn bản điện tử và chữ ký số',
  'Ứng dụng trí tuệ nhân tạo trong công vụ',
  'Quản trị hệ thống thông tin cấp xã',
  'Kỹ năng số cho công dân',
  'Bảo vệ dữ liệu cá nhân',
  'Điện toán đám mây cho khu vực công',
];

/**
 * The bench data set, set-based: an org tree (1 ministry, 10 provinces, 100 communes),
 * `learners` learner accounts spread over the communes, a catalog of 30 published courses at
 * national and provincial level, and one course with lessons and a final quiz drawing 10
 * questions that every learner is enrolled in. Learners share one argon2id hash made with
 * the API's own parameters, so signing in costs what it costs in production.
 */
export async function seedBenchData(pg: Pool, learners: number): Promise<BenchData> {
  const hash = await new PasswordHasher().hash(BENCH_PASSWORD);
  const [{ root }] = (
    await pg.query(
      `WITH r AS (SELECT gen_random_uuid() AS id),
            p AS (SELECT gen_random_uuid() AS id, i FROM generate_series(1, $1::int) i),
            c AS (SELECT gen_random_uuid() AS id, p.id AS parent, p.i, j
                    FROM p, generate_series(1, $2::int) j),
            ins AS (
              INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from)
              SELECT r.id, 'BENCH', 'Bộ Nội vụ', NULL, '/' || r.id || '/', 0, date '2000-01-01' FROM r
              UNION ALL
              SELECT p.id, 'BENCH-' || p.i, 'Sở Nội vụ tỉnh số ' || p.i, r.id,
                     '/' || r.id || '/' || p.id || '/', 1, '2000-01-01' FROM r, p
              UNION ALL
              SELECT c.id, 'BENCH-' || c.i || '-' || c.j, 'Ủy ban nhân dân xã số ' || c.j || ' tỉnh ' || c.i,
                     c.parent, '/' || r.id || '/' || c.parent || '/' || c.id || '/', 2, '2000-01-01'
                FROM r, c)
       SELECT id AS root FROM r`,
      [PROVINCES, COMMUNES_PER_PROVINCE],
    )
  ).rows;
  await pg.query(
    `INSERT INTO org_unit_edge (unit_id, parent_id, valid_from)
     SELECT id, parent_id, '2000-01-01' FROM org_unit WHERE code LIKE 'BENCH%'`,
  );
  await pg.query(
    `WITH communes AS (SELECT array_agg(id ORDER BY code) AS ids FROM org_unit WHERE code LIKE 'BENCH-%-%')
     INSERT INTO app_user (username, password_hash, full_name, date_of_birth, org_unit_id, dx_role, roles)
     SELECT 'hv' || lpad(g::text, 5, '0'), $1,
            (ARRAY['Nguyễn','Trần','Lê','Phạm','Hoàng','Huỳnh','Phan','Vũ','Võ','Đặng'])[1 + g % 10] || ' ' ||
            (ARRAY['Thị','Văn','Minh','Thu','Đức','Ngọc'])[1 + (g / 10) % 6] || ' ' ||
            (ARRAY['Hường','An','Bình','Dũng','Hạnh','Khánh','Lan','Phúc','Quang','Trang','Tuấn','Yến'])[1 + (g / 60) % 12],
            date '1975-01-01' + (g % 9000), communes.ids[1 + g % cardinality(communes.ids)],
            'full_time', '{learner}'
       FROM communes, generate_series(1, $2::int) g`,
    [hash, learners],
  );
  await pg.query(
    `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from)
     SELECT id, org_unit_id, dx_role, '2024-01-01' FROM app_user WHERE username LIKE 'hv%'`,
  );
  await seedCatalog(pg, root);
  const course = await seedCourse(
    pg,
    root,
    'BENCH-MAIN',
    'Chuyển đổi số cơ bản cho cán bộ, công chức',
  );
  await enrolAll(pg, course);
  const usernames = Array.from(
    { length: learners },
    (_, i) => `hv${String(i + 1).padStart(5, '0')}`,
  );
  return { rootUnitId: root, usernames, course };
}

/** 30 published courses owned by the ministry and the provinces (what the catalog lists). */
async function seedCatalog(pg: Pool, root: string): Promise<void> {
  const provinces = (
    await pg.query(`SELECT id FROM org_unit WHERE parent_id = $1 ORDER BY code`, [root])
  ).rows.map((r) => r.id as string);
  const n = 30;
  const titles = Array.from(
    { length: n },
    (_, i) => `${CATALOG_TITLES[i % 10]} (phần ${1 + Math.floor(i / 10)})`,
  );
  const codes = titles.map((_, i) => `BENCH-CAT-${String(i + 1).padStart(3, '0')}`);
  const owners = titles.map((_, i) => (i % 3 === 0 ? root : provinces[i % provinces.length]));
  await pg.query(
    `INSERT INTO course (code, owner_org_unit_id, status)
     SELECT code, owner, 'published' FROM unnest($1::text[], $2::uuid[]) AS t(code, owner)`,
    [codes, owners],
  );
  await pg.query(
    `INSERT INTO course_version (course_id, version, status, title, description, hours, search_text, published_at)
     SELECT c.id, 1, 'published', t.title, 'Khóa bồi dưỡng theo Quyết định 1690/QĐ-TTg.', 8, t.search, now()
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, title, search)
       JOIN course c ON c.code = t.code`,
    [codes, titles, titles.map((t, i) => foldForSearch(`${codes[i]} ${t}`))],
  );
  await pg.query(
    `UPDATE course c SET published_version_id = v.id
       FROM course_version v WHERE v.course_id = c.id AND c.code LIKE 'BENCH-CAT-%'`,
  );
}

const LESSON_MARKDOWN = `# Nội dung bài học

Chuyển đổi số là quá trình thay đổi tổng thể và toàn diện của cá nhân, tổ chức về cách sống,
cách làm việc và phương thức sản xuất dựa trên các công nghệ số.

## Mục tiêu

- Hiểu **khái niệm** chuyển đổi số và *chính phủ số*;
- Nắm được các nhiệm vụ trọng tâm của cơ quan, đơn vị;
- Biết sử dụng dịch vụ công trực tuyến và chữ ký số.

## Nội dung chính

1. Bối cảnh và định hướng của Đảng, Nhà nước.
2. Vai trò của cán bộ, công chức, viên chức trong chuyển đổi số.
3. Các nền tảng số quốc gia dùng chung.

> Tham khảo: [Cổng dịch vụ công quốc gia](https://dichvucong.gov.vn).
`;

/**
 * A published course (3 modules × 4 lessons) with a final quiz drawing 10 questions × 4 options
 * from a bank category of 30.
 */
export async function seedCourse(
  pg: Pool,
  owner: string,
  code: string,
  title: string,
  quiz: { timeLimitSeconds?: number; maxAttempts?: number | null } = {},
): Promise<SeededCourse> {
  const [{ id: courseId }] = (
    await pg.query(
      `INSERT INTO course (code, owner_org_unit_id, status) VALUES ($1, $2, 'published') RETURNING id`,
      [code, owner],
    )
  ).rows;
  const [{ id: versionId }] = (
    await pg.query(
      `INSERT INTO course_version (course_id, version, status, title, hours, search_text, published_at)
       VALUES ($1, 1, 'published', $2, 8, $3, now()) RETURNING id`,
      [courseId, title, foldForSearch(`${code} ${title}`)],
    )
  ).rows;
  await pg.query(`UPDATE course SET published_version_id = $2 WHERE id = $1`, [
    courseId,
    versionId,
  ]);
  await pg.query(
    `INSERT INTO course_module (course_version_id, key, position, title)
     SELECT $1, gen_random_uuid(), m, 'Chương ' || m FROM generate_series(1, 3) m`,
    [versionId],
  );
  const lessonIds = (
    await pg.query(
      `INSERT INTO lesson (module_id, course_version_id, key, position, title, kind, content, duration_minutes)
       SELECT m.id, $1, gen_random_uuid(), l, 'Bài ' || m.position || '.' || l || ': Chuyển đổi số', 'text', $2, 10
         FROM course_module m, generate_series(1, 4) l
        WHERE m.course_version_id = $1
       RETURNING id`,
      [versionId, LESSON_MARKDOWN],
    )
  ).rows.map((r) => r.id as string);
  const [{ id: finalQuizId }] = (
    await pg.query(
      `INSERT INTO quiz (course_version_id, key, title, kind, passing_score, time_limit_seconds, max_attempts)
       VALUES ($1, gen_random_uuid(), 'Bài kiểm tra cuối khóa', 'final', 50, $2, $3) RETURNING id`,
      [versionId, quiz.timeLimitSeconds ?? 1800, quiz.maxAttempts ?? null],
    )
  ).rows;
  // The final draws 10 of a 30-question bank category (issue #16), as finals are meant to.
  const [{ id: bankId }] = (
    await pg.query(
      `INSERT INTO question_bank (owner_org_unit_id, title) VALUES ($1, $2) RETURNING id`,
      [owner, `Ngân hàng ${code}`],
    )
  ).rows;
  const [{ id: categoryId }] = (
    await pg.query(
      `INSERT INTO question_category (bank_id, name) VALUES ($1, 'Chuyển đổi số') RETURNING id`,
      [bankId],
    )
  ).rows;
  await pg.query(
    // Every type a final uses, in turn (issue #16: the quiz figures hold "with the new
    // question types"): a drawing of 10 gets a mix, as a real bank gives.
    `INSERT INTO question (bank_id, category_id, key, position, type, text, explanation)
     SELECT $1, $2, gen_random_uuid(), q,
            (ARRAY['single', 'multiple', 'matching', 'ordering', 'short_answer', 'numeric'])[1 + q % 6],
            'Câu hỏi số ' || q || ' về chuyển đổi số?', 'Giải thích câu ' || q
       FROM generate_series(1, 30) q`,
    [bankId, categoryId],
  );
  await pg.query(
    // Four options to choose, pair or order; two accepted texts; one value with a tolerance.
    `INSERT INTO question_option (question_id, position, text, correct, match, tolerance)
     SELECT q.id, o,
            CASE q.type WHEN 'short_answer' THEN (ARRAY['Chính phủ số', 'Chính quyền số'])[o]
                        WHEN 'numeric' THEN '80.5'
                        ELSE 'Phương án ' || o END,
            CASE q.type WHEN 'single' THEN o = 1 WHEN 'multiple' THEN o <= 2 ELSE true END,
            CASE WHEN q.type = 'matching' THEN 'Vế ghép ' || o END,
            CASE WHEN q.type = 'numeric' THEN 0.5 END
       FROM question q
       JOIN LATERAL generate_series(
              1, CASE q.type WHEN 'short_answer' THEN 2 WHEN 'numeric' THEN 1 ELSE 4 END) o ON true
      WHERE q.category_id = $1`,
    [categoryId],
  );
  await pg.query(`INSERT INTO quiz_draw_rule (quiz_id, category_id, count) VALUES ($1, $2, 10)`, [
    finalQuizId,
    categoryId,
  ]);
  return { courseId, versionId, lessonIds, finalQuizId };
}

/** Enrols every bench learner in `course`, pinned to its version. */
export async function enrolAll(pg: Pool, course: SeededCourse): Promise<void> {
  await pg.query(
    `INSERT INTO enrollment (user_id, course_id, course_version_id, year)
     SELECT id, $1, $2, extract(year FROM now()) FROM app_user WHERE username LIKE 'hv%'`,
    [course.courseId, course.versionId],
  );
  await pg.query('ANALYZE');
}
