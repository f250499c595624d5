import {
  TRAINING_EVIDENCE_MAX_BYTES,
  type CreateRequirementRequest,
  type CreateTrainingRecordRequest,
  type Paginated,
  type Requirement,
  type RequirementListQuery,
  type TrainingRecord,
  type TrainingRecordFields,
  type TrainingRecordListQuery,
  type UpdateRequirementRequest,
  type UpdateTrainingRecordRequest,
  type UserListQuery,
  type UserResponse,
} from '@dx/contracts';
import { api } from '../api/client';

export const REQUIREMENTS_PAGE_SIZE = 20;

export const requirementAdminKeys = {
  all: ['requirements'] as const,
  list: (year: number, page: number) => ['requirements', year, page] as const,
};

export const trainingRecordKeys = {
  all: ['training-records'] as const,
  of: (userId: string) => ['training-records', userId] as const,
  people: (q: string) => ['training-records', 'people', q] as const,
};

/** What HR sets on a requirement (the year and unit only when creating it). */
export type RequirementInput = Required<UpdateRequirementRequest>;

export function fetchRequirements(
  year: number,
  page: number,
  signal?: AbortSignal,
): Promise<Paginated<Requirement>> {
  return api.get<Paginated<Requirement>>('/requirements', {
    query: { year, page, pageSize: REQUIREMENTS_PAGE_SIZE } satisfies RequirementListQuery,
    signal,
  });
}

export const createRequirement = (body: CreateRequirementRequest) =>
  api.post<Requirement>('/requirements', body);

export const updateRequirement = (id: string, body: UpdateRequirementRequest) =>
  api.patch<Requirement>('/requirements/{id}', body, { path: { id } });

export const deleteRequirement = (id: string) => api.delete('/requirements/{id}', { path: { id } });

/** People of the caller's scope matching a name or username (first 10). */
export function searchPeople(q: string, signal?: AbortSignal): Promise<Paginated<UserResponse>> {
  return api.get<Paginated<UserResponse>>('/users', {
    query: { q, page: 1, pageSize: 10 } satisfies UserListQuery,
    signal,
  });
}

export type TrainingRecordInput = TrainingRecordFields;

export function fetchTrainingRecords(userId: string, signal?: AbortSignal) {
  return api.get<TrainingRecord[]>('/training-records', {
    query: { userId } satisfies TrainingRecordListQuery,
    signal,
  });
}

export const createTrainingRecord = (body: CreateTrainingRecordRequest) =>
  api.post<TrainingRecord>('/training-records', body);

export const updateTrainingRecord = (id: string, body: UpdateTrainingRecordRequest) =>
  api.patch<TrainingRecord>('/training-records/{id}', body, { path: { id } });

export const deleteTrainingRecord = (id: string) =>
  api.delete('/training-records/{id}', { path: { id } });

/** What the file picker offers; the API checks the content itself. */
export const TRAINING_EVIDENCE_ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export const TRAINING_EVIDENCE_MAX_MEGABYTES = TRAINING_EVIDENCE_MAX_BYTES / 1024 / 1024;

export function uploadTrainingEvidence(id: string, file: File): Promise<TrainingRecord> {
  const form = new FormData();
  form.append('file', file);
  return api.put<TrainingRecord>('/training-records/{id}/evidence', form, { path: { id } });
}

export const deleteTrainingEvidence = (id: string) =>
  api.delete('/training-records/{id}/evidence', { path: { id } });

export const downloadTrainingEvidence = (id: string) =>
  api.file('/training-records/{id}/evidence', { path: { id } });

/**
 * Saves the record, then its evidence file when one was chosen. A refused file does not
 * undo the saved record (sending the form again would record the training twice): the
 * upload's error is returned beside the record for the form to show.
 */
export async function saveRecordThenEvidence(
  save: () => Promise<TrainingRecord>,
  file: File | null,
  upload: (id: string, file: File) => Promise<TrainingRecord> = uploadTrainingEvidence,
): Promise<{ record: TrainingRecord; evidenceError: unknown }> {
  const record = await save();
  if (!file) return { record, evidenceError: null };
  try {
    return { record: await upload(record.id, file), evidenceError: null };
  } catch (error) {
    return { record, evidenceError: error };
  }
}

/** "24", "24,5" or "24.5" → a number; NaN for anything else (the API then says why). */
export function parseHoursText(text: string): number {
  const t = text.trim().replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : Number.NaN;
}

/** Job titles typed one per line (or separated by ";"), trimmed, empty ones dropped. */
export function parseJobTitles(text: string): string[] {
  return text
    .split(/[\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
