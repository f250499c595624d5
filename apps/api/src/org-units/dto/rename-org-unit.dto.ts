import type { RenameOrgUnitRequest } from '@dx/contracts';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RenameOrgUnitDto implements RenameOrgUnitRequest {
  @ApiProperty({ example: 'Sở Khoa học và Công nghệ thành phố Hà Nội', minLength: 2, maxLength: 255 })
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().normalize('NFC') : value))
  @MinLength(2)
  @MaxLength(255)
  name: string;
}
