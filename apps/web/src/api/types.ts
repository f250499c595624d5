// Contract types shared with the server come from @dx/contracts (type-only: nothing of the
// library reaches the bundle). Types the library does not have yet are defined below.
export type {
  ApiErrorBody,
  DxRole,
  CodedFieldError as ApiFieldError,
  LoginRequest,
  LoginResponse,
  MeResponse,
  Paginated,
  Role,
} from '@dx/contracts';

/** GET /api/public/certificates/:serial, with the tamper check's verdict ("invalid"). */
export type {
  PublicCertificateStatus,
  VerifiedPublicCertificate as PublicCertificate,
} from '@dx/contracts';
