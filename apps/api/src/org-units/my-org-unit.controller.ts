import type { MyOrgUnitResponse } from '@dx/contracts';
import { Controller, Get, NotFoundException } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser } from '../auth/auth-user';

/**
 * Where the caller belongs, named from the root down ("Việt Nam › Thành phố Hà Nội › Sở …").
 * Ancestors are outside most callers' scope, so only their names and codes are given.
 */
@ApiTags('org-units')
@ApiBearerAuth()
@Controller('me')
export class MyOrgUnitController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('org-unit')
  @ApiOperation({ summary: 'Your unit and its ancestors (root first), names and codes only' })
  async mine(@CurrentUser() user: AuthUser): Promise<MyOrgUnitResponse> {
    // The materialised path lists the ids from the root: one query for the whole chain.
    const rows: { id: string; code: string; name: string }[] = await this.db.query(
      `SELECT a.id, a.code, a.name
         FROM org_unit u
         JOIN org_unit a ON u.path LIKE a.path || '%'
        WHERE u.id = $1
        ORDER BY length(a.path)`,
      [user.orgUnitId],
    );
    const own = rows[rows.length - 1];
    if (!own || own.id !== user.orgUnitId) throw new NotFoundException('Unit not found');
    return { id: own.id, code: own.code, name: own.name, path: rows };
  }
}
