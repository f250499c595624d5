import type { UpdateCertificateIssuerRequest } from '@dx/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateCertificateIssuerDto implements UpdateCertificateIssuerRequest {
  @ApiProperty({ example: 'Sở Thông tin và Truyền thông', maxLength: 255 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  bodyName: string;

  @ApiPropertyOptional({
    type: String,
    example: 'Ủy ban nhân dân tỉnh Hà Giang',
    maxLength: 255,
    nullable: true,
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(255)
  parentBodyName?: string | null;

  @ApiProperty({ example: 'GIÁM ĐỐC', maxLength: 128 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  signerTitle: string;

  @ApiProperty({ example: 'Nguyễn Văn An', maxLength: 128 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  signerName: string;

  @ApiProperty({ example: 'Hà Giang', maxLength: 64 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  place: string;
}

export class SealImageFileDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PNG or JPEG, at most 1 MB' })
  file: unknown;
}
