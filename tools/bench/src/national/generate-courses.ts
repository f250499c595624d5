import { foldForSearch } from '@dx/contracts';
import {
  COURSES,
  id,
  LESSONS_PER_VERSION,
  NS,
  QUESTIONS_PER_QUIZ,
  TWO_VERSION_COURSES,
  unitId,
} from './shape';

const TITLES = [
  'Chuyển đổi số cơ bản cho cán bộ, công chức',
  'Chính phủ số và dịch vụ công trực tuyến',
  'Dữ liệu số và khai thác cơ sở dữ liệu quốc gia',
  'An toàn thông tin cho người dùng cuối',
  'Kỹ năng số trong công việc văn phòng',
  'Chữ ký số và văn bản điện tử',
  'Trí tuệ nhân tạo trong quản lý nhà nước',
  'Kinh tế số và thương mại điện tử',
  'Xã hội số và kỹ năng công dân số',
  'Quản trị dự án chuyển đổi số',
];
export const COURSE_HOURS = [4, 8, 6, 12, 8, 4, 16, 8, 6, 10];

/**
 * Courses 1–8 belong to the national level (everyone sees them); course 9 to province 13
 * and course 10 to province 16, and only their own people can take those.
 */
export const COURSE_OWNERS: [level: number, no: number][] = [
  ...Array.from({ length: 8 }, (): [number, number] => [0, 0]),
  [1, 13],
  [1, 16],
];
const ownerLevel = (c: string) => `(ARRAY[${COURSE_OWNERS.map(([l]) => l).join(',')}])[${c}]`;
const ownerNo = (c: string) => `(ARRAY[${COURSE_OWNERS.map(([, n]) => n).join(',')}])[${c}]`;
export const versionKey = (c: string, v: string) => `((${c}) * 10 + (${v}))`;
/** The version a learner of course c studied at time t (revised courses changed on 2024-01-01). */
export const versionAt = (c: string, t: string) =>
  `(CASE WHEN ${c} <= ${TWO_VERSION_COURSES} AND ${t} >= timestamptz '2024-01-01T00:00:00+07' THEN 2 ELSE 1 END)`;

const titles = `ARRAY[${TITLES.map((t) => `'${t}'`).join(',')}]`;
const searchTexts = `ARRAY[${TITLES.map((t, i) => `'${foldForSearch(`KH${String(i + 1).padStart(2, '0')} ${t} Khóa bồi dưỡng ${t}`)}'`).join(',')}]`;
const hours = `ARRAY[${COURSE_HOURS.join(',')}]`;

/** Every version of every course: (c, v). */
const VERSIONS = `(SELECT c, v FROM generate_series(1, ${COURSES}) c
   CROSS JOIN LATERAL generate_series(1, CASE WHEN c <= ${TWO_VERSION_COURSES} THEN 2 ELSE 1 END) v) cv`;

/** The catalog: ten published courses (two revised), each version with lessons and a final quiz. */
export const COURSE_STEPS: string[] = [
  `INSERT INTO course (id, code, owner_org_unit_id, status, published_version_id, created_at, updated_at)
   SELECT ${id(NS.course, 'c')}, 'KH' || lpad(c::text, 2, '0'), ${unitId(ownerLevel('c'), ownerNo('c'))},
          'published', ${id(NS.version, versionKey('c', `CASE WHEN c <= ${TWO_VERSION_COURSES} THEN 2 ELSE 1 END`))},
          timestamptz '2021-12-01', timestamptz '2024-01-01'
     FROM generate_series(1, ${COURSES}) c`,
  `INSERT INTO course_version (id, course_id, version, status, title, description, hours, search_text, published_at, created_at)
   SELECT ${id(NS.version, versionKey('c', 'v'))}, ${id(NS.course, 'c')}, v,
          CASE WHEN c <= ${TWO_VERSION_COURSES} AND v = 1 THEN 'superseded' ELSE 'published' END,
          (${titles})[c], 'Khóa bồi dưỡng ' || (${titles})[c], (${hours})[c], (${searchTexts})[c],
          CASE v WHEN 1 THEN timestamptz '2021-12-15' ELSE timestamptz '2024-01-01' END,
          CASE v WHEN 1 THEN timestamptz '2021-12-01' ELSE timestamptz '2023-12-01' END
     FROM ${VERSIONS}`,
  `INSERT INTO course_module (id, course_version_id, key, position, title)
   SELECT ${id(NS.module, `${versionKey('c', 'v')} * 10 + m`)}, ${id(NS.version, versionKey('c', 'v'))},
          ${id(NS.module, '900000 + c * 10 + m')}, m, 'Phần ' || m
     FROM ${VERSIONS} CROSS JOIN generate_series(1, 2) m`,
  `INSERT INTO lesson (id, module_id, course_version_id, key, position, title, kind, content, duration_minutes)
   SELECT ${id(NS.lesson, `${versionKey('c', 'v')} * 10 + l`)},
          ${id(NS.module, `${versionKey('c', 'v')} * 10 + CASE WHEN l <= ${LESSONS_PER_VERSION / 2} THEN 1 ELSE 2 END`)},
          ${id(NS.version, versionKey('c', 'v'))}, ${id(NS.lesson, '900000 + c * 10 + l')},
          (l - 1) % ${LESSONS_PER_VERSION / 2} + 1, 'Bài ' || l, 'text',
          '# Bài ' || l || E'\\n\\nNội dung **chuyển đổi số**.', 15
     FROM ${VERSIONS} CROSS JOIN generate_series(1, ${LESSONS_PER_VERSION}) l`,
  `INSERT INTO quiz (id, course_version_id, module_id, key, title, kind, passing_score, time_limit_seconds,
                     max_attempts, questions_per_attempt, shuffle)
   SELECT ${id(NS.quiz, versionKey('c', 'v'))}, ${id(NS.version, versionKey('c', 'v'))}, NULL,
          ${id(NS.quiz, '900000 + c')}, 'Kiểm tra cuối khóa', 'final', 70, 1800, 3, ${QUESTIONS_PER_QUIZ}, true
     FROM ${VERSIONS}`,
  `INSERT INTO question (id, quiz_id, key, position, type, text)
   SELECT ${id(NS.question, `${versionKey('c', 'v')} * 100 + q`)}, ${id(NS.quiz, versionKey('c', 'v'))},
          ${id(NS.question, '900000 + c * 100 + q')}, q, 'single', 'Câu hỏi số ' || q
     FROM ${VERSIONS} CROSS JOIN generate_series(1, ${QUESTIONS_PER_QUIZ}) q`,
  `INSERT INTO question_option (id, question_id, position, text, correct)
   SELECT ${id(NS.option, `(${versionKey('c', 'v')} * 100 + q) * 10 + o`)},
          ${id(NS.question, `${versionKey('c', 'v')} * 100 + q`)}, o, 'Phương án ' || o, o = 1
     FROM ${VERSIONS} CROSS JOIN generate_series(1, ${QUESTIONS_PER_QUIZ}) q CROSS JOIN generate_series(1, 4) o`,
];
