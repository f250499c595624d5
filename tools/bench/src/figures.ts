/** One measured figure, printed as a line and written to docs/benchmarks.md. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Human-readable goal, e.g. "≥ 0.7"; empty when the figure is a reference. */
  goal: string;
  pass: boolean | null;
  note?: string;
}

export function figure(
  name: string,
  value: number,
  unit: string,
  goal = '',
  pass: boolean | null = null,
  note?: string,
): Figure {
  const f = { name, value, unit, goal, pass, note };
  const verdict = pass === null ? '' : pass ? '  PASS' : '  FAIL';
  console.log(
    `${name}: ${round(value)} ${unit}${goal ? `  (goal ${goal})` : ''}${verdict}${note ? `  — ${note}` : ''}`,
  );
  return f;
}

export function round(v: number): string {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}
