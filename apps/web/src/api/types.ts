// Contract types shared with the server come from @dx/contracts (type-only: nothing of the
// library reaches the bundle). Types the library does not have yet are defined below.
export type {
  ApiErrorBody,
  DxRole,
  FieldError as ApiFieldError,
  LoginResponse,
  MeResponse,
  Paginated,
  Role,
} from '@dx/contracts';

export interface LoginRequest {
  username: string;
  password: string;
}

// TODO(contracts): move to libs/contracts beside the certificates endpoints.
export type PublicCertificateStatus = 'valid' | 'revoked';

/** GET /api/public/certificates/:serial — nothing more personal than this. */
export interface PublicCertificate {
  serial: string;
  holderName: string;
  courseTitle: string;
  hours: number;
  issuedAt: string;
  issuer: string;
  status: PublicCertificateStatus;
}
