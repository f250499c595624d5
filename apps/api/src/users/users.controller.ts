import type {
  ActivationCodeResponse,
  Paginated,
  UserImportResult,
  UserResponse,
} from '@dx/contracts';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { RateLimit } from '../http/throttling/rate-limit.guard';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ImportUsersFileDto, UserImportResultDto } from './dto/import-users.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { ImportFileInterceptor } from './import/import-file.interceptor';
import type { ImportUpload } from './import/user-sheet.reader';
import { ActivationCodesService } from './activation-codes.service';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserUpdateService } from './user-update.service';
import { UsersImportService } from './users-import.service';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UsersImportService,
    private readonly activationCodes: ActivationCodesService,
    private readonly updates: UserUpdateService,
  ) {}

  @Post()
  @Roles('hr')
  @ApiOperation({
    summary: 'Create a user in your subtree (hr, sysadmin); hr cannot grant sysadmin',
  })
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(caller, dto);
  }

  @Post('import')
  @Roles('hr')
  @RateLimit('userImport')
  @HttpCode(200)
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: ImportUsersFileDto })
  @ApiOkResponse({ type: UserImportResultDto })
  @ApiOperation({
    summary: 'Create or update people of your subtree from a CSV/XLSX list (hr, sysadmin)',
    description:
      'Valid rows are saved even when others fail; re-importing the same file changes nothing.',
  })
  import(
    @CurrentUser() caller: AuthUser,
    @UploadedFile() file: ImportUpload | undefined,
  ): Promise<UserImportResult> {
    return this.importer.import(caller, file);
  }

  @Get()
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'People of your subtree' })
  list(
    @CurrentUser() caller: AuthUser,
    @Query() q: ListUsersQuery,
  ): Promise<Paginated<UserResponse>> {
    return this.users.list(caller, q);
  }

  @Post(':id/activation')
  @Roles('hr')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a one-time activation code for a person of your subtree (hr, sysadmin)',
    description:
      'Replaces any earlier code. The code is answered once (and mailed when the person has an email); only a keyed hash is stored.',
  })
  issueActivationCode(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ActivationCodeResponse> {
    return this.activationCodes.issue(caller, id);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({
    summary:
      'Edit, transfer, change roles of, deactivate or reactivate a person of your subtree (hr, sysadmin)',
    description:
      'orgUnitId + effectiveDate transfer the person (earlier reports unchanged; 400 for a date before the current membership began). active:false ends sign-in, refresh and access tokens (within a minute); history and certificates stay. hr cannot grant sysadmin nor edit a sysadmin.',
  })
  update(
    @CurrentUser() caller: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponse> {
    return this.updates.update(caller, id, dto);
  }
}
