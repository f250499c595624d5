import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, Paginated } from '@dx/contracts';
import type { EntityManager } from 'typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `?page=&pageSize=` of every list endpoint. */
export class PageQueryDto {
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

/**
 * How far past the page a long list is counted. An exact total reads an index entry per
 * matching row — the whole audit log, a province's 166,000 certificates, a sysadmin's 10
 * million (seconds at national scale) — where a page needs 20; past this many, the total
 * says "at least" instead (CappedPaginated), and counting takes milliseconds.
 */
export const COUNT_LIMIT = 10_000;

/** The statement counting `rowsSql` (a SELECT without LIMIT) up to one row past `limit`. */
export const cappedCountSql = (rowsSql: string, limit: number) =>
  `SELECT count(*)::int AS counted FROM (${rowsSql} LIMIT ${limit + 1}) capped`;

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
