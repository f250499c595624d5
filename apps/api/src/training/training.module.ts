import { Module } from '@nestjs/common';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { MyRequirementsService } from './my-requirements.service';
import { MyTrainingRecordsController } from './my-training-records.controller';
import { MyTrainingRecordsService } from './my-training-records.service';
import { RequirementChangesService } from './requirement-changes.service';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';
import { TrainingEvidenceController } from './training-evidence.controller';
import { TrainingEvidenceService } from './training-evidence.service';
import { TrainingLedgerModule } from './training-ledger.module';
import { TrainingRecordsController } from './training-records.controller';
import { TrainingRecordsService } from './training-records.service';

/** The yearly cycle's own endpoints: requirements and recorded training. */
@Module({
  imports: [OrgUnitsModule, TrainingLedgerModule],
  controllers: [
    RequirementsController,
    TrainingRecordsController,
    MyTrainingRecordsController,
    TrainingEvidenceController,
  ],
  providers: [
    RequirementsService,
    RequirementChangesService,
    MyRequirementsService,
    TrainingRecordsService,
    MyTrainingRecordsService,
    TrainingEvidenceService,
  ],
  // The demo seed makes its requirements and records through these; an erasure deletes
  // the person's evidence files.
  exports: [RequirementsService, TrainingRecordsService, TrainingEvidenceService],
})
export class TrainingModule {}
