import type { OrgUnitResponse, Paginated } from '@dx/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateOrgUnitDto } from './dto/create-org-unit.dto';
import { ListOrgUnitsQuery } from './dto/list-org-units.query';
import { MergeOrgUnitDto } from './dto/merge-org-unit.dto';
import { RenameOrgUnitDto } from './dto/rename-org-unit.dto';
import { OrgUnitMergeService } from './org-unit-merge.service';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(
    private readonly orgUnits: OrgUnitsService,
    private readonly merges: OrgUnitMergeService,
  ) {}

  @Post()
  @Roles('sysadmin')
  @ApiOperation({ summary: 'Create a unit (sysadmin); 409 when the code is taken' })
  create(@Body() dto: CreateOrgUnitDto): Promise<OrgUnitResponse> {
    return this.orgUnits.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'Children of a unit in your scope (default: the top of your scope)' })
  list(@CurrentUser() user: AuthUser, @Query() q: ListOrgUnitsQuery): Promise<Paginated<OrgUnitResponse>> {
    return this.orgUnits.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One unit; 404 when outside your scope' })
  get(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<OrgUnitResponse> {
    return this.orgUnits.get(user, id);
  }

  @Patch(':id')
  @Roles('hr')
  @ApiOperation({
    summary: 'Rename a unit (hr in scope, sysadmin); audited',
    description:
      'Changes today\'s name only: certificates, stored reports and exports made earlier keep the name they were made with. 400 for a closed (merged) unit.',
  })
  rename(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: RenameOrgUnitDto,
  ): Promise<OrgUnitResponse> {
    return this.orgUnits.rename(user, id, dto);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('sysadmin')
  @ApiOperation({
    summary:
      'Merge a unit into another from a date (sysadmin): it closes, its people and children move. ' +
      'A later date schedules the merge (shown as pendingMerge) for that day',
  })
  merge(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: MergeOrgUnitDto,
  ): Promise<OrgUnitResponse> {
    return this.merges.merge(user, id, dto);
  }

  @Delete(':id/merge')
  @HttpCode(204)
  @Roles('sysadmin')
  @ApiOperation({
    summary: 'Cancel the unit\'s scheduled merge before its date (sysadmin); 404 when none waits',
  })
  async cancelMerge(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.merges.cancel(id);
  }
}
