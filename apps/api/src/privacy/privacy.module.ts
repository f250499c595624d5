import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { TrainingModule } from '../training/training.module';
import { DataExportService } from './data-export.service';
import { PrivacyController } from './privacy.controller';
import { UserDeletionService } from './user-deletion.service';

@Module({
  imports: [OrgUnitsModule, TrainingModule],
  controllers: [PrivacyController],
  providers: [DataExportService, UserDeletionService],
})
export class PrivacyModule {}
