import type {
  ActivationCodeResponse,
  ActivationSlipsRequest,
  ActivationSlipsStatus,
  CreateUserRequest,
  DxRole,
  JobAccepted,
  Paginated,
  Role,
  SentNotificationList,
  UpdateUserRequest,
  UserImportResult,
  UserListQuery,
  UserResponse,
} from '@dx/contracts';
import { api } from '../api/client';

export const PEOPLE_PAGE_SIZE = 20;

export const peopleKeys = {
  list: (orgUnitId: string | null, q: string, page: number) =>
    ['people', 'list', orgUnitId, q, page] as const,
  slips: (jobId: string) => ['people', 'activation-slips', jobId] as const,
  notices: (userId: string) => ['people', 'notices', userId] as const,
};

/** Notices shown under a person's row: the latest few (the count covers them all). */
export const PERSON_NOTICES_SHOWN = 5;

/** `GET /api/users/:id/notifications`: what was sent to a person, reminders counted. */
export function fetchSentNotifications(
  userId: string,
  signal?: AbortSignal,
): Promise<SentNotificationList> {
  return api.get<SentNotificationList>('/users/{id}/notifications', {
    path: { id: userId },
    query: { page: 1, pageSize: PERSON_NOTICES_SHOWN },
    signal,
  });
}

/** `GET /api/users`: people of the caller's subtree (or of one unit's), by name or username. */
export function fetchPeople(
  filters: { orgUnitId: string | null; q: string; page: number },
  signal?: AbortSignal,
): Promise<Paginated<UserResponse>> {
  return api.get<Paginated<UserResponse>>('/users', {
    query: {
      page: filters.page,
      pageSize: PEOPLE_PAGE_SIZE,
      orgUnitId: filters.orgUnitId ?? undefined,
      q: filters.q.trim() || undefined,
    } satisfies UserListQuery,
    signal,
  });
}

/** What the create and edit dialogs both ask (empty optional fields are sent as absent). */
export interface PersonDetails {
  fullName: string;
  email: string;
  jobTitle: string;
  /** Citizen identity number (CCCD): links a single sign-on identity when so configured. */
  nationalId: string;
  dxRole: DxRole;
  roles: Role[];
}

/** `POST /api/users`: a new person of a unit in the caller's subtree. */
export function createPerson(
  input: PersonDetails & { username: string; password: string; orgUnitId: string },
): Promise<UserResponse> {
  const body: CreateUserRequest = {
    ...input,
    email: input.email.trim() || undefined,
    jobTitle: input.jobTitle.trim() || undefined,
    nationalId: input.nationalId.trim() || undefined,
  };
  return api.post<UserResponse>('/users', body);
}

/** `PATCH /api/users/:id`: name, email, job title, national ID, DX role and roles (empty clears). */
export function updatePerson(id: string, input: PersonDetails): Promise<UserResponse> {
  const body: UpdateUserRequest = {
    ...input,
    email: input.email.trim() || null,
    jobTitle: input.jobTitle.trim() || null,
    nationalId: input.nationalId.trim() || null,
  };
  return api.patch<UserResponse>('/users/{id}', body, { path: { id } });
}

/** `PATCH /api/users/:id` with a unit and first day there: a transfer (history stays). */
export function transferPerson(
  id: string,
  input: Required<Pick<UpdateUserRequest, 'orgUnitId' | 'effectiveDate'>>,
): Promise<UserResponse> {
  return api.patch<UserResponse>('/users/{id}', input, { path: { id } });
}

/** `PATCH /api/users/:id`: here, deactivating and reactivating. */
export function setPersonActive(id: string, active: boolean): Promise<UserResponse> {
  return api.patch<UserResponse>('/users/{id}', { active } satisfies UpdateUserRequest, {
    path: { id },
  });
}

/** `POST /api/users/:id/activation`: a new one-time code (shown once; mailed when there is an email). */
export function issueActivationCode(id: string): Promise<ActivationCodeResponse> {
  return api.post<ActivationCodeResponse>('/users/{id}/activation', undefined, { path: { id } });
}

/** `POST /api/users/import`: a CSV or XLSX list; valid rows are saved, the others listed. */
export function importPeople(file: File): Promise<UserImportResult> {
  const form = new FormData();
  form.append('file', file);
  return api.post<UserImportResult>('/users/import', form);
}

/** `POST /api/activation-slips`: the worker prints slips for the unit's not-yet-activated people. */
export function requestActivationSlips(orgUnitId: string): Promise<JobAccepted> {
  return api.post<JobAccepted>('/activation-slips', { orgUnitId } satisfies ActivationSlipsRequest);
}

export function fetchActivationSlips(
  jobId: string,
  signal?: AbortSignal,
): Promise<ActivationSlipsStatus> {
  return api.get<ActivationSlipsStatus>('/activation-slips/{jobId}', { path: { jobId }, signal });
}

/** The PDF or XLSX behind a URL of the status (it needs the token: the files hold live codes). */
export const downloadSlipsFile = (url: string) => api.fileAt(url);
