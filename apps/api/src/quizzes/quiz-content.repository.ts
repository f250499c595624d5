import type { AuthoringQuestion } from '@dx/contracts';
import { QuestionEntity, QuestionOptionEntity, QuizEntity } from '@dx/db';
import { EntityManager, In, Not } from 'typeorm';
import { bankDrawCounts } from './banks/draw-rules.sql';

/*
 * The quizzes feature's repository of quiz content (quiz, question, question_option) for
 * course authoring: the courses feature decides where an edit lands (the draft version) and
 * calls these with its transaction; only this feature reads or writes the rows.
 */

/** A quiz row (every column), as its course's outline and draft show it. */
export type QuizRow = QuizEntity;
export type QuizWithCount = QuizRow & { questionCount: number };
export type NewQuiz = Omit<QuizRow, 'courseVersion' | 'module'>;
export type QuizChanges = Partial<Omit<NewQuiz, 'id' | 'key' | 'courseVersionId'>>;
export type NewQuestion = Pick<
  QuestionEntity,
  | 'id'
  | 'quizId'
  | 'key'
  | 'position'
  | 'type'
  | 'text'
  | 'explanation'
  | 'ignoreCase'
  | 'ignoreDiacritics'
  | 'imageKey'
  | 'imageAlt'
>;
export type QuestionChanges = Partial<Omit<NewQuestion, 'id' | 'quizId' | 'key' | 'position'>>;
export type NewOption = Pick<
  QuestionOptionEntity,
  'position' | 'text' | 'correct' | 'match' | 'tolerance' | 'imageKey' | 'imageAlt'
>;

/** The version a quiz belongs to, as `"versionId"` ($1 quiz). */
export const QUIZ_VERSION_SQL = 'SELECT course_version_id AS "versionId" FROM quiz WHERE id = $1';

/** The version a question's quiz belongs to, as `"versionId"` ($1 question). */
export const QUESTION_VERSION_SQL = `SELECT q.course_version_id AS "versionId"
  FROM question x JOIN quiz q ON q.id = x.quiz_id WHERE x.id = $1`;

/** The same quiz in another version, by key ($1 quiz, $2 version). */
export const QUIZ_IN_VERSION_SQL = `SELECT d.id FROM quiz s
  JOIN quiz d ON d.key = s.key AND d.course_version_id = $2 WHERE s.id = $1`;

/** The same question in another version, by its and its quiz's key ($1 question, $2 version). */
export const QUESTION_IN_VERSION_SQL = `SELECT d.id FROM question s
  JOIN quiz sq ON sq.id = s.quiz_id
  JOIN quiz dq ON dq.key = sq.key AND dq.course_version_id = $2
  JOIN question d ON d.quiz_id = dq.id AND d.key = s.key
 WHERE s.id = $1`;

/**
 * A version's quizzes, the final one last then by title, each with how many questions an
 * attempt may show: its own questions plus those its rules draw from bank categories.
 */
export async function quizzesOfVersion(
  m: EntityManager,
  versionId: string,
): Promise<QuizWithCount[]> {
  const [quizzes, counts] = await Promise.all([
    m
      .createQueryBuilder(QuizEntity, 'q')
      .where('q.courseVersionId = :versionId', { versionId })
      .orderBy(`q.kind = 'final'`, 'ASC')
      .addOrderBy('q.title', 'ASC')
      .getMany(),
    m.query(
      `SELECT x.quiz_id AS "quizId", count(*)::int AS n
         FROM question x JOIN quiz q ON q.id = x.quiz_id
        WHERE q.course_version_id = $1 GROUP BY x.quiz_id`,
      [versionId],
    ) as Promise<{ quizId: string; n: number }[]>,
  ]);
  const own = new Map(counts.map((c) => [c.quizId, c.n]));
  const fromBanks = await bankDrawCounts(
    m,
    quizzes.map((q) => q.id),
  );
  return quizzes.map((q) =>
    Object.assign(q, { questionCount: (own.get(q.id) ?? 0) + (fromBanks.get(q.id) ?? 0) }),
  );
}

