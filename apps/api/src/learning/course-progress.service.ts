import type { CourseProgress, NextCourseItem } from '@dx/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { CourseLessonOrderService } from '../courses/course-lesson-order.service';
import { QuizResultsService } from '../quizzes/quiz-results.service';

/** Where a learner stands in one course, for ✓ marks and "continue" links. */
@Injectable()
export class CourseProgressService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lessonOrder: CourseLessonOrderService,
    private readonly quizResults: QuizResultsService,
  ) {}

  async progress(user: AuthUser, courseId: string): Promise<CourseProgress> {
    // The enrolment being studied: an open one first, else the latest (a course can be
    // taken again in a later year).
    const [enrollment] = await this.db.query(
      `SELECT id, course_version_id, status, progress FROM enrollment
        WHERE user_id = $1 AND course_id = $2
        ORDER BY (status = 'in_progress') DESC, enrolled_at DESC LIMIT 1`,
      [user.id, courseId],
    );
    if (!enrollment) throw new NotFoundException('Not enrolled in this course');
    const version = enrollment.course_version_id;
    const [ordered, completions, quizzes] = await Promise.all([
      this.lessonOrder.lessonsInOrder(version),
      this.db.query('SELECT lesson_id FROM lesson_completion WHERE enrollment_id = $1', [
        enrollment.id,
      ]) as Promise<{ lesson_id: string }[]>,
      this.quizResults.forVersion(version, user.id, enrollment.id),
    ]);
    const doneIds = new Set(completions.map((c) => c.lesson_id));
    const lessons = ordered.map((l) => ({ ...l, done: doneIds.has(l.id) }));

    const lesson = lessons.find((l) => !l.done);
    const finalQuiz = quizzes.find((q) => q.kind === 'final' && !q.passed);
    const next: NextCourseItem | null =
      enrollment.status === 'completed'
        ? null
        : lesson
          ? { kind: 'lesson', id: lesson.id, title: lesson.title }
          : finalQuiz
            ? { kind: 'quiz', id: finalQuiz.id, title: finalQuiz.title }
            : null;
    return {
      courseId,
      enrollmentId: enrollment.id,
      status: enrollment.status,
      progress: enrollment.progress,
      completedLessonIds: lessons.filter((l) => l.done).map((l) => l.id),
      passedQuizIds: quizzes.filter((q) => q.passed).map((q) => q.id),
      next,
    };
  }
}
