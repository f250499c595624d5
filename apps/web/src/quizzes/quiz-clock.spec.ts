import { formatCountdown, remainingMs, serverOffsetMs } from './quiz-clock';

describe('serverOffsetMs', () => {
  const sent = Date.parse('2026-05-01T03:00:00.000Z');

  it('measures how far the server clock is ahead of the client', () => {
    // Client sent at :00.000, answer at :00.200; server said :30 (so about :30.5).
    const offset = serverOffsetMs('Fri, 01 May 2026 03:00:30 GMT', sent, sent + 200);
    expect(offset).toBe(30_400);
  });

  it('measures a server behind the client', () => {
    expect(serverOffsetMs('Fri, 01 May 2026 02:58:00 GMT', sent, sent + 100)).toBe(-119_550);
  });

  it('ignores sub-second rounding noise and missing or bad headers', () => {
    expect(serverOffsetMs('Fri, 01 May 2026 03:00:00 GMT', sent, sent + 100)).toBe(0);
    expect(serverOffsetMs(null, sent, sent)).toBe(0);
    expect(serverOffsetMs('garbage', sent, sent)).toBe(0);
  });
});

describe('remainingMs', () => {
  it('counts down on the server clock', () => {
    const now = Date.parse('2026-05-01T03:00:00Z');
    expect(remainingMs('2026-05-01T03:10:00Z', now, 0)).toBe(600_000);
    // The server is 30 s ahead: 30 s less remain than the client clock suggests.
    expect(remainingMs('2026-05-01T10:10:00+07:00', now, 30_000)).toBe(570_000);
  });

  it('never goes below zero', () => {
    expect(remainingMs('2026-05-01T03:00:00Z', Date.parse('2026-05-01T04:00:00Z'), 0)).toBe(0);
    expect(remainingMs('bad', 0, 0)).toBe(0);
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, rounding up', () => {
    expect(formatCountdown(125_000)).toBe('02:05');
    expect(formatCountdown(124_001)).toBe('02:05');
    expect(formatCountdown(999)).toBe('00:01');
    expect(formatCountdown(0)).toBe('00:00');
  });

  it('shows hours when there are any', () => {
    expect(formatCountdown(3_725_000)).toBe('1:02:05');
  });
});
