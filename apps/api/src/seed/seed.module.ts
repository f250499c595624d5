import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { AdminAccountService } from './admin-account.service';
import { StartupService } from './startup.service';

@Module({
  imports: [UsersModule],
  providers: [AdminAccountService, StartupService],
})
export class SeedModule {}
