import { Module } from '@nestjs/common';
import { QueuesDashboardController } from './queues-dashboard.controller';
import { QueuesDashboardService } from './queues-dashboard.service';
import { SystemController } from './system.controller';

/** Diagnostics and the queue dashboard for sysadmins; queues come from the global QueuesModule. */
@Module({
  controllers: [SystemController, QueuesDashboardController],
  providers: [QueuesDashboardService],
})
export class SystemModule {}
