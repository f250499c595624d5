import type { CourseProgress } from '@dx/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { uuidParam } from '../http/uuid-param.pipe';
import { CourseProgressService } from './course-progress.service';

@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class CourseProgressController {
  constructor(private readonly progress: CourseProgressService) {}

  @Get('me/enrollments/:courseId/progress')
  @ApiOperation({
    summary:
      'Your lessons done and quizzes passed in a course, and the next unfinished item; 404 when not enrolled',
  })
  course(
    @CurrentUser() user: AuthUser,
    @Param('courseId', uuidParam()) courseId: string,
  ): Promise<CourseProgress> {
    return this.progress.progress(user, courseId);
  }
}
