const withCourse = (path: string, courseId: string | null) =>
  courseId ? `${path}?course=${encodeURIComponent(courseId)}` : path;

export const quizStartPath = (quizId: string, courseId: string | null) =>
  withCourse(`/quizzes/${encodeURIComponent(quizId)}`, courseId);

export const quizAttemptPath = (quizId: string, courseId: string | null) =>
  withCourse(`/quizzes/${encodeURIComponent(quizId)}/attempt`, courseId);

export const quizReviewPath = (quizId: string, attemptId: string, courseId: string | null) =>
  withCourse(
    `/quizzes/${encodeURIComponent(quizId)}/attempts/${encodeURIComponent(attemptId)}`,
    courseId,
  );
