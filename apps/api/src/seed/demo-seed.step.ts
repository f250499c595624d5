import type { EntityManager } from 'typeorm';
import type { DemoCourseVersion } from '../courses/demo/demo-courses';
import type { DemoOrgUnit } from '../org-units/demo/demo-org-units';

/** What the demo steps share while the seed transaction runs. */
export interface DemoSeedContext {
  tx: EntityManager;
  /** argon2 hash of DEMO_PASSWORD, computed once for every account. */
  passwordHash: string;
  /** Units by code, filled by the org-units step (as they stand after the reform step). */
  units: Map<string, DemoOrgUnit>;
  /** User ids by username, filled by the people step. */
  users: Map<string, string>;
  /** Published courses by code, filled by the courses step. */
  courses?: Map<string, DemoCourseVersion>;
  /** The demo curriculum, filled by the courses step. */
  curriculumId?: string;
}

/**
 * One part of the demo data set (`demo-<feature>.step.ts`). Steps run in order in one
 * transaction; each writes through the owning feature's functions (its `demo/` folder for
 * bulk rows, its services otherwise) and is appended in DemoSeedService.
 */
export interface DemoSeedStep {
  readonly name: string;
  run(ctx: DemoSeedContext): Promise<void>;
}
