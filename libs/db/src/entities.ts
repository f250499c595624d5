import { AuditLogEntity } from './audit/audit-log.entity';
import { CertificateCounterEntity } from './certificates/certificate-counter.entity';
import { CertificateEntity } from './certificates/certificate.entity';
import { CertificateEventEntity } from './certificates/certificate-event.entity';
import { CoverageReportEntity } from './reports/coverage-report.entity';
import { CoverageReportRowEntity } from './reports/coverage-report-row.entity';
import { CourseEntity } from './courses/course.entity';
import { CourseModuleEntity } from './courses/course-module.entity';
import { CourseVersionEntity } from './courses/course-version.entity';
import { CurriculumCourseEntity } from './curricula/curriculum-course.entity';
import { CurriculumEntity } from './curricula/curriculum.entity';
import { EnrollmentEntity } from './learning/enrollment.entity';
import { LessonCompletionEntity } from './learning/lesson-completion.entity';
import { LessonVisitEntity } from './learning/lesson-visit.entity';
import { LessonEntity } from './courses/lesson.entity';
import { MembershipEntity } from './users/membership.entity';
import { ActivationSlipBatchEntity } from './file-jobs/activation-slip-batch.entity';
import { OrgUnitEdgeEntity } from './org-units/org-unit-edge.entity';
import { OrgUnitEntity } from './org-units/org-unit.entity';
import { OrgUnitMergeEntity } from './org-units/org-unit-merge.entity';
import { OutboxEntity } from './outbox/outbox.entity';
import { QuestionBankEntity } from './quizzes/question-bank.entity';
import { QuestionCategoryEntity } from './quizzes/question-category.entity';
import { QuestionEntity } from './quizzes/question.entity';
import { QuestionOptionEntity } from './quizzes/question-option.entity';
import { QuizAttemptEntity } from './quizzes/quiz-attempt.entity';
import { QuizDrawRuleEntity } from './quizzes/quiz-draw-rule.entity';
import { QuizEntity } from './quizzes/quiz.entity';
import { RefreshTokenEntity } from './auth/refresh-token.entity';
import { UserEntity } from './users/user.entity';
import { MailEntity } from './mail/mail.entity';
import { ActivationCodeEntity } from './auth/activation-code.entity';
import { PasswordResetTokenEntity } from './auth/password-reset-token.entity';
import { UserMfaEntity } from './auth/user-mfa.entity';
import { TrainingYearEntity } from './training/training-year.entity';
import { LedgerPlacementEntity } from './training/ledger-placement.entity';
import { TrainingRecordEntity } from './training/training-record.entity';
import { RequirementEntity } from './training/requirement.entity';
import { NotificationEntity } from './notifications/notification.entity';
import { NotificationPreferenceEntity } from './notifications/notification-preference.entity';
import { SigningKeyEntity } from './certificates/signing-key.entity';
import { CertificateExportEntity } from './file-jobs/certificate-export.entity';
import { FileJobEntity } from './file-jobs/file-job.entity';
import { PeopleExportEntity } from './file-jobs/people-export.entity';
import { CertificateIssuerEntity } from './certificates/certificate-issuer.entity';

/** Every entity of the schema; the migration guard test compares them with the migrations. */
export const ALL_ENTITIES = [
  OrgUnitEntity,
  OrgUnitEdgeEntity,
  UserEntity,
  MembershipEntity,
  ActivationSlipBatchEntity,
  CourseEntity,
  CourseVersionEntity,
  CourseModuleEntity,
  LessonEntity,
  QuizEntity,
  QuestionEntity,
  QuestionOptionEntity,
  QuizAttemptEntity,
  QuestionBankEntity,
  QuestionCategoryEntity,
  QuizDrawRuleEntity,
  EnrollmentEntity,
  LessonCompletionEntity,
  LessonVisitEntity,
  CurriculumEntity,
  CurriculumCourseEntity,
  CertificateEntity,
  CertificateEventEntity,
  CertificateCounterEntity,
  OutboxEntity,
  CoverageReportEntity,
  CoverageReportRowEntity,
  AuditLogEntity,
  RefreshTokenEntity,
  MailEntity,
  ActivationCodeEntity,
  PasswordResetTokenEntity,
  UserMfaEntity,
  TrainingYearEntity,
  LedgerPlacementEntity,
  TrainingRecordEntity,
  RequirementEntity,
  NotificationEntity,
  NotificationPreferenceEntity,
  SigningKeyEntity,
  CertificateExportEntity,
  FileJobEntity,
  PeopleExportEntity,
  OrgUnitMergeEntity,
  CertificateIssuerEntity,
];
