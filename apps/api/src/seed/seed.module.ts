import { Module } from '@nestjs/common';
import { CertificateRequestsModule } from '../certificates/certificate-requests.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { UsersModule } from '../users/users.module';
import { AdminAccountService } from './admin-account.service';
import { DemoCompletionsStep } from './demo-completions.step';
import { DemoCoursesStep } from './demo-courses.step';
import { DemoOrgUnitsStep } from './demo-org-units.step';
import { DemoPeopleStep } from './demo-people.step';
import { DemoReformStep } from './demo-reform.step';
import { DemoSeedService } from './demo-seed.service';
import { StartupService } from './startup.service';

@Module({
  imports: [UsersModule, OrgUnitsModule, CertificateRequestsModule],
  providers: [
    AdminAccountService,
    StartupService,
    DemoSeedService,
    DemoOrgUnitsStep,
    DemoPeopleStep,
    DemoReformStep,
    DemoCoursesStep,
    DemoCompletionsStep,
  ],
})
export class SeedModule {}
