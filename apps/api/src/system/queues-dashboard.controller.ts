import { QueueJobView, QueueName, QueuesDashboard } from '@dx/contracts';
import { Controller, Get, HttpCode, Param, PipeTransform, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/roles.decorator';
import { QueueJobsQuery } from './dto/queue-jobs.query';
import { QueuesDashboardService } from './queues-dashboard.service';
import { invalidField } from '../http/invalid-input';

// Typed `string` at the handlers: a TypeScript enum in decorator metadata makes Swagger
// walk the enum object as if it were a DTO (and fail on its members).
const QueueNamePipe: PipeTransform<string, QueueName> = {
  transform(value: string): QueueName {
    if (!(Object.values(QueueName) as string[]).includes(value)) {
      const names = Object.values(QueueName);
      throw invalidField('name', `name must be one of ${names.join(', ')}`, 'is_in', {
        values: names.join(', '),
      });
    }
    return value as QueueName;
  },
};

/** The sysadmins' queue dashboard: counts, failed jobs and retry (like Bull Board, smaller). */
@ApiTags('system')
@ApiBearerAuth()
@Roles('sysadmin')
@Controller('system/queues')
export class QueuesDashboardController {
  constructor(private readonly dashboard: QueuesDashboardService) {}

  @Get()
  @ApiOperation({ summary: 'Every queue with its job counts and workers, and the outbox backlog' })
  overview(): Promise<QueuesDashboard> {
    return this.dashboard.overview();
  }

  @Get(':name/jobs')
  @ApiOperation({ summary: 'Jobs of a queue in one state (default: failed), newest first' })
  jobs(
    @Param('name', QueueNamePipe) name: string,
    @Query() q: QueueJobsQuery,
  ): Promise<QueueJobView[]> {
    return this.dashboard.jobs(name as QueueName, q.state, q.offset, q.pageSize);
  }

  @Post(':name/jobs/:jobId/retry')
  @HttpCode(204)
  @ApiOperation({ summary: 'Retry a failed job' })
  retry(@Param('name', QueueNamePipe) name: string, @Param('jobId') jobId: string): Promise<void> {
    return this.dashboard.retry(name as QueueName, jobId.slice(0, 200));
  }
}
