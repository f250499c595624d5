import { APP_CONFIG, AppConfig } from '@dx/config';
import { calendarDate, type RequirementDxRole } from '@dx/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user';
import { RequirementsService } from '../training/requirements.service';
import { TrainingRecordsService } from '../training/training-records.service';
import { generateDemoPeople } from './demo-people.step';

interface DemoRequirement {
  /** Years back from this one (0: this year). */
  yearsAgo: number;
  unitCode: string;
  dxRoles: RequirementDxRole[];
  /** Hours; absent: the demo curriculum's hours per year. */
  hours?: number;
  /** MM-DD within the year. */
  due: string;
  curriculum?: boolean;
}

/**
 * The yearly cycle on the demo data: requirements of this year and last, some met (the
 * completions and re-trainings of the completions step), some not, one already overdue
 * (Hà Nội's mid-year deadline), and one counting only the demo curriculum's courses.
 * Hours are sized to the demo courses (1–2 h each): this year's national one asks two.
 */
const REQUIREMENTS: DemoRequirement[] = [
  { yearsAgo: 0, unitCode: 'VN', dxRoles: ['full_time'], hours: 3, due: '12-31' },
  { yearsAgo: 0, unitCode: 'HN', dxRoles: ['full_time', 'part_time'], hours: 1.5, due: '06-30' },
  { yearsAgo: 0, unitCode: 'TQ', dxRoles: ['full_time'], due: '12-31', curriculum: true },
  { yearsAgo: 1, unitCode: 'VN', dxRoles: ['full_time', 'part_time'], hours: 1.5, due: '12-31' },
];

/** Training done elsewhere, recorded by HR: classes of the ministry and provinces. */
const RECORDS = [
  {
    title: 'Lớp bồi dưỡng kỹ năng số cho công chức',
    provider: 'Học viện Hành chính và Quản trị công',
    hours: 8,
  },
  {
    title: 'Tập huấn khai thác Cơ sở dữ liệu quốc gia về dân cư',
    provider: 'Bộ Công an',
    hours: 4,
  },
  {
    title: 'Tập huấn an toàn thông tin cơ bản',
    provider: 'Trung tâm Giám sát an toàn không gian mạng quốc gia',
    hours: 3,
  },
];

/**
 * Requirements and recorded training for the demo, made through the training feature's
 * own services (as the national sysadmin), so the ledger, requirement checks and audit
 * entries are exactly what the API would make. Runs once the demo transaction has
 * committed: the services open transactions of their own.
 */
@Injectable()
export class DemoCycleSeeder {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly requirements: RequirementsService,
    private readonly records: TrainingRecordsService,
  ) {}

  async run(
    units: ReadonlyMap<string, { id: string }>,
    users: Map<string, string>,
    curriculumId: string | undefined,
  ): Promise<void> {
    const root = units.get('VN');
    const adminId = users.get('quantri');
    if (!root || !adminId) return;
    const admin: AuthUser = {
      id: adminId,
      username: 'quantri',
      orgUnitId: root.id,
      roles: ['sysadmin'],
    };
    const today = calendarDate(this.config.reportsTimeZone);
    const thisYear = Number(today.slice(0, 4));
    for (const r of REQUIREMENTS) {
      const unit = units.get(r.unitCode);
      if (!unit || (r.curriculum && !curriculumId)) continue;
      const year = thisYear - r.yearsAgo;
      await this.requirements.create(admin, {
        year,
        orgUnitId: unit.id,
        dxRoles: r.dxRoles,
        hours: r.hours,
        dueDate: `${year}-${r.due}`,
        curriculumId: r.curriculum ? curriculumId : undefined,
      });
    }
    // A few DX staff (the same ones on every run), this year and last.
    const staff = generateDemoPeople().filter((p) => p.dxRole !== 'none');
    for (let i = 0; i < 6; i++) {
      const person = staff[(i * 17) % staff.length];
      const userId = users.get(person.username);
      if (!userId) continue;
      const year = i % 3 === 2 ? thisYear - 1 : thisYear;
      const day = `${year}-${String(3 + i).padStart(2, '0')}-1${i}`;
      await this.records.create(admin, {
        userId,
        ...RECORDS[i % RECORDS.length],
        completedOn: day < today ? day : today,
      });
    }
  }
}
