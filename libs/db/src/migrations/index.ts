import { Init1795654873387 } from './1795654873387-Init';
import { AddCoursesLearningCertificates1795655952656 } from './1795655952656-AddCoursesLearningCertificates';
import { AddCoverageReports1795656416543 } from './1795656416543-AddCoverageReports';
import { AddAuditLogAndRefreshTokens1795657325006 } from './1795657325006-AddAuditLogAndRefreshTokens';
import { IndexesForNationalScale1795660086579 } from './1795660086579-IndexesForNationalScale';
import { NotifyCatalogChanges1795663873077 } from './1795663873077-NotifyCatalogChanges';
import { AddQuizReviewPolicy1796613394266 } from './1796613394266-AddQuizReviewPolicy';
import { TrainingYears1796613415217 } from './1796613415217-TrainingYears';
import { CertificateKeyRing1796613458282 } from './1796613458282-CertificateKeyRing';
import { AddMailActivationPasswordReset1796613466811 } from './1796613466811-AddMailActivationPasswordReset';
import { AddNotifications1796614908478 } from './1796614908478-AddNotifications';
import { AddUserActive1796615179321 } from './1796615179321-AddUserActive';
import { AddQuestionExternalId1796615934078 } from './1796615934078-AddQuestionExternalId';
import { ScheduledOrgUnitMerges1796623884846 } from './1796623884846-ScheduledOrgUnitMerges';
import { CoverageRowSplits1796623897452 } from './1796623897452-CoverageRowSplits';
import { AddQuestionBanks1796623976630 } from './1796623976630-AddQuestionBanks';
import { AddUserMfa1796624052789 } from './1796624052789-AddUserMfa';
import { AddCertificateExports1796624442043 } from './1796624442043-AddCertificateExports';
import { AddCertificateIssuers1796625655482 } from './1796625655482-AddCertificateIssuers';
import { AddActivationSlipBatches1796633000000 } from './1796633000000-AddActivationSlipBatches';
import { LessonPacing1796634652869 } from './1796634652869-LessonPacing';
import { AddQuestionTypes1796634693458 } from './1796634693458-AddQuestionTypes';
import { LedgerPlacement1796635063819 } from './1796635063819-LedgerPlacement';
import { AddQuestionImages1796638551878 } from './1796638551878-AddQuestionImages';
import { AddOptionImages1796645843475 } from './1796645843475-AddOptionImages';
import { FileJobs1796645945458 } from './1796645945458-FileJobs';
import { PriorityMailQueue1796646072169 } from './1796646072169-PriorityMailQueue';
import { DropNotificationUserCreatedIndex1796648130565 } from './1796648130565-DropNotificationUserCreatedIndex';
import { CourseIssuer1796659388486 } from './1796659388486-CourseIssuer';
import { UserNationalId1796659406213 } from './1796659406213-UserNationalId';
import { IndexPendingCertificates1796661603746 } from './1796661603746-IndexPendingCertificates';
import { ReportJobState1796664000000 } from './1796664000000-ReportJobState';
import { PeopleExportSeparator1796668759484 } from './1796668759484-PeopleExportSeparator';
import { QuizAttemptQuizUserIndex1796682866235 } from './1796682866235-QuizAttemptQuizUserIndex';

// Listed explicitly (not globbed) so the same list works from TypeScript sources under
// Jest and from the compiled output in production. Append new migrations at the end.
export const ALL_MIGRATIONS: Function[] = [
  Init1795654873387,
  AddCoursesLearningCertificates1795655952656,
  AddCoverageReports1795656416543,
  AddAuditLogAndRefreshTokens1795657325006,
  IndexesForNationalScale1795660086579,
  NotifyCatalogChanges1795663873077,
  AddQuizReviewPolicy1796613394266,
  TrainingYears1796613415217,
  CertificateKeyRing1796613458282,
  AddMailActivationPasswordReset1796613466811,
  AddNotifications1796614908478,
  AddUserActive1796615179321,
  AddQuestionExternalId1796615934078,
  ScheduledOrgUnitMerges1796623884846,
  CoverageRowSplits1796623897452,
  AddQuestionBanks1796623976630,
  AddUserMfa1796624052789,
  AddCertificateExports1796624442043,
  AddCertificateIssuers1796625655482,
  AddActivationSlipBatches1796633000000,
  LessonPacing1796634652869,
  AddQuestionTypes1796634693458,
  LedgerPlacement1796635063819,
  AddQuestionImages1796638551878,
  AddOptionImages1796645843475,
  FileJobs1796645945458,
  PriorityMailQueue1796646072169,
  DropNotificationUserCreatedIndex1796648130565,
  CourseIssuer1796659388486,
  UserNationalId1796659406213,
  IndexPendingCertificates1796661603746,
  ReportJobState1796664000000,
  PeopleExportSeparator1796668759484,
  QuizAttemptQuizUserIndex1796682866235,
];
