import type { Paginated, PeopleReportRow } from '@dx/contracts';
import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { PeopleReportQueryDto } from './dto/people-report.query';
import { PeopleReportService } from './people-report.service';

/** `replica` or `primary`: where a list was read. */
export const READ_SOURCE_HEADER = 'X-Read-Source';

@ApiTags('reports')
@ApiBearerAuth()
@Roles('hr')
@Controller('reports/people')
export class PeopleReportController {
  constructor(private readonly people: PeopleReportService) {}

  @Get()
  @ApiOperation({
    summary:
      'DX staff of a subtree at the end of a year (today for this one), trained or not; format=csv|xlsx for a file',
  })
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiNotFoundResponse({ description: 'Unknown unit, or outside your scope' })
  async list(
    @CurrentUser() user: AuthUser,
    @Query() q: PeopleReportQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Paginated<PeopleReportRow> | StreamableFile> {
    const read = q.format ? await this.people.file(user, q) : await this.people.page(user, q);
    // Which server answered (a replica, or the primary when none is current or up), for
    // whoever checks how old the list can be.
    res.setHeader(READ_SOURCE_HEADER, read.source);
    if (!('body' in read.result)) return read.result;
    const file = read.result;
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName));
    return new StreamableFile(file.body, { type: file.contentType });
  }
}
