import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AdminAccountService } from './admin-account.service';

/** Start-up data: the configured sysadmin (and, when enabled, the demo data set). */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(private readonly admin: AdminAccountService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.admin.ensureAdmin();
  }
}
