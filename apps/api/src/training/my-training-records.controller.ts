import type { MyTrainingRecord } from '@dx/contracts';
import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { MyTrainingRecordDto } from './dto/my-training-record.dto';
import { MyTrainingRecordsService } from './my-training-records.service';
import { evidenceFile } from './training-evidence-file';
import { TrainingEvidenceService } from './training-evidence.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('me/training-records')
export class MyTrainingRecordsController {
  constructor(
    private readonly records: MyTrainingRecordsService,
    private readonly evidence: TrainingEvidenceService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Your training recorded by HR (done outside the platform), latest first',
  })
  @ApiOkResponse({ type: [MyTrainingRecordDto] })
  mine(@CurrentUser() user: AuthUser): Promise<MyTrainingRecord[]> {
    return this.records.mine(user);
  }

  @Get(':id/evidence')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'Download the evidence file HR uploaded for one of your records' })
  @ApiNotFoundResponse({ description: 'Not one of your records, or it has no file' })
  async evidenceOf(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return evidenceFile(await this.evidence.downloadOwn(user, id), res);
  }
}
