import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { FileJobsService } from './file-jobs.service';

/** The `file_job` table: files asked for in the API and made by the worker. */
@Module({
  imports: [OrgUnitsModule],
  providers: [FileJobsService],
  exports: [FileJobsService],
})
export class FileJobsModule {}
