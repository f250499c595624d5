import type { ActivationSlipsStatus } from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { ActivationSlipsService, SlipFormat } from './activation-slips.service';
import {
  ActivationSlipsAcceptedDto,
  ActivationSlipsStatusDto,
  RequestActivationSlipsDto,
} from './dto/activation-slips.dto';

@ApiTags('users')
@ApiBearerAuth()
@Roles('hr')
@Controller('activation-slips')
export class ActivationSlipsController {
  constructor(private readonly slips: ActivationSlipsService) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Print activation slips for a unit (hr in scope, sysadmin): the worker issues a new code for every active person of the subtree without a password (never a sysadmin) and makes a PDF of slips to cut and an XLSX list',
    description: 'Earlier open codes of those people stop working. Audited.',
  })
  @ApiAcceptedResponse({ type: ActivationSlipsAcceptedDto })
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  request(
    @CurrentUser() caller: AuthUser,
    @Body() dto: RequestActivationSlipsDto,
  ): Promise<{ jobId: string }> {
    return this.slips.request(caller, dto.orgUnitId);
  }

  @Get(':jobId')
  @ApiOperation({ summary: 'State and progress of a unit’s activation slips; file paths once made' })
  @ApiOkResponse({ type: ActivationSlipsStatusDto })
  @ApiNotFoundResponse({ description: 'Unknown job, or its unit is outside your scope' })
  status(
    @CurrentUser() caller: AuthUser,
    @Param('jobId') jobId: string,
  ): Promise<ActivationSlipsStatus> {
    return this.slips.status(caller, jobId);
  }

  @Get(':jobId/pdf')
  @ApiOperation({ summary: 'The slips to print and cut, as PDF (they hold live codes)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse({ description: 'Unknown job, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Not made yet, or failed' })
  pdf(@CurrentUser() caller: AuthUser, @Param('jobId') jobId: string): Promise<StreamableFile> {
    return this.file(caller, jobId, 'pdf');
  }

  @Get(':jobId/xlsx')
  @ApiOperation({ summary: 'The same codes as an XLSX list (they hold live codes)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment' })
  @ApiNotFoundResponse({ description: 'Unknown job, or its unit is outside your scope' })
  @ApiConflictResponse({ description: 'Not made yet, or failed' })
  xlsx(@CurrentUser() caller: AuthUser, @Param('jobId') jobId: string): Promise<StreamableFile> {
    return this.file(caller, jobId, 'xlsx');
  }

  private async file(caller: AuthUser, jobId: string, format: SlipFormat): Promise<StreamableFile> {
    const file = await this.slips.file(caller, jobId, format);
    return new StreamableFile(file.stream, {
      type: file.contentType,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
