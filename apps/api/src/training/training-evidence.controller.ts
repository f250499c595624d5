import type { TrainingRecord } from '@dx/contracts';
import {
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Put,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { TrainingEvidenceFileDto } from './dto/training-record.dto';
import { evidenceFile, TrainingEvidenceInterceptor } from './training-evidence-file';
import { TrainingEvidenceService } from './training-evidence.service';

/** The scanned evidence of a recorded training (hr in scope, sysadmin). */
@ApiTags('training')
@ApiBearerAuth()
@Controller('training-records/:id/evidence')
@Roles('hr')
export class TrainingEvidenceController {
  constructor(private readonly evidence: TrainingEvidenceService) {}

  @Put()
  @UseInterceptors(TrainingEvidenceInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: TrainingEvidenceFileDto })
  @ApiOperation({
    summary:
      'Upload or replace the evidence file: PDF, JPEG or PNG up to 10 MB (the old one is deleted)',
  })
  @ApiBadRequestResponse({ description: 'Empty, too large, or not a PDF, JPEG or PNG' })
  @ApiNotFoundResponse({ description: 'No such record in your subtree' })
  put(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @UploadedFile() file: { buffer: Buffer } | undefined,
  ): Promise<TrainingRecord> {
    return this.evidence.put(user, id, file?.buffer);
  }

  @Get()
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: 'Download the evidence file' })
  @ApiNotFoundResponse({ description: 'No such record in your subtree, or it has no file' })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return evidenceFile(await this.evidence.download(user, id), res);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the evidence file (the record stays)' })
  @ApiNoContentResponse({ description: 'Removed, or there was none' })
  @ApiNotFoundResponse({ description: 'No such record in your subtree' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.evidence.remove(user, id);
  }
}
