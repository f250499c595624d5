import type { MyCurriculum } from '@dx/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { CurriculaQueryService } from './curricula-query.service';

@ApiTags('curricula')
@ApiBearerAuth()
@Controller('me')
export class MyCurriculaController {
  constructor(private readonly queries: CurriculaQueryService) {}

  @Get('curricula')
  @ApiOperation({ summary: 'Published curricula for your unit and job title, with your progress' })
  mine(@CurrentUser() user: AuthUser): Promise<MyCurriculum[]> {
    return this.queries.mine(user);
  }
}
