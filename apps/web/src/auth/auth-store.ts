// The access token lives in localStorage so a reload keeps the session; components read it
// through useSyncExternalStore (see useAuth) so a cleared token re-renders route guards.
// The refresh token (rotated by the server on every use) sits beside it.

const TOKEN_KEY = 'dx.accessToken';
const REFRESH_KEY = 'dx.refreshToken';

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by the browser's privacy settings
  }
}

let token: string | null = storage()?.getItem(TOKEN_KEY) ?? null;

function emit(): void {
  for (const listener of listeners) listener();
}

export const authStore = {
  getToken(): string | null {
    return token;
  },
  getRefreshToken(): string | null {
    return storage()?.getItem(REFRESH_KEY) ?? null;
  },
  setToken(next: string, refreshToken?: string): void {
    token = next;
    storage()?.setItem(TOKEN_KEY, next);
    if (refreshToken) storage()?.setItem(REFRESH_KEY, refreshToken);
    emit();
  },
  clearToken(): void {
    storage()?.removeItem(REFRESH_KEY);
    if (token === null) return;
    token = null;
    storage()?.removeItem(TOKEN_KEY);
    emit();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Another tab logging in or out changes the same key.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== TOKEN_KEY) return;
    token = event.newValue;
    emit();
  });
}
