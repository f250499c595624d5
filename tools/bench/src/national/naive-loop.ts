import type { Pool } from 'pg';

/**
 * The obvious implementation the report must beat: for each unit, one query that finds
 * its subtree as of 31 December, its DX staff on that day, and their certificates of the
 * year — same definitions as the set-based statement, each unit computed on its own.
 */
export const NAIVE_UNIT_SQL = `
  WITH RECURSIVE
  bounds AS (
    SELECT make_date($2::int, 12, 31) AS d,
           make_timestamptz($2::int, 1, 1, 0, 0, 0, $3) AS from_ts,
           make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, $3) AS to_ts),
  sub AS (
    SELECT u.id FROM bounds b JOIN org_unit u ON u.id = $1::uuid
     WHERE u.valid_from <= b.d AND (u.valid_to IS NULL OR u.valid_to > b.d)
    UNION
    SELECT c.id FROM sub s CROSS JOIN bounds b
      JOIN org_unit_edge e ON e.parent_id = s.id AND e.valid_from <= b.d AND (e.valid_to IS NULL OR e.valid_to > b.d)
      JOIN org_unit c ON c.id = e.unit_id AND c.valid_from <= b.d AND (c.valid_to IS NULL OR c.valid_to > b.d)),
  staff AS (
    SELECT DISTINCT m.user_id FROM bounds b
      JOIN membership m ON m.valid_from <= b.d AND (m.valid_to IS NULL OR m.valid_to > b.d)
      JOIN sub ON sub.id = m.org_unit_id
     WHERE m.dx_role <> 'none')
  SELECT count(*)::int AS dx_staff, count(*) FILTER (WHERE d.n > 0)::int AS trained,
         coalesce(sum(d.hours), 0)::float AS hours, coalesce(sum(d.n), 0)::int AS certificates
    FROM staff s CROSS JOIN bounds b
    CROSS JOIN LATERAL (
      SELECT count(*) AS n, sum(c.hours) AS hours FROM certificate c
       WHERE c.user_id = s.user_id AND c.kind = 'course' AND c.status <> 'revoked'
         AND c.completed_at >= b.from_ts AND c.completed_at < b.to_ts) d`;

export interface UnitFigures {
  dxStaff: number;
  trained: number;
  hours: number;
  certificates: number;
}

export interface NaiveSample {
  /** Units timed, by depth. */
  sampled: Record<number, number>;
  /** Seconds the whole loop would take over every unit (mean per depth × units at that depth). */
  extrapolatedSeconds: number;
  /** Seconds actually spent on the sample. */
  sampleSeconds: number;
  /** Sampled units whose naive figures differ from the set-based snapshot row. */
  mismatches: string[];
}

/** Deterministic PRNG (mulberry32): the same sample every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Share of each level's units timed. 1% took 83 s of the section (112 of the 122 units are
 * communes at ~0.7 s each), a seventh of the 20 minutes `npm run bench` may take; half of
 * that still times ~60 units, and the reference it gives (≈ 600 s against ~1 s for the
 * set-based report) is hundreds of times past its goal (> 1×), so the sample's size does not
 * decide anything.
 */
export const NAIVE_SAMPLE_SHARE = 0.005;

/**
 * Runs the per-unit query on NAIVE_SAMPLE_SHARE of the units of each level (at least one, so
 * the single national unit is in), checks each result against the set-based snapshot, and
 * extrapolates level by level: the cost of a unit depends mostly on its subtree's size.
 */
export async function naiveLoopSample(
  pool: Pool,
  snapshot: (UnitFigures & { orgUnitId: string; depth: number })[],
  year: number,
  timeZone: string,
): Promise<NaiveSample> {
  const next = random(2025);
  const byDepth = new Map<number, typeof snapshot>();
  for (const row of snapshot) byDepth.set(row.depth, [...(byDepth.get(row.depth) ?? []), row]);
  const sampled: Record<number, number> = {};
  const mismatches: string[] = [];
  let extrapolated = 0;
  let spent = 0;
  for (const [depth, rows] of [...byDepth].sort(([a], [b]) => a - b)) {
    const candidates = [...rows];
    const n = Math.max(1, Math.ceil(rows.length * NAIVE_SAMPLE_SHARE));
    let levelSeconds = 0;
    for (let k = 0; k < n; k++) {
      const [unit] = candidates.splice(Math.floor(next() * candidates.length), 1);
      const t = process.hrtime.bigint();
      const { rows: result } = await pool.query(NAIVE_UNIT_SQL, [unit.orgUnitId, year, timeZone]);
      levelSeconds += Number(process.hrtime.bigint() - t) / 1e9;
      const r = result[0];
      const same =
        r.dx_staff === unit.dxStaff &&
        r.trained === unit.trained &&
        r.certificates === unit.certificates &&
        Math.abs(r.hours - unit.hours) < 0.005;
      if (!same)
        mismatches.push(
          `${unit.orgUnitId}: naive ${JSON.stringify(r)} vs set-based ${JSON.stringify(unit)}`,
        );
    }
    sampled[depth] = n;
    spent += levelSeconds;
    extrapolated += (levelSeconds / n) * rows.length;
    console.log(
      `  naive loop, depth ${depth}: ${n} of ${rows.length} units timed, ` +
        `${((levelSeconds / n) * 1000).toFixed(1)} ms each → ${((levelSeconds / n) * rows.length).toFixed(1)} s for all`,
    );
  }
  return { sampled, extrapolatedSeconds: extrapolated, sampleSeconds: spent, mismatches };
}
