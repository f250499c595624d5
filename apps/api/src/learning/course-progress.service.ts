import type { CourseProgress, NextCourseItem } from '@dx/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';

/** Lessons of the enrolled version in outline order, each with whether it is done. */
const LESSONS = `
  SELECT l.id, l.title, (lc.lesson_id IS NOT NULL) AS done
    FROM lesson l
    JOIN course_module m ON m.id = l.module_id
    LEFT JOIN lesson_completion lc ON lc.lesson_id = l.id AND lc.enrollment_id = $1
   WHERE l.course_version_id = $2
   ORDER BY m.position, l.position, l.id`;

/** Quizzes of the enrolled version, each with whether this enrolment passed it. */
const QUIZZES = `
  SELECT q.id, q.title, q.kind,
         EXISTS (SELECT 1 FROM quiz_attempt a
                  WHERE a.quiz_id = q.id AND a.user_id = $3 AND a.passed
                    AND (a.enrollment_id = $1 OR a.enrollment_id IS NULL)) AS passed
    FROM quiz q
   WHERE q.course_version_id = $2
   ORDER BY q.kind = 'final', q.title, q.id`;

interface Row {
  id: string;
  title: string;
}

/** Where a learner stands in one course, for ✓ marks and "continue" links. */
@Injectable()
export class CourseProgressService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
    const [lessons, quizzes]: [
      (Row & { done: boolean })[],
      (Row & { kind: string; passed: boolean })[],
    ] = await Promise.all([
      this.db.query(LESSONS, [enrollment.id, version]),
      this.db.query(QUIZZES, [enrollment.id, version, user.id]),
    ]);

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
