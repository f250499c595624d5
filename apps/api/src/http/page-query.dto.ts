import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Paginated, type PageQuery } from '@dx/contracts';
import { cappedCountSql, COUNT_LIMIT } from '@dx/db';
import type { EntityManager } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=&pageSize=` of every list endpoint. */
export class PageQueryDto implements PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize = DEFAULT_PAGE_SIZE;

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }
}

export function paginated<T>(items: T[], total: number, q: PageQueryDto): Paginated<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

// The counting statement lives in @dx/db, where the bench measures the same SQL.
export { cappedCountSql, COUNT_LIMIT } from '@dx/db';

/**
 * Total of a long list for the page `q`: exact below COUNT_LIMIT past the page, otherwise
 * offset + COUNT_LIMIT with `totalExact` false, so that a next page is still offered.
 */
export async function cappedTotal(
  db: Pick<EntityManager, 'query'>,
  rowsSql: string,
  params: unknown[],
  q: PageQueryDto,
): Promise<{ total: number; totalExact: boolean }> {
  const limit = q.offset + COUNT_LIMIT;
  const [{ counted }] = await db.query(cappedCountSql(rowsSql, limit), params);
  return counted <= limit
    ? { total: counted, totalExact: true }
    : { total: limit, totalExact: false };
}
