import type { TrainingRecord } from '@dx/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import {
  CreateTrainingRecordDto,
  TrainingRecordsQueryDto,
  UpdateTrainingRecordDto,
} from './dto/training-record.dto';
import { TrainingRecordsService } from './training-records.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('training-records')
@Roles('hr')
export class TrainingRecordsController {
  constructor(private readonly records: TrainingRecordsService) {}

  @Post()
  @ApiOperation({ summary: 'Record training done elsewhere for a person (hr in scope, sysadmin)' })
  @ApiResponse({ status: 201, description: 'Recorded; counts toward hours and trained' })
  @ApiResponse({ status: 404, description: 'No such person in your subtree' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateTrainingRecordDto,
  ): Promise<TrainingRecord> {
    return this.records.create(user, dto);
  }

  @Get()
  @ApiOperation({ summary: 'A person’s recorded trainings, latest first' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: TrainingRecordsQueryDto,
  ): Promise<TrainingRecord[]> {
    return this.records.list(user, q.userId);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct a recorded training' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateTrainingRecordDto,
  ): Promise<TrainingRecord> {
    return this.records.update(user, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a recorded training' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.records.remove(user, id);
  }
}
