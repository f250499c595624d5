import { type CreatedId, defaultReviewPolicy } from '@dx/contracts';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { nextPosition, renumber } from './content-positions';
import { CourseDraftService, DraftTarget } from './course-draft.service';
import {
  CreateQuestionDto,
  optionRows,
  textRuleColumns,
  UpdateQuestionDto,
} from './dto/question.dto';
import { CreateQuizDto, UpdateQuizDto } from './dto/quiz.dto';
import { invalidField } from '../http/invalid-input';
import { imageColumns, requireStoredImages } from '../quizzes/question-image';
import * as content from '../quizzes/quiz-content.repository';

/**
 * Quizzes and their questions, on the draft version like every other edit: this service
 * decides where an edit lands; the quizzes feature's repository writes the rows.
 */
@Injectable()
export class CourseQuizzesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly drafts: CourseDraftService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async addQuiz(user: AuthUser, courseId: string, dto: CreateQuizDto): Promise<CreatedId> {
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.courseDraft(tx, user, courseId);
      if (dto.kind === 'final') await this.assertNoOtherFinal(tx, target.draftVersionId);
      const id = randomUUID();
      await content.insertQuiz(tx, {
        id,
        courseVersionId: target.draftVersionId,
        moduleId: dto.moduleId ? await this.moduleInDraft(tx, target, dto.moduleId) : null,
        key: randomUUID(),
        title: dto.title,
        kind: dto.kind,
        passingScore: dto.passingScore ?? 50,
        timeLimitSeconds: dto.timeLimitSeconds ?? null,
        maxAttempts: dto.maxAttempts ?? null,
        questionsPerAttempt: dto.questionsPerAttempt ?? null,
        shuffle: dto.shuffle ?? true,
        reviewPolicy: dto.reviewPolicy ?? defaultReviewPolicy(dto.kind),
      });
      await this.drafts.touch(tx, target.course.id);
      return { id };
    });
  }

  async updateQuiz(user: AuthUser, quizId: string, dto: UpdateQuizDto): Promise<CreatedId> {
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      if (dto.kind === 'final') await this.assertNoOtherFinal(tx, target.draftVersionId, target.id);
      let moduleId: string | null | undefined = dto.moduleId;
      if (moduleId) moduleId = await this.moduleInDraft(tx, target, moduleId);
      let reviewPolicy = dto.reviewPolicy;
      if (dto.kind && !reviewPolicy) {
        // A practice quiz turned final must not keep showing answers at once (and back).
        const kind = await content.quizKindOf(tx, target.id);
        if (kind !== dto.kind) reviewPolicy = defaultReviewPolicy(dto.kind);
      }
      // An empty PATCH is valid and changes nothing.
      const changes = Object.fromEntries(
        Object.entries({ ...dto, moduleId, reviewPolicy }).filter(([, v]) => v !== undefined),
      );
      await content.updateQuiz(tx, target.id, changes);
      await this.drafts.touch(tx, target.course.id);
      return { id: target.id };
    });
  }

  async deleteQuiz(user: AuthUser, quizId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      await content.deleteQuiz(tx, target.id);
      await this.drafts.touch(tx, target.course.id);
    });
  }

  async addQuestion(user: AuthUser, quizId: string, dto: CreateQuestionDto): Promise<CreatedId> {
    await requireStoredImages(this.storage, dto);
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      const id = randomUUID();
      await content.insertQuestion(
        tx,
        {
          id,
          quizId: target.id,
          key: randomUUID(),
          position: await nextPosition(tx, 'question', target.id),
          type: dto.type,
          text: dto.text,
          explanation: dto.explanation || null,
          ...textRuleColumns(dto),
          ...imageColumns(dto.image),
        },
        optionRows(dto),
      );
      await this.drafts.touch(tx, target.course.id);
      return { id };
    });
  }

  /** Replaces text, type, options and explanation; keeps the question's key. */
  async updateQuestion(
    user: AuthUser,
    questionId: string,
    dto: UpdateQuestionDto,
  ): Promise<CreatedId> {
    await requireStoredImages(this.storage, dto);
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'question', questionId);
      const quizId = await content.quizIdOfQuestion(tx, target.id);
      await content.replaceQuestion(
        tx,
        target.id,
        {
          type: dto.type,
          text: dto.text,
          explanation: dto.explanation || null,
          ...textRuleColumns(dto),
          // Absent keeps the image; null removes it.
          ...(dto.image !== undefined ? imageColumns(dto.image) : {}),
        },
        optionRows(dto),
      );
      if (dto.position !== undefined) {
        await renumber(tx, 'question', quizId, { id: target.id, position: dto.position });
      }
      await this.drafts.touch(tx, target.course.id);
      return { id: target.id };
    });
  }

  async deleteQuestion(user: AuthUser, questionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'question', questionId);
      const quizId = await content.quizIdOfQuestion(tx, target.id);
      await content.deleteQuestion(tx, target.id);
      await renumber(tx, 'question', quizId);
      await this.drafts.touch(tx, target.course.id);
    });
  }

  /** One final quiz per version (the partial unique index backs this up under races). */
  private async assertNoOtherFinal(
    tx: EntityManager,
    versionId: string,
    exceptId?: string,
  ): Promise<void> {
    if (await content.otherFinalQuizExists(tx, versionId, exceptId)) {
      throw new ConflictException({
        message: 'This course already has a final quiz',
        errors: [{ field: 'kind', message: 'only one final quiz per course' }],
      });
    }
  }

  /** A module of the same course, followed into the draft; 400 otherwise. */
  private async moduleInDraft(
    tx: EntityManager,
    target: DraftTarget,
    moduleId: string,
  ): Promise<string> {
    const [found] = await tx.query(
      `SELECT d.id
         FROM course_module s
         JOIN course_version sv ON sv.id = s.course_version_id
         JOIN course_module d ON d.key = s.key AND d.course_version_id = $2
        WHERE s.id = $1 AND sv.course_id = $3`,
      [moduleId, target.draftVersionId, target.course.id],
    );
    if (!found) {
      throw invalidField('moduleId', 'not a module of this course', 'not_in_course');
    }
    return found.id;
  }
}
