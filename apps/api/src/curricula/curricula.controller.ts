import type { CurriculumDetail, CurriculumSummary, Paginated } from '@dx/contracts';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { PageQueryDto } from '../http/page-query.dto';
import { uuidParam } from '../http/uuid-param.pipe';
import { CurriculaQueryService } from './curricula-query.service';
import { CurriculaService } from './curricula.service';
import { CreateCurriculumDto } from './dto/create-curriculum.dto';
import { UpdateCurriculumDto } from './dto/update-curriculum.dto';

@ApiTags('curricula')
@ApiBearerAuth()
@Controller('curricula')
export class CurriculaController {
  constructor(
    private readonly curricula: CurriculaService,
    private readonly queries: CurriculaQueryService,
  ) {}

  @Post()
  @Roles('trainer')
  @ApiOperation({ summary: 'Create a draft curriculum (trainer in scope, sysadmin)' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateCurriculumDto,
  ): Promise<CurriculumDetail> {
    return this.curricula.create(user, dto);
  }

  @Get()
  @ApiOperation({
    summary: 'Published curricula you can see; trainers also see the ones they can edit',
  })
  list(
    @CurrentUser() user: AuthUser,
    @Query() q: PageQueryDto,
  ): Promise<Paginated<CurriculumSummary>> {
    return this.queries.list(user, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A curriculum with its courses in order and your progress along it' })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CurriculumDetail> {
    return this.queries.detail(user, id);
  }

  @Patch(':id')
  @Roles('trainer')
  @ApiOperation({ summary: 'Edit a curriculum; courseIds replaces the ordered list' })
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
    @Body() dto: UpdateCurriculumDto,
  ): Promise<CurriculumDetail> {
    return this.curricula.update(user, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({
    summary: 'Publish: learners of the owner unit see it; 400 with the reason when it cannot be',
  })
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CurriculumDetail> {
    return this.curricula.publish(user, id);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('trainer')
  @ApiOperation({ summary: 'Archive: hidden from learners; earned certificates stay' })
  archive(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<CurriculumDetail> {
    return this.curricula.archive(user, id);
  }
}
