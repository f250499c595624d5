import { randomSuffix } from '@dx/db/testing';
import { crc32 } from 'node:zlib';
import type { TestApp } from '../test/test-app';

/** Test helpers of the course specs: authoring through the real API. */

export const newCode = () => `KH-${randomSuffix().toUpperCase()}`;

export const sampleQuestion = (
  text = 'Chuyển đổi số có bắt buộc thay đổi quy trình làm việc không?',
) => ({
  type: 'single',
  text,
  options: [
    { text: 'Có, quy trình phải được thiết kế lại', correct: true },
    { text: 'Không, chỉ cần mua phần mềm', correct: false },
  ],
  explanation: 'Chuyển đổi số là thay đổi cách làm, không chỉ là công cụ.',
});

export interface AuthoredCourse {
  id: string;
  moduleIds: string[];
  lessonIds: string[];
  quizId: string;
  questionIds: string[];
}

/**
 * Authors a publishable course through the API: modules of text lessons and a final quiz
 * with two questions. Publishes it unless told otherwise.
 */
export async function authorCourse(
  t: TestApp,
  token: string,
  opts: {
    title?: string;
    description?: string;
    ownerOrgUnitId?: string;
    modules?: number[];
    publish?: boolean;
  } = {},
): Promise<AuthoredCourse> {
  const post = (url: string, body: object) =>
    t.http
      .post(url)
      .set('Authorization', token)
      .send(body)
      .expect(201)
      .then((r) => r.body.id as string);
  const id = await post('/api/courses', {
    code: newCode(),
    title: opts.title ?? 'Kỹ năng số cho cán bộ cấp xã',
    description: opts.description ?? 'Khóa học thử nghiệm.',
    hours: 4,
    ownerOrgUnitId: opts.ownerOrgUnitId,
  });
  const moduleIds: string[] = [];
  const lessonIds: string[] = [];
  for (const [m, lessons] of (opts.modules ?? [2]).entries()) {
    const moduleId = await post(`/api/courses/${id}/modules`, { title: `Chương ${m + 1}` });
    moduleIds.push(moduleId);
    for (let l = 0; l < lessons; l++) {
      lessonIds.push(
        await post(`/api/modules/${moduleId}/lessons`, {
          title: `Bài ${m + 1}.${l + 1}`,
          kind: 'text',
          content: `## Bài ${m + 1}.${l + 1}\n\nNội dung về **chuyển đổi số**.`,
          durationMinutes: 10,
        }),
      );
    }
  }
  const quizId = await post(`/api/courses/${id}/quizzes`, {
    title: 'Kiểm tra cuối khóa',
    kind: 'final',
  });
  const questionIds = [
    await post(`/api/quizzes/${quizId}/questions`, sampleQuestion()),
    await post(`/api/quizzes/${quizId}/questions`, {
      type: 'true_false',
      text: 'Dữ liệu số là tài nguyên của cơ quan nhà nước.',
      options: [
        { text: 'Đúng', correct: true },
        { text: 'Sai', correct: false },
      ],
    }),
  ];
  if (opts.publish ?? true) {
    await t.http.post(`/api/courses/${id}/publish`).set('Authorization', token).expect(200);
  }
  return { id, moduleIds, lessonIds, quizId, questionIds };
}

/** A minimal zip (stored entries) holding the named parts: enough to be an OOXML package. */
export function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = Buffer.from('<?xml version="1.0"?><x/>');
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const SAMPLE_FILES = {
  pdf: Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  ),
  png: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]),
  mp4: Buffer.concat([Buffer.from('00000018667479706d703432', 'hex'), Buffer.alloc(64, 0)]),
  docx: zipOf(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
  pptx: zipOf(['[Content_Types].xml', 'ppt/presentation.xml']),
  plainZip: zipOf(['readme.txt']),
};
