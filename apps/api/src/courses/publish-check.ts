import type { FieldError } from '@dx/contracts';
import type { EntityManager } from 'typeorm';
import { quizPoolCheck } from '../quizzes/final-pool-check';

/**
 * Why a draft version cannot be published yet, one entry per problem (empty: it can).
 * A learner must be able to finish what is published: every module has lessons, every
 * lesson has its content, every quiz can draw the questions it asks for.
 */
export async function publishProblems(tx: EntityManager, versionId: string): Promise<FieldError[]> {
  const problems: FieldError[] = [];
  const modules: { id: string; title: string; lessons: number }[] = await tx.query(
    `SELECT m.id, m.title, count(l.id)::int AS lessons
       FROM course_module m LEFT JOIN lesson l ON l.module_id = m.id
      WHERE m.course_version_id = $1
      GROUP BY m.id, m.title, m.position ORDER BY m.position`,
    [versionId],
  );
  if (!modules.some((m) => m.lessons > 0)) {
    problems.push({
      field: 'lessons',
      message: 'The course has no lesson',
      code: 'publish_no_lesson',
    });
  }
  for (const m of modules.filter((m) => m.lessons === 0)) {
    problems.push({
      field: `modules.${m.id}`,
      message: `Module "${m.title}" has no lesson`,
      code: 'publish_empty_module',
      params: { title: m.title },
    });
  }

  const lessons: { id: string; title: string; kind: string }[] = await tx.query(
    `SELECT l.id, l.title, l.kind
       FROM lesson l JOIN course_module m ON m.id = l.module_id
      WHERE l.course_version_id = $1
        AND ((l.kind = 'text' AND COALESCE(btrim(l.content), '') = '')
          OR (l.kind = 'file' AND l.file_key IS NULL)
          OR (l.kind = 'video' AND l.video_url IS NULL))
      ORDER BY m.position, l.position`,
    [versionId],
  );
  for (const l of lessons) {
    if (l.kind === 'text') {
      problems.push({
        field: `lessons.${l.id}.content`,
        message: `Text lesson "${l.title}" has no content`,
        code: 'publish_text_no_content',
        params: { title: l.title },
      });
    } else if (l.kind === 'file') {
      problems.push({
        field: `lessons.${l.id}.file`,
        message: `File lesson "${l.title}" has no file uploaded`,
        code: 'publish_file_missing',
        params: { title: l.title },
      });
    } else {
      problems.push({
        field: `lessons.${l.id}.videoUrl`,
        message: `Video lesson "${l.title}" has no video URL`,
        code: 'publish_video_no_url',
        params: { title: l.title },
      });
    }
  }

  // Quizzes draw from their own questions and bank categories: the quizzes feature checks them.
  problems.push(...(await quizPoolCheck(tx, versionId)).problems);
  return problems;
}
