/**
 * The countdown follows the server's `expiresAt`, so it must read the server's clock: the
 * offset is estimated from the answer's `Date` header (whole seconds, hence +500 ms).
 * Offsets under a second are noise of that rounding and count as none.
 */
export function serverOffsetMs(
  serverDate: string | null,
  sentAt: number,
  receivedAt: number,
): number {
  if (!serverDate) return 0;
  const server = Date.parse(serverDate);
  if (Number.isNaN(server)) return 0;
  const offset = server + 500 - (sentAt + receivedAt) / 2;
  return Math.abs(offset) < 1000 ? 0 : Math.round(offset);
}

/** Milliseconds left until `expiresAt` on the server's clock; never negative. */
export function remainingMs(expiresAt: string, clientNow: number, offsetMs: number): number {
  const end = Date.parse(expiresAt);
  if (Number.isNaN(end)) return 0;
  return Math.max(0, end - (clientNow + offsetMs));
}

/** 125 000 ms → "02:05"; an hour or more → "1:02:05". Rounds up: 0 shows only at the end. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
