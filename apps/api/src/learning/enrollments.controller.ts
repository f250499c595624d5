import type { EnrollResponse, MyEnrollment } from '@dx/contracts';
import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post('courses/:id/enroll')
  @ApiOperation({
    summary: 'Enrol in a published course you can see (pinned to its current version)',
  })
  @ApiResponse({ status: 201, description: 'Enrolled now' })
  @ApiResponse({ status: 200, description: 'Already enrolled: the same enrolment' })
  @ApiResponse({ status: 404, description: 'No such published course in your scope' })
  async enroll(
    @CurrentUser() user: AuthUser,
    @Param('id', uuidParam()) courseId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EnrollResponse> {
    const outcome = await this.enrollments.enroll(user, courseId);
    res.status(outcome.created ? 201 : 200);
    return outcome.body;
  }

  @Get('me/enrollments')
  @ApiOperation({ summary: 'Your enrolments, latest activity first' })
  mine(@CurrentUser() user: AuthUser): Promise<MyEnrollment[]> {
    return this.enrollments.mine(user);
  }
}
