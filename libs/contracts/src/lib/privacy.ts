import type { AuditLogEntryResponse } from './audit';
import type { DxRole, Role } from './roles';

/**
 * `GET /api/me/data-export`: everything the system holds about the caller (Law 91/2025 on
 * personal data protection), as one JSON file. Never password hashes, token hashes or the
 * correct answers of quizzes.
 */
export interface PersonalDataExport {
  exportedAt: string;
  profile: {
    id: string;
    username: string;
    fullName: string;
    email: string | null;
    dateOfBirth: string | null;
    /** The citizen identity number HR recorded (the person's own data, so it is here). */
    nationalId: string | null;
    jobTitle: string | null;
    dxRole: DxRole;
    roles: Role[];
    orgUnit: { id: string; code: string; name: string };
    createdAt: string;
    updatedAt: string;
  };
  memberships: {
    orgUnitId: string;
    orgUnitCode: string;
    orgUnitName: string;
    dxRole: DxRole;
    validFrom: string;
    validTo: string | null;
  }[];
  enrollments: {
    id: string;
    courseId: string;
    courseCode: string;
    courseTitle: string;
    version: number;
    status: string;
    progress: number;
    enrolledAt: string;
    completedAt: string | null;
    lessonCompletions: { lessonId: string; lessonTitle: string; completedAt: string }[];
  }[];
  quizAttempts: {
    id: string;
    quizId: string;
    quizTitle: string;
    number: number;
    status: string;
    startedAt: string;
    submittedAt: string | null;
    score: number | null;
    passed: boolean | null;
    correctCount: number | null;
    total: number | null;
    /** The caller's own choices, with the texts they were shown. */
    answers: {
      questionId: string;
      questionText: string;
      optionIds: string[];
      optionTexts: string[];
    }[];
  }[];
  certificates: {
    id: string;
    kind: string;
    serial: string | null;
    status: string;
    title: string;
    holderName: string;
    dateOfBirth: string | null;
    hours: number;
    issuer: string;
    completedAt: string;
    issuedAt: string | null;
    revokedAt: string | null;
    verifyUrl: string | null;
    pdfUrl: string | null;
  }[];
  /** Sign-in sessions (refresh token families), without the tokens. */
  sessions: {
    createdAt: string;
    expiresAt: string;
    usedAt: string | null;
    revokedAt: string | null;
  }[];
  /** Administrative actions the caller took. */
  auditEntries: AuditLogEntryResponse[];
}