/** The editor's view of the quizzes' questions with answers, in order, by quiz id. */
export async function authoringQuestions(
  m: EntityManager,
  quizIds: readonly string[],
): Promise<Map<string, AuthoringQuestion[]>> {
  const questions = await m.find(QuestionEntity, {
    where: { quizId: In([...quizIds]) },
    order: { position: 'ASC' },
  });
  const options = await m.find(QuestionOptionEntity, {
    where: { questionId: In(questions.map((q) => q.id)) },
    order: { position: 'ASC' },
  });
  const byQuiz = new Map<string, AuthoringQuestion[]>(quizIds.map((id) => [id, []]));
  for (const x of questions) {
    byQuiz.get(x.quizId as string)?.push({
      id: x.id,
      type: x.type,
      text: x.text,
      explanation: x.explanation,
      image: x.imageKey ? { key: x.imageKey, alt: x.imageAlt ?? '' } : null,
      ignoreCase: x.ignoreCase,
      ignoreDiacritics: x.ignoreDiacritics,
      position: x.position,
      options: options
        .filter((o) => o.questionId === x.id)
        .map((o) => ({
          id: o.id,
          text: o.text,
          correct: o.correct,
          position: o.position,
          match: o.match,
          tolerance: o.tolerance,
          image: o.imageKey ? { key: o.imageKey, alt: o.imageAlt ?? '' } : null,
        })),
    });
  }
  return byQuiz;
}

export async function insertQuiz(tx: EntityManager, quiz: NewQuiz): Promise<void> {
  await tx.insert(QuizEntity, quiz);
}

/** Applies the changes given; an empty set changes nothing (TypeORM refuses an empty SET). */
export async function updateQuiz(tx: EntityManager, id: string, changes: QuizChanges) {
  if (Object.keys(changes).length) await tx.update(QuizEntity, { id }, changes);
}

export async function deleteQuiz(tx: EntityManager, id: string): Promise<void> {
  await tx.delete(QuizEntity, { id });
}

export async function quizKindOf(tx: EntityManager, id: string): Promise<QuizRow['kind']> {
  return (await tx.findOneByOrFail(QuizEntity, { id })).kind;
}

/** Whether the version has a final quiz other than `exceptId`. */
export function otherFinalQuizExists(
  tx: EntityManager,
  versionId: string,
  exceptId?: string,
): Promise<boolean> {
  return tx.existsBy(QuizEntity, {
    courseVersionId: versionId,
    kind: 'final',
    ...(exceptId ? { id: Not(exceptId) } : {}),
  });
}

/** The quiz a question belongs to; throws EntityNotFoundError when it does not exist. */
export async function quizIdOfQuestion(tx: EntityManager, id: string): Promise<string> {
  return (await tx.findOneByOrFail(QuestionEntity, { id })).quizId as string;
}

/** A question and its options, in the caller's transaction. */
export async function insertQuestion(
  tx: EntityManager,
  question: NewQuestion,
  options: NewOption[],
): Promise<void> {
  await tx.insert(QuestionEntity, question);
  await insertOptions(tx, question.id, options);
}

/** Changes a question and replaces its options. */
export async function replaceQuestion(
  tx: EntityManager,
  id: string,
  changes: QuestionChanges,
  options: NewOption[],
): Promise<void> {
  await tx.update(QuestionEntity, { id }, changes);
  await tx.delete(QuestionOptionEntity, { questionId: id });
  await insertOptions(tx, id, options);
}

export async function deleteQuestion(tx: EntityManager, id: string): Promise<void> {
  await tx.delete(QuestionEntity, { id });
}

async function insertOptions(tx: EntityManager, questionId: string, options: NewOption[]) {
  await tx.insert(
    QuestionOptionEntity,
    options.map((o) => ({ questionId, ...o })),
  );
}
