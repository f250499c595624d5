import { Module } from '@nestjs/common';
import { SystemController } from './system.controller';

/** Diagnostics for sysadmins; the queue comes from the global QueuesModule. */
@Module({ controllers: [SystemController] })
export class SystemModule {}
