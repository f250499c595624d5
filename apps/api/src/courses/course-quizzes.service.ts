import { type CreatedId, defaultReviewPolicy } from '@dx/contracts';
import { QuestionEntity, QuestionOptionEntity, QuizEntity } from '@dx/db';
import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { FILE_STORAGE, FileStorage } from '@dx/storage';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, Not } from 'typeorm';
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

/** Quizzes and their question banks, on the draft version like every other edit. */
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
      await tx.insert(QuizEntity, {
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
        const { kind } = await tx.findOneByOrFail(QuizEntity, { id: target.id });
        if (kind !== dto.kind) reviewPolicy = defaultReviewPolicy(dto.kind);
      }
      const changes = Object.fromEntries(
        Object.entries({ ...dto, moduleId, reviewPolicy }).filter(([, v]) => v !== undefined),
      );
      // An empty PATCH is valid and changes nothing (TypeORM refuses an empty SET).
      if (Object.keys(changes).length) await tx.update(QuizEntity, { id: target.id }, changes);
      await this.drafts.touch(tx, target.course.id);
      return { id: target.id };
    });
  }

  async deleteQuiz(user: AuthUser, quizId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      await tx.delete(QuizEntity, { id: target.id });
      await this.drafts.touch(tx, target.course.id);
    });
  }

  async addQuestion(user: AuthUser, quizId: string, dto: CreateQuestionDto): Promise<CreatedId> {
    await requireStoredImages(this.storage, dto);
    return this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'quiz', quizId);
      const id = randomUUID();
      await tx.insert(QuestionEntity, {
        id,
        quizId: target.id,
        key: randomUUID(),
        position: await nextPosition(tx, 'question', target.id),
        type: dto.type,
        text: dto.text,
        explanation: dto.explanation || null,
        ...textRuleColumns(dto),
        ...imageColumns(dto.image),
      });
      await this.insertOptions(tx, id, dto);
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
      const question = await tx.findOneByOrFail(QuestionEntity, { id: target.id });
      await tx.update(
        QuestionEntity,
        { id: question.id },
        {
          type: dto.type,
          text: dto.text,
          explanation: dto.explanation || null,
          ...textRuleColumns(dto),
          // Absent keeps the image; null removes it.
          ...(dto.image !== undefined ? imageColumns(dto.image) : {}),
        },
      );
      await tx.delete(QuestionOptionEntity, { questionId: question.id });
      await this.insertOptions(tx, question.id, dto);
      if (dto.position !== undefined) {
        await renumber(tx, 'question', question.quizId as string, {
          id: question.id,
          position: dto.position,
        });
      }
      await this.drafts.touch(tx, target.course.id);
      return { id: question.id };
    });
  }

  async deleteQuestion(user: AuthUser, questionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const target = await this.drafts.itemInDraft(tx, user, 'question', questionId);
      const question = await tx.findOneByOrFail(QuestionEntity, { id: target.id });
      await tx.delete(QuestionEntity, { id: question.id });
      await renumber(tx, 'question', question.quizId as string);
      await this.drafts.touch(tx, target.course.id);
    });
  }

  private async insertOptions(
    tx: EntityManager,
    questionId: string,
    dto: CreateQuestionDto,
  ): Promise<void> {
    await tx.insert(
      QuestionOptionEntity,
      optionRows(dto).map((o) => ({ questionId, ...o })),
    );
  }

  /** One final quiz per version (the partial unique index backs this up under races). */
  private async assertNoOtherFinal(
    tx: EntityManager,
    versionId: string,
    exceptId?: string,
  ): Promise<void> {
    const other = await tx.existsBy(QuizEntity, {
      courseVersionId: versionId,
      kind: 'final',
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
    if (other) {
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
