import type { MyRequirement, Paginated, Requirement } from '@dx/contracts';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { uuidParam } from '../http/uuid-param.pipe';
import { CreateRequirementDto } from './dto/create-requirement.dto';
import { UpdateRequirementDto } from './dto/update-requirement.dto';
import { RequirementChangesService } from './requirement-changes.service';
import { RequirementsQueryDto, YearQueryDto } from './dto/year-query.dto';
import { MyRequirementsService } from './my-requirements.service';
import { RequirementsService } from './requirements.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller()
export class RequirementsController {
  constructor(
    private readonly requirements: RequirementsService,
    private readonly my: MyRequirementsService,
    private readonly changes: RequirementChangesService,
  ) {}

  @Post('requirements')
  @Roles('hr')
  @ApiOperation({
    summary: 'Set a yearly training requirement for a subtree (hr in scope, sysadmin)',
  })
  @ApiResponse({ status: 201, description: 'Created; the people it covers are evaluated' })
  @ApiResponse({
    status: 400,
    description: 'Due date outside the year, hours ≤ 0 or > 2,000, unknown DX role',
  })
  @ApiResponse({ status: 404, description: 'Curriculum not visible to the caller' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateRequirementDto): Promise<Requirement> {
    return this.requirements.create(user, dto);
  }

  @Get('requirements')
  @Roles('hr')
  @ApiOperation({ summary: 'Requirements on your subtree and those above that apply to it' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: RequirementsQueryDto,
  ): Promise<Paginated<Requirement>> {
    return this.requirements.list(user, q);
  }

  @Patch('requirements/:id')
  @Roles('hr')
  @ApiOperation({
    summary:
      'Correct a requirement of your subtree (DX roles, job titles, hours, due date); its people are re-evaluated',
  })
  @ApiResponse({ status: 400, description: 'Due date outside its year, hours ≤ 0 or > 2,000' })
  @ApiResponse({ status: 404, description: 'No such requirement in your subtree' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateRequirementDto,
  ): Promise<Requirement> {
    return this.changes.update(user, id, dto);
  }

  @Delete('requirements/:id')
  @Roles('hr')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a requirement of your subtree; its people are re-evaluated' })
  @ApiResponse({ status: 404, description: 'No such requirement in your subtree' })
  async remove(@CurrentUser() user: AuthUser, @Param('id', uuidParam()) id: string): Promise<void> {
    await this.changes.remove(user, id);
  }

  @Get('me/requirements')
  @ApiOperation({ summary: 'The requirements of a year (default this year) that apply to you' })
  mine(@CurrentUser() user: AuthUser, @Query() q: YearQueryDto): Promise<MyRequirement[]> {
    return this.my.mine(user, q.year);
  }
}
