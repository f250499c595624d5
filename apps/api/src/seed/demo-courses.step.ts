import { Injectable } from '@nestjs/common';
import { saveIssuerSettings } from '../certificates/issuer-settings';
import { insertDemoCurriculum } from '../curricula/demo/demo-curriculum';
import { seedDemoCourses } from './demo-courses';
import { DEMO_ISSUERS } from './demo-org-units.data';
import { DemoSeedContext, DemoSeedStep } from './demo-seed.step';

/**
 * The yearly DX programme for full-time DX staff: four of the demo courses (6.5 h), in order;
 * 6 h a year, which its courses can reach (the publish check refuses less).
 */
const DEMO_CURRICULUM = {
  code: 'CT-CDS-2026',
  title: 'Chương trình bồi dưỡng chuyển đổi số cho cán bộ, công chức',
  description:
    'Lộ trình tự học hằng năm theo Quyết định 1690/QĐ-TTg: nhận thức chung về chuyển đổi số, ' +
    'Chính phủ số và dịch vụ công trực tuyến, dữ liệu số, an toàn thông tin.',
  audience: 'Cán bộ, công chức, viên chức làm công tác chuyển đổi số',
  hoursPerYear: 6,
  courses: ['CDS-CB-01', 'CPS-DVC-01', 'DLS-KT-01', 'ATTT-CB-01'],
};

/** The published DX catalog (courses, lessons, quizzes) and a curriculum built on it. */
@Injectable()
export class DemoCoursesStep implements DemoSeedStep {
  readonly name = 'courses';

  async run(ctx: DemoSeedContext): Promise<void> {
    ctx.courses = await seedDemoCourses(ctx.tx, ctx);
    // Before the completions step requests certificates, so the worker prints these texts.
    for (const { unitCode, ...texts } of DEMO_ISSUERS) {
      const unit = ctx.units.get(unitCode);
      if (unit) await saveIssuerSettings(ctx.tx, unit.id, { ...texts, updatedBy: null });
    }
    const root = ctx.units.get('VN');
    if (!root) return;
    const { courses: codes, ...curriculum } = DEMO_CURRICULUM;
    ctx.curriculumId = await insertDemoCurriculum(ctx.tx, {
      ...curriculum,
      ownerOrgUnitId: root.id,
      courseIds: codes.flatMap((code) => ctx.courses?.get(code)?.courseId ?? []),
    });
  }
}
