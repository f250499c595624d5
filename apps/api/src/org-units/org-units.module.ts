import { OrgUnitEdgeEntity, OrgUnitEntity } from '@dx/db';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MyOrgUnitController } from './my-org-unit.controller';
import { OrgScopeService } from './org-scope.service';
import { OrgUnitMergeService } from './org-unit-merge.service';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';
import { TrainingLedgerModule } from '../training/training-ledger.module';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnitEntity, OrgUnitEdgeEntity]), TrainingLedgerModule],
  controllers: [OrgUnitsController, MyOrgUnitController],
  providers: [OrgUnitsService, OrgScopeService, OrgUnitMergeService],
  exports: [OrgScopeService, OrgUnitMergeService],
})
export class OrgUnitsModule {}
