import { MembershipEntity, UserEntity } from '@dx/db';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FileJobsModule } from '../file-jobs/file-jobs.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { TrainingLedgerModule } from '../training/training-ledger.module';
import { ActivationCodesService } from './activation-codes.service';
import { ActivationSlipsController } from './activation-slips.controller';
import { ActivationSlipsService } from './activation-slips.service';
import { UserUpdateService } from './user-update.service';
import { UsersImportService } from './users-import.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, MembershipEntity]),
    OrgUnitsModule,
    FileJobsModule,
    TrainingLedgerModule,
  ],
  controllers: [ActivationSlipsController, UsersController],
  providers: [
    UsersService,
    UsersImportService,
    ActivationCodesService,
    ActivationSlipsService,
    UserUpdateService,
  ],
  exports: [UsersService],
})
export class UsersModule {}
