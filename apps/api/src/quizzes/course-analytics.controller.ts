import type { CourseAnalyticsResponse } from '@dx/contracts';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { attachmentDisposition } from '@dx/storage';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { renderAnalyticsCsv } from './course-analytics-csv';
import { CourseAnalyticsService } from './course-analytics.service';

@ApiTags('courses')
@ApiBearerAuth()
@Controller('courses/:id/analytics')
export class CourseAnalyticsController {
  constructor(private readonly analytics: CourseAnalyticsService) {}

  @Get()
  @ApiOperation({
    summary: 'Trainer analytics of a course (trainers in scope, sysadmins; 404 otherwise)',
    description:
      'Enrolments, completions by month, completion rate, median days to complete; per quiz of ' +
      'every version: attempts, mean score, pass rate, and per question the share right ' +
      '(difficulty), the point-biserial discrimination and flags.',
  })
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) courseId: string,
  ): Promise<CourseAnalyticsResponse> {
    return this.analytics.forCourse(user, courseId);
  }

  @Get('export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The per-question figures as CSV (UTF-8 with BOM)' })
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) courseId: string,
  ): Promise<StreamableFile> {
    const csv = renderAnalyticsCsv(await this.analytics.forCourse(user, courseId));
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition('thong-ke-khoa-hoc.csv'),
    });
  }
}
