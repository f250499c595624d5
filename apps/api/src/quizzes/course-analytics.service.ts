import { APP_CONFIG, AppConfig } from '@dx/config';
import type {
  CourseAnalyticsResponse,
  QuestionAnalytics,
  QuestionFlag,
  QuizAnalytics,
} from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseAccessService, courseNotFound } from '../courses/course-access.service';
import { enrolmentFigures } from '../learning/enrolment-figures';
import { COURSE_QUIZZES_SQL, QUESTION_STATS_SQL, QUIZ_FIGURES_SQL } from './analytics-sql';

/** Below this many answers a question's figures are noise: no flag yet. */
export const MIN_ANSWERS_FOR_FLAGS = 5;
const TOO_EASY = 0.9;
const TOO_HARD = 0.2;
const LOW_DISCRIMINATION = 0.2;

type QuizRow = Omit<
  QuizAnalytics,
  'attempts' | 'meanScore' | 'passRate' | 'questions' | 'version'
> & {
  versionId: string;
  watermark: string;
};
type QuizFigures = Pick<QuizAnalytics, 'attempts' | 'meanScore' | 'passRate' | 'questions'>;

const round = (n: number | null, digits = 3) =>
  n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

export function questionFlags(q: Omit<QuestionAnalytics, 'flags'>): QuestionFlag[] {
  if (q.answered < MIN_ANSWERS_FOR_FLAGS || q.difficulty === null) return [];
  const flags: QuestionFlag[] = [];
  if (q.difficulty >= TOO_EASY) flags.push('too_easy');
  if (q.difficulty <= TOO_HARD) flags.push('too_hard');
  if (q.discrimination !== null && q.discrimination < LOW_DISCRIMINATION) {
    flags.push('low_discrimination');
  }
  return flags;
}

/**
 * Trainer analytics of a course. Per-quiz figures are cached per quiz (each course version
 * has its own quiz rows, so per quiz version) and recomputed only when its submitted
 * attempts changed: the watermark (count and latest submission) is read on every request.
 */
@Injectable()
export class CourseAnalyticsService {
  private readonly cache = new Map<string, { watermark: string; figures: QuizFigures }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: CourseAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Trainers in scope and sysadmins; 404 for everyone else, like the draft. */
  async forCourse(user: AuthUser, courseId: string): Promise<CourseAnalyticsResponse> {
    const m = this.db.manager;
    const course = await this.access.load(m, courseId);
    if (!course || !(await this.access.canEdit(user, course))) throw courseNotFound();
    const versions = await this.access.versions(m, courseId);
    const [figures, quizRows] = await Promise.all([
      enrolmentFigures(m, courseId, this.config.reportsTimeZone),
      m.query(COURSE_QUIZZES_SQL, [versions.map((v) => v.id)]) as Promise<QuizRow[]>,
    ]);
    const numberOf = new Map(versions.map((v) => [v.id, v.version]));
    quizRows.sort((a, b) => (numberOf.get(b.versionId) ?? 0) - (numberOf.get(a.versionId) ?? 0));
    const quizzes: QuizAnalytics[] = [];
    for (const { watermark, versionId, ...quiz } of quizRows) {
      const version = numberOf.get(versionId) ?? 0;
      quizzes.push({ ...quiz, version, ...(await this.quizFigures(quiz.quizId, watermark)) });
    }
    return {
      courseId,
      enrolments: figures.enrolments,
      completions: figures.completions,
      completionRate: figures.enrolments
        ? Math.round((1000 * figures.completions) / figures.enrolments) / 1000
        : 0,
      medianDaysToComplete: round(figures.medianDays, 1),
      completionsByMonth: figures.byMonth,
      quizzes,
    };
  }

  private async quizFigures(quizId: string, watermark: string): Promise<QuizFigures> {
    const cached = this.cache.get(quizId);
    if (cached?.watermark === watermark) return cached.figures;
    const m = this.db.manager;
    const [[quiz], questions] = await Promise.all([
      m.query(QUIZ_FIGURES_SQL, [quizId]),
      m.query(QUESTION_STATS_SQL, [quizId]) as Promise<Omit<QuestionAnalytics, 'flags'>[]>,
    ]);
    const figures: QuizFigures = {
      attempts: quiz.attempts,
      meanScore: round(quiz.meanScore, 1),
      passRate: round(quiz.passRate),
      questions: questions.map((q) => {
        const shown = {
          ...q,
          difficulty: round(q.difficulty),
          discrimination: round(q.discrimination),
        };
        return { ...shown, flags: questionFlags(q) };
      }),
    };
    this.cache.set(quizId, { watermark, figures });
    return figures;
  }
}
