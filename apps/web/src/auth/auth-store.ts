// The access token lives in localStorage so a reload keeps the session; components read it
// through useSyncExternalStore (see useAuth) so a cleared token re-renders route guards.

const TOKEN_KEY = 'dx.accessToken';

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
  setToken(next: string): void {
    token = next;
    storage()?.setItem(TOKEN_KEY, next);
    emit();
  },
  clearToken(): void {
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
