import type { Paginated, UserResponse } from '@dx/contracts';
import { api, type ApiFile } from '../api/client';

/** `GET /api/me/data-export`: everything held about the caller, as a JSON file. */
export function downloadMyData(): Promise<ApiFile> {
  return api.file('/me/data-export');
}

/** People of the caller's scope matching a name or username (first 20). */
export function searchPeople(q: string, signal?: AbortSignal): Promise<Paginated<UserResponse>> {
  const params = new URLSearchParams({ q, page: '1', pageSize: '20' });
  return api.get<Paginated<UserResponse>>('/users', { query: params, signal });
}

/** `DELETE /api/users/:id`: erases the person's personal data (hr in scope, sysadmin). */
export function deletePerson(id: string): Promise<void> {
  return api.delete('/users/{id}', { path: { id } });
}
