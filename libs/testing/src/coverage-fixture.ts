import type { DxRole } from '@dx/contracts';
import { randomSuffix } from '@dx/db/testing';
import { rebuildLedgerOf } from '@dx/reports';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface FixtureUnit {
  id: string;
  code: string;
  name: string;
}

/**
 * Minimal rows for coverage specs (API, worker, bench), straight in SQL: units with their
 * edges, people with a membership, course certificates, a waiting report. Every unit and
 * person exists from 2000-01-01 unless told otherwise; codes are unique per call so specs
 * never collide.
 */
export class CoverageFixture {
  private courses = 0;

  constructor(private readonly db: DataSource) {}

  async unit(
    name: string,
    parent: FixtureUnit | null = null,
    validTo: string | null = null,
  ): Promise<FixtureUnit> {
    const id = randomUUID();
    const code = `R-${randomSuffix().toUpperCase()}`;
    const [{ path, depth }] = parent
      ? await this.db.query(
          `SELECT path || $1 || '/' AS path, depth + 1 AS depth FROM org_unit WHERE id = $2`,
          [id, parent.id],
        )
      : [{ path: `/${id}/`, depth: 0 }];
    await this.db.query(
      `INSERT INTO org_unit (id, code, name, parent_id, path, depth, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6, '2000-01-01', $7)`,
      [id, code, name, parent?.id ?? null, path, depth, validTo],
    );
    await this.db.query(
      `INSERT INTO org_unit_edge (unit_id, parent_id, valid_from, valid_to) VALUES ($1, $2, '2000-01-01', $3)`,
      [id, parent?.id ?? null, validTo],
    );
    return { id, code, name };
  }

  /** A person in `unit` since 2000 with `dxRole`; returns the user id. */
  async person(
    unit: FixtureUnit,
    dxRole: DxRole = 'full_time',
    fullName = 'Nguyễn Thị Hoa',
  ): Promise<string> {
    const [{ id }] = await this.db.query(
      `INSERT INTO app_user (username, full_name, org_unit_id, dx_role) VALUES ($1, $2, $3, $4) RETURNING id`,
      [`r.${randomSuffix()}`, fullName, unit.id, dxRole],
    );
    await this.db.query(
      `INSERT INTO membership (user_id, org_unit_id, dx_role, valid_from) VALUES ($1, $2, $3, '2000-01-01')`,
      [id, unit.id, dxRole],
    );
    return id;
  }

  /** A course certificate completed at `completedAt` (each on its own course version). */
  async certificate(
    userId: string,
    completedAt: string,
    opts: { hours?: number; status?: 'pending' | 'issued' | 'revoked'; issuer: FixtureUnit },
  ): Promise<void> {
    const hours = opts.hours ?? 8;
    const [{ id: courseId }] = await this.db.query(
      `INSERT INTO course (code, owner_org_unit_id, status) VALUES ($1, $2, 'published') RETURNING id`,
      [`RC-${randomSuffix()}`, opts.issuer.id],
    );
    const [{ id: versionId }] = await this.db.query(
      `INSERT INTO course_version (course_id, version, status, title, hours)
       VALUES ($1, 1, 'published', $2, $3) RETURNING id`,
      [courseId, `Kỹ năng số cơ bản ${++this.courses}`, hours],
    );
    await this.db.query(
      `INSERT INTO certificate (kind, user_id, course_id, course_version_id, status, completed_at, hours, issuer_org_unit_id, snapshot, year)
       VALUES ('course', $1, $2, $3, $4, $5, $6, $7, '{}'::jsonb,
               extract(year FROM $5::timestamptz AT TIME ZONE 'Asia/Ho_Chi_Minh'))`,
      [userId, courseId, versionId, opts.status ?? 'issued', completedAt, hours, opts.issuer.id],
    );
    // Reports sum the training ledger, which the API keeps in the completion's transaction.
    await rebuildLedgerOf(this.db.manager, [userId]);
  }

  /** A coverage report waiting for the worker, as the API leaves it. */
  async report(unit: FixtureUnit, year: number): Promise<{ id: string; jobId: string }> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO coverage_report (id, year, org_unit_id, job_id, status, time_zone)
       VALUES ($1, $2, $3, $4, 'running', 'Asia/Ho_Chi_Minh')`,
      [id, year, unit.id, `coverage-${id}`],
    );
    return { id, jobId: `coverage-${id}` };
  }
}
