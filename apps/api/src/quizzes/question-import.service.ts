import type { QuestionImportResult } from '@dx/contracts';
import { QuestionEntity, QuestionOptionEntity } from '@dx/db';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import type { ImportUpload } from '../users/import/user-sheet.reader';
import { nextPosition } from '../courses/content-positions';
import { CourseDraftService } from '../courses/course-draft.service';
import { ImportedQuestion } from './question-import/question-row';
import { readValidQuestions, sameContent } from './question-import/valid-questions';
import { optionRows, textRuleColumns } from '../courses/dto/question.dto';

/**
 * Questions of a quiz from an XLSX (template) or GIFT file. All or nothing: one bad row and
 * the answer is a 400 naming every bad row (`rows.<row>.<column>`), nothing written. A row
 * with an externalId already in the quiz updates that question (unchanged when identical),
 * so importing the same file twice changes nothing.
 */
@Injectable()
export class QuestionImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafts: CourseDraftService,
  ) {}

  async import(
    user: AuthUser,
    quizId: string,
    file: ImportUpload | undefined,
  ): Promise<QuestionImportResult> {
    const questions = await readValidQuestions(file);
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      const existing = await this.byExternalId(tx, target.id, questions);
      const result: QuestionImportResult = { created: 0, updated: 0, unchanged: 0 };
      let position = await nextPosition(tx, 'question', target.id);
      for (const q of questions) {
        const found = q.externalId === null ? undefined : existing.get(q.externalId);
        if (!found) {
          await this.insert(tx, target.id, q, position++);
          result.created++;
        } else if (sameContent(found, q)) {
          result.unchanged++;
        } else {
          await this.replace(tx, found.question.id, q);
          result.updated++;
        }
      }
      if (result.created || result.updated) await this.drafts.touch(tx, target.course.id);
      return result;
    });
  }

  private async byExternalId(tx: EntityManager, quizId: string, questions: ImportedQuestion[]) {
    const ids = questions.flatMap((q) => (q.externalId === null ? [] : [q.externalId]));
    const found = new Map<string, { question: QuestionEntity; options: QuestionOptionEntity[] }>();
    if (!ids.length) return found;
    const rows = await tx.findBy(QuestionEntity, { quizId, externalId: In(ids) });
    const options = await tx.find(QuestionOptionEntity, {
      where: { questionId: In(rows.map((r) => r.id)) },
      order: { position: 'ASC' },
    });
    for (const question of rows) {
      found.set(String(question.externalId), {
        question,
        options: options.filter((o) => o.questionId === question.id),
      });
    }
    return found;
  }

  private async insert(tx: EntityManager, quizId: string, q: ImportedQuestion, position: number) {
    const id = randomUUID();
    await tx.insert(QuestionEntity, {
      id,
      quizId,
      key: randomUUID(),
      position,
      type: q.type,
      text: q.text,
      explanation: q.explanation ?? null,
      externalId: q.externalId,
      ...textRuleColumns(q),
    });
    await this.insertOptions(tx, id, q);
  }

  private async replace(tx: EntityManager, questionId: string, q: ImportedQuestion) {
    await tx.update(
      QuestionEntity,
      { id: questionId },
      { type: q.type, text: q.text, explanation: q.explanation ?? null, ...textRuleColumns(q) },
    );
    await tx.delete(QuestionOptionEntity, { questionId });
    await this.insertOptions(tx, questionId, q);
  }

  private async insertOptions(tx: EntityManager, questionId: string, q: ImportedQuestion) {
    await tx.insert(
      QuestionOptionEntity,
      optionRows(q).map((o) => ({ questionId, ...o })),
    );
  }
}
