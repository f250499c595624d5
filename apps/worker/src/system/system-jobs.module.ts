import { Module } from '@nestjs/common';
import { SystemProcessor } from './system.processor';

@Module({ providers: [SystemProcessor] })
export class SystemJobsModule {}
