import type { PersonalDataExport } from '@dx/contracts';
import { Controller, Delete, Get, HttpCode, Param, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { DataExportService } from './data-export.service';
import { UserDeletionService } from './user-deletion.service';

/** The rights of a data subject under Law 91/2025 on personal data protection. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller()
export class PrivacyController {
  constructor(
    private readonly exports: DataExportService,
    private readonly deletions: UserDeletionService,
  ) {}

  @Get('me/data-export')
  @ApiOperation({
    summary: 'Everything the system holds about you, as a JSON file to download',
    description:
      'Profile, memberships, enrolments and lesson completions, quiz attempts with your answers ' +
      'and scores, certificates with their links, sessions and the administrative actions you took.',
  })
  async dataExport(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PersonalDataExport> {
    const data = await this.exports.export(user.id);
    const day = data.exportedAt.slice(0, 10);
    res.setHeader(
      'Content-Disposition',
      attachmentDisposition(`dx-academy-${user.username}-${day}.json`),
    );
    res.setHeader('Cache-Control', 'no-store');
    return data;
  }

  @Delete('users/:id')
  @Roles('hr')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a person and their personal data (sysadmin, or hr in scope)',
    description:
      'Issued certificates stay verifiable by serial, showing only the holder name. ' +
      'You cannot delete yourself; hr cannot delete a sysadmin (403).',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'Unknown, or outside your scope' })
  delete(@CurrentUser() caller: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    return this.deletions.delete(caller, id);
  }
}
