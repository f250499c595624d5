import { Module } from '@nestjs/common';
import { MergesScheduleService } from '../org-units/merges-schedule.service';
import { ScheduledMergesService } from '../org-units/scheduled-merges.service';
import { ActivationSlipsService } from '../users/activation-slips.service';
import { SystemProcessor } from './system.processor';

@Module({ providers: [
    SystemProcessor,
    ScheduledMergesService,
    MergesScheduleService,
    ActivationSlipsService,
  ], })
export class SystemJobsModule {}
