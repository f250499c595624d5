import { lazy, useState, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../auth/RequireAuth';
import {
  AUTHOR_ROLES,
  CERTIFICATE_MANAGER_ROLES,
  REPORT_ROLES,
  RequireRole,
} from '../auth/RequireRole';
import {
  ADMIN_ROLES,
  AUDIT_ROLES,
  CURRICULUM_EDITOR_ROLES,
  ORG_UNIT_ADMIN_ROLES,
  PEOPLE_ADMIN_ROLES,
  PRIVACY_ROLES,
  TRAINING_CYCLE_ROLES,
} from '../admin/admin-screens';
import type { Role } from '../api/types';
import { hotPages } from '../boot/early-route';
import { Layout } from './Layout';
import { createQueryClient } from './query-client';

// Route-level code splitting keeps the first download to the shell (budget: 150 KB gzipped).
// The pages opened first are started by the entry script already (boot/early-route.ts).
const HomePage = lazy(hotPages.home);
const LoginPage = lazy(hotPages.login);
const ActivatePage = lazy(() => import('../auth/ActivatePage'));
const SsoPage = lazy(() => import('../auth/SsoPage'));
const ForgotPasswordPage = lazy(() => import('../auth/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('../auth/ResetPasswordPage'));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage'));
const TwoFactorPage = lazy(() => import('../me/TwoFactorPage'));
const MePage = lazy(() => import('../me/MePage'));
const NotificationsPage = lazy(() => import('../notifications/NotificationsPage'));
const FileJobPage = lazy(() => import('../file-jobs/FileJobPage'));
const CertificateVerifyPage = lazy(hotPages.verify);
const CourseCatalogPage = lazy(hotPages.catalog);
const CoursePage = lazy(() => import('../courses/CoursePage'));
const LessonPlayerPage = lazy(hotPages.lesson);
const MyLearningPage = lazy(() => import('../learning/MyLearningPage'));
const CurriculumPage = lazy(() => import('../curricula/CurriculumPage'));
const QuizPage = lazy(() => import('../quizzes/QuizPage'));
const QuizAttemptPage = lazy(() => import('../quizzes/QuizAttemptPage'));
const QuizReviewPage = lazy(() => import('../quizzes/QuizReviewPage'));
const CertificatesPage = lazy(() => import('../certificates/CertificatesPage'));
const AuthoringPage = lazy(() => import('../authoring/AuthoringPage'));
const CourseEditorPage = lazy(() => import('../authoring/CourseEditorPage'));
const CourseAnalyticsPage = lazy(() => import('../quizzes/CourseAnalyticsPage'));
const CoursePreviewPage = lazy(() => import('../authoring/CoursePreviewPage'));
const QuestionBanksPage = lazy(() => import('../banks/QuestionBanksPage'));
const QuestionBankPage = lazy(() => import('../banks/QuestionBankPage'));
const ReportsPage = lazy(hotPages.reports);
const ReportPage = lazy(hotPages.report);
const PeopleReportPage = lazy(() => import('../reports/PeopleReportPage'));
const ManageCertificatesPage = lazy(() => import('../certificates/ManageCertificatesPage'));
const CertificateDetailPage = lazy(() => import('../certificates/CertificateDetailPage'));
const IssuerSettingsPage = lazy(() => import('../certificates/IssuerSettingsPage'));
const SigningKeysPage = lazy(() => import('../certificates/SigningKeysPage'));
const QueuesDashboardPage = lazy(() => import('../system/QueuesDashboardPage'));
const AdminHomePage = lazy(() => import('../admin/AdminHomePage'));
const OrgUnitsAdminPage = lazy(() => import('../org-units/OrgUnitsAdminPage'));
const PeopleAdminPage = lazy(() => import('../people/PeopleAdminPage'));
const CurriculaAdminPage = lazy(() => import('../curricula/CurriculaAdminPage'));
const CurriculumEditorPage = lazy(() => import('../curricula/CurriculumEditorPage'));
const AuditLogPage = lazy(() => import('../audit/AuditLogPage'));
const PrivacyRequestsPage = lazy(() => import('../privacy/PrivacyRequestsPage'));
const RequirementsAdminPage = lazy(() => import('../requirements/RequirementsAdminPage'));
const TrainingRecordsPage = lazy(() => import('../training-records/TrainingRecordsPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const authed = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;
const authoring = (page: ReactNode) =>
  authed(<RequireRole roles={AUTHOR_ROLES}>{page}</RequireRole>);
const reporting = (page: ReactNode) =>
  authed(<RequireRole roles={REPORT_ROLES}>{page}</RequireRole>);
const sysadmin = (page: ReactNode) =>
  authed(<RequireRole roles={['sysadmin']}>{page}</RequireRole>);
const withRoles = (roles: readonly Role[], page: ReactNode) =>
  authed(<RequireRole roles={roles}>{page}</RequireRole>);
const managingCertificates = (page: ReactNode) =>
  authed(<RequireRole roles={CERTIFICATE_MANAGER_ROLES}>{page}</RequireRole>);

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={authed(<HomePage />)} />
            <Route path="me" element={authed(<MePage />)} />
            <Route path="notifications" element={authed(<NotificationsPage />)} />
            <Route path="files/:page/:id" element={authed(<FileJobPage />)} />
            <Route path="courses" element={authed(<CourseCatalogPage />)} />
            <Route path="courses/:courseId" element={authed(<CoursePage />)} />
            <Route
              path="learn/:courseId/lessons/:lessonId"
              element={authed(<LessonPlayerPage />)}
            />
            <Route path="my-learning" element={authed(<MyLearningPage />)} />
            <Route path="curricula/:curriculumId" element={authed(<CurriculumPage />)} />
            <Route path="quizzes/:quizId" element={authed(<QuizPage />)} />
            <Route path="quizzes/:quizId/attempt" element={authed(<QuizAttemptPage />)} />
            <Route
              path="quizzes/:quizId/attempts/:attemptId"
              element={authed(<QuizReviewPage />)}
            />
            <Route path="my-certificates" element={authed(<CertificatesPage />)} />
            <Route path="authoring" element={authoring(<AuthoringPage />)} />
            <Route path="authoring/banks" element={authoring(<QuestionBanksPage />)} />
            <Route path="authoring/banks/:bankId" element={authoring(<QuestionBankPage />)} />
            <Route path="authoring/courses/:courseId" element={authoring(<CourseEditorPage />)} />
            <Route
              path="authoring/courses/:courseId/analytics"
              element={authoring(<CourseAnalyticsPage />)}
            />
            <Route
              path="authoring/courses/:courseId/preview"
              element={authoring(<CoursePreviewPage />)}
            />
            <Route path="reports" element={reporting(<ReportsPage />)} />
            <Route path="reports/people" element={reporting(<PeopleReportPage />)} />
            <Route path="reports/:reportId" element={reporting(<ReportPage />)} />
            <Route
              path="certificates/manage"
              element={managingCertificates(<ManageCertificatesPage />)}
            />
            <Route
              path="certificates/manage/:certificateId"
              element={managingCertificates(<CertificateDetailPage />)}
            />
            <Route path="certificates/issuers" element={sysadmin(<IssuerSettingsPage />)} />
            <Route path="certificates/keys" element={sysadmin(<SigningKeysPage />)} />
            <Route path="system/queues" element={sysadmin(<QueuesDashboardPage />)} />
            <Route path="admin" element={withRoles(ADMIN_ROLES, <AdminHomePage />)} />
            <Route
              path="admin/people"
              element={withRoles(PEOPLE_ADMIN_ROLES, <PeopleAdminPage />)}
            />
            <Route
              path="admin/org-units"
              element={withRoles(ORG_UNIT_ADMIN_ROLES, <OrgUnitsAdminPage />)}
            />
            <Route
              path="admin/curricula"
              element={withRoles(CURRICULUM_EDITOR_ROLES, <CurriculaAdminPage />)}
            />
            <Route
              path="admin/curricula/:curriculumId"
              element={withRoles(CURRICULUM_EDITOR_ROLES, <CurriculumEditorPage />)}
            />
            <Route
              path="admin/requirements"
              element={withRoles(TRAINING_CYCLE_ROLES, <RequirementsAdminPage />)}
            />
            <Route
              path="admin/training-records"
              element={withRoles(TRAINING_CYCLE_ROLES, <TrainingRecordsPage />)}
            />
            <Route path="admin/audit-log" element={withRoles(AUDIT_ROLES, <AuditLogPage />)} />
            <Route
              path="admin/privacy"
              element={withRoles(PRIVACY_ROLES, <PrivacyRequestsPage />)}
            />
            <Route path="login" element={<LoginPage />} />
            <Route path="login/sso" element={<SsoPage />} />
            <Route path="activate" element={<ActivatePage />} />
            <Route path="forgot-password" element={<ForgotPasswordPage />} />
            <Route path="reset-password" element={<ResetPasswordPage />} />
            <Route path="me/password" element={authed(<ChangePasswordPage />)} />
            <Route path="me/two-factor" element={authed(<TwoFactorPage />)} />
            <Route path="verify" element={<CertificateVerifyPage />} />
            <Route path="verify/:serial" element={<CertificateVerifyPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
