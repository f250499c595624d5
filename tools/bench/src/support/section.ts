import { loadavg } from 'node:os';
import { Figure, figure } from '../figures';

/**
 * Runs a section so that a failure becomes a FAIL line instead of ending `npm run bench`:
 * the other sections still run and the file still records what happened. Cleanup is the
 * section's own `finally` (withEnvironment).
 */
export async function failSoft(title: string, run: () => Promise<Figure[]>): Promise<Figure[]> {
  try {
    return await run();
  } catch (err) {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 300);
    console.error(err);
    return [figure(`${title}: section did not complete`, 0, '', 'completes', false, message)];
  }
}

/**
 * The machine's 1-minute load average as a reference line: these figures share 2 cores
 * with whatever else runs, and a reader should see when that was a lot.
 */
export function machineLoad(): Figure {
  return figure(
    'Load average (1 min) when the section started',
    loadavg()[0],
    '',
    '',
    null,
    'other work on the machine; 2 cores',
  );
}
