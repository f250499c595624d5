import { APP_CONFIG, AppConfig } from '@dx/config';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '@dx/db';
import { hasAnyOrgUnit } from '../org-units/startup-units';
import { STARTUP_LOCK_KEY } from './admin-account.service';
import { DemoCompletionsStep } from './demo-completions.step';
import { DemoCoursesStep } from './demo-courses.step';
import { DemoCycleSeeder } from './demo-cycle.seeder';
import { DemoOrgUnitsStep } from './demo-org-units.step';
import { DemoPeopleStep } from './demo-people.step';
import { DEMO_PASSWORD } from './demo-people.data';
import { DemoReformStep } from './demo-reform.step';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/**
 * Loads the demo data set (SEED_DEMO) into a database that has no org units yet, in one
 * transaction under the start-up lock, so concurrent API processes seed exactly once.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);
  /** In order; a feature's demo data appends its own step here. */
  private readonly steps: DemoSeedStep[];

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    orgUnits: DemoOrgUnitsStep,
    people: DemoPeopleStep,
    reform: DemoReformStep,
    courses: DemoCoursesStep,
    completions: DemoCompletionsStep,
    private readonly cycle: DemoCycleSeeder,
  ) {
    this.steps = [orgUnits, people, reform, courses, completions];
  }

  /** True when this call loaded the data set. */
  async seedIfEmpty(): Promise<boolean> {
    if (!this.config.seedDemo) return false;
    // Cheap check first: a populated database should not pay for an argon2 hash.
    if (await hasAnyOrgUnit(this.db.manager)) return false;
    const started = Date.now();
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const seeded = await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK_KEY]);
      if (await hasAnyOrgUnit(tx)) return null;
      const ctx: DemoSeedContext = { tx, passwordHash, units: new Map(), users: new Map() };
      for (const step of this.steps) await step.run(ctx);
      return ctx;
    });
    if (!seeded) return false;
    // Through the training feature's services, which need the committed people and units.
    await this.cycle.run(seeded.units, seeded.users, seeded.curriculumId);
    this.logger.log(`Loaded the demo data set in ${Date.now() - started} ms`);
    return true;
  }
}
