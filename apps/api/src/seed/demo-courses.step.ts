import { Injectable } from '@nestjs/common';
import { seedDemoCourses } from './demo-courses';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/** The published DX curriculum content (courses, lessons, quizzes). */
@Injectable()
export class DemoCoursesStep implements DemoSeedStep {
  readonly name = 'courses';

  async run(ctx: DemoSeedContext): Promise<void> {
    ctx.courses = await seedDemoCourses(ctx.tx, ctx);
  }
}
