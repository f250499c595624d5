import type { CourseStatus, CourseListQuery, AuthoringCourseListQuery } from '@dx/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../http/page-query.dto';

export class ListCoursesQuery extends PageQueryDto implements CourseListQuery {
  @ApiPropertyOptional({
    example: 'chuyển đổi số',
    description: 'Words to find, with or without diacritics',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class AuthoringCoursesQuery extends ListCoursesQuery implements AuthoringCourseListQuery {
  @ApiPropertyOptional({ enum: ['draft', 'published', 'archived'] })
  @IsOptional()
  @IsIn(['draft', 'published', 'archived'])
  status?: CourseStatus;
}
