import type { Paginated, UserResponse } from '@dx/contracts';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser } from '../auth/auth-user';
import { Roles } from '../auth/roles.decorator';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('hr')
  @ApiOperation({ summary: 'Create a user in your subtree (hr, sysadmin); hr cannot grant sysadmin' })
  create(@CurrentUser() caller: AuthUser, @Body() dto: CreateUserDto): Promise<UserResponse> {
    return this.users.create(caller, dto);
  }

  @Get()
  @Roles('hr', 'trainer')
  @ApiOperation({ summary: 'People of your subtree' })
  list(@CurrentUser() caller: AuthUser, @Query() q: ListUsersQuery): Promise<Paginated<UserResponse>> {
    return this.users.list(caller, q);
  }
}
