import type { MyTrainingRecord } from '@dx/contracts';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { MyTrainingRecordDto } from './dto/my-training-record.dto';
import { MyTrainingRecordsService } from './my-training-records.service';

@ApiTags('training')
@ApiBearerAuth()
@Controller('me/training-records')
export class MyTrainingRecordsController {
  constructor(private readonly records: MyTrainingRecordsService) {}

  @Get()
  @ApiOperation({
    summary: 'Your training recorded by HR (done outside the platform), latest first',
  })
  @ApiOkResponse({ type: [MyTrainingRecordDto] })
  mine(@CurrentUser() user: AuthUser): Promise<MyTrainingRecord[]> {
    return this.records.mine(user);
  }
}
