import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AdminAccountService } from './admin-account.service';
import { DemoSeedService } from './demo-seed.service';

/** Start-up data: the demo data set when enabled, then the configured sysadmin. */
@Injectable()
export class StartupService implements OnApplicationBootstrap {
  constructor(
    private readonly admin: AdminAccountService,
    private readonly demo: DemoSeedService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Demo first: it needs an empty tree, and brings its own sysadmin ("quantri").
    await this.demo.seedIfEmpty();
    await this.admin.ensureAdmin();
  }
}
