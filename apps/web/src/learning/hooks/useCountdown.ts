import { useEffect, useState } from 'react';

/**
 * Seconds left of a countdown that starts at `from`, ticking once a second until 0;
 * `reset` sets it again (e.g. to what the server says is left).
 */
export function useCountdown(from: number): [number, (seconds: number) => void] {
  const [left, setLeft] = useState(from);
  useEffect(() => {
    if (left <= 0) return;
    const timer = window.setTimeout(() => setLeft((s) => Math.max(0, s - 1)), 1000);
    return () => window.clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}
