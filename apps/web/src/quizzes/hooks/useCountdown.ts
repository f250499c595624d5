import { useEffect, useState } from 'react';
import { remainingMs } from '../quiz-clock';

/** Milliseconds left on the server's clock, refreshed a few times a second; null: no limit. */
export function useCountdown(expiresAt: string | null, offsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt ? remainingMs(expiresAt, now, offsetMs) : null;
}
