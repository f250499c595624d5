import {
  insertSelectSql as insertSelect,
  QuestionEntity,
  QuestionOptionEntity,
  QuizDrawRuleEntity,
  QuizEntity,
  sameModuleInVersionJoin,
} from '@dx/db';
import type { EntityManager } from 'typeorm';

/**
 * Copies a course version's quizzes, their questions, options and bank draw rules into another
 * version (a new draft, whose modules the courses feature copied first), set-based in the
 * caller's transaction. New ids, same keys: a quiz or question is
 * recognisable across versions. Every column is copied, read from the entities' TypeORM
 * metadata rather than listed here, so a column added to an entity is carried into drafts
 * without a change to this file (quiz-copy.spec.ts proves each one survives). Only the
 * generated id and the links to the new parents (version, module, quiz, question) differ.
 */
export async function copyQuizzesToVersion(
  tx: EntityManager,
  fromVersionId: string,
  toVersionId: string,
): Promise<void> {
  for (const sql of copyStatements(tx)) await tx.query(sql, [fromVersionId, toVersionId]);
}

/** The INSERT … SELECT statements, parents first ($1 source version, $2 target version). */
export function copyStatements(m: EntityManager): string[] {
  return [
    insertSelect(
      m,
      QuizEntity,
      'q',
      { course_version_id: '$2', module_id: 'dm.id' },
      `FROM quiz q ${sameModuleInVersionJoin('dm', 'q.module_id', '$2')}
      WHERE q.course_version_id = $1`,
    ),
    insertSelect(
      m,
      QuestionEntity,
      'x',
      { quiz_id: 'dq.id' },
      `FROM question x
       JOIN quiz sq ON sq.id = x.quiz_id
       JOIN quiz dq ON dq.course_version_id = $2 AND dq.key = sq.key
      WHERE sq.course_version_id = $1`,
    ),
    insertSelect(
      m,
      QuestionOptionEntity,
      'o',
      { question_id: 'dx.id' },
      `FROM question_option o
       JOIN question sx ON sx.id = o.question_id
       JOIN quiz sq ON sq.id = sx.quiz_id
       JOIN quiz dq ON dq.course_version_id = $2 AND dq.key = sq.key
       JOIN question dx ON dx.quiz_id = dq.id AND dx.key = sx.key
      WHERE sq.course_version_id = $1`,
    ),
    insertSelect(
      m,
      QuizDrawRuleEntity,
      'r',
      { quiz_id: 'dq.id' },
      `FROM quiz_draw_rule r
       JOIN quiz sq ON sq.id = r.quiz_id
       JOIN quiz dq ON dq.course_version_id = $2 AND dq.key = sq.key
      WHERE sq.course_version_id = $1`,
    ),
  ];
}
