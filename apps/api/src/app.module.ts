import { AppConfig, AppConfigModule } from '@dx/config';
import { DatabaseModule } from '@dx/db';
import { QueuesModule } from '@dx/queues';
import { StorageModule } from '@dx/storage';
import { DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CacheModule } from './cache/cache.module';
import { CertificatesModule } from './certificates/certificates.module';
import { CoursesModule } from './courses/courses.module';
import { CurriculaModule } from './curricula/curricula.module';
import { HealthModule } from './health/health.module';
import { ThrottlingModule } from './http/throttling/throttling.module';
import { LearningModule } from './learning/learning.module';
import { OrgUnitsModule } from './org-units/org-units.module';
import { PrivacyModule } from './privacy/privacy.module';
import { QuizzesModule } from './quizzes/quizzes.module';
import { RedisModule } from './redis/redis.module';
import { ReportsModule } from './reports/reports.module';
import { SeedModule } from './seed/seed.module';
import { SystemModule } from './system/system.module';
import { TrainingModule } from './training/training.module';
import { UsersModule } from './users/users.module';
import { NotificationsModule } from './notifications/notifications.module';
import { MailModule } from './mail/mail.module';
import { UserAccountsModule } from './users/user-accounts.service';

@Module({})
export class AppModule {
  /** `config` is given by tests; in production it is read from the environment. */
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        DatabaseModule.forRoot({ applicationName: 'dx-api', poolSize: 20 }),
        QueuesModule.forRoot(),
        RedisModule,
        ThrottlingModule,
        CacheModule,
        StorageModule,
        AuthModule,
        MailModule,
        UserAccountsModule,
        HealthModule,
        OrgUnitsModule,
        UsersModule,
        CoursesModule,
        CurriculaModule,
        LearningModule,
        QuizzesModule,
        CertificatesModule,
        ReportsModule,
        SeedModule,
        SystemModule,
        AuditModule,
        PrivacyModule,
        NotificationsModule,
        TrainingModule,
      ],
    };
  }
}
